// SPDX-License-Identifier: MIT

import { setTimeout as sleep } from 'node:timers/promises';
import { log } from './log';
import axios from 'axios';

export async function f(signal: AbortSignal) {
  await sleep(500, undefined, { signal });
  log(axios);
}
