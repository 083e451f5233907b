// SPDX-License-Identifier: MIT

import { log } from './log';
import axios from 'axios';

export async function f() {
  await new Promise((resolve) => setTimeout(resolve, 500));
  log(axios);
}
