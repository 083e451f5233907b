const { hostname } = require('node:os');

const waitMs = (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

// Both branches wait: each one gets the signal.
const jitter = (ms, spread) => spread ? new Promise((resolve) => setTimeout(resolve, ms + Math.random() * spread)) : new Promise((resolve) => setTimeout(resolve, ms));

async function installUpdate({ stepDelayMs = 260, signal }) {
  await waitMs(stepDelayMs);
  await jitter(stepDelayMs, 50);
  return hostname();
}

module.exports = { installUpdate };
