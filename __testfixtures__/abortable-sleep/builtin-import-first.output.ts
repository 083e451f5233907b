// SPDX-License-Identifier: MIT

import { setTimeout as sleep } from 'node:timers/promises';
import { log } from './log';
import axios from 'axios';

export async function f() {
  await sleep(500);
  log(axios);
}
