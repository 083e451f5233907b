import * as timers from 'timers/promises';

export async function tick({ signal }) {
  await timers.setImmediate();
  await timers.setTimeout(10, undefined, { signal });
}
