// SPDX-License-Identifier: MIT

import { log } from './log';
import axios from 'axios';

export async function f(signal: AbortSignal) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  log(axios);
}
