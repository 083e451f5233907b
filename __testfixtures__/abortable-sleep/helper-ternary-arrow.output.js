const { hostname } = require('node:os');
const { setTimeout: sleep } = require('node:timers/promises');

const waitMs = (ms, signal) => (ms > 0 ? sleep(ms, undefined, { signal }) : Promise.resolve());

// Both branches wait: each one gets the signal.
const jitter = (ms, spread, signal) => spread ? sleep(ms + Math.random() * spread, undefined, { signal }) : sleep(ms, undefined, { signal });

async function installUpdate({ stepDelayMs = 260, signal }) {
  await waitMs(stepDelayMs, signal);
  await jitter(stepDelayMs, 50, signal);
  return hostname();
}

module.exports = { installUpdate };
