import * as timers from 'timers/promises';

export async function tick({ signal }) {
  await timers.setImmediate();
  await new Promise((resolve) => setTimeout(resolve, 10));
}
