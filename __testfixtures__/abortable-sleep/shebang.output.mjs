#!/usr/bin/env node
import { setTimeout as sleep } from 'node:timers/promises';

// hi
export async function main(signal) {
  await sleep(5, undefined, { signal });
}
