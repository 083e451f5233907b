#!/usr/bin/env node
// hi
import { setTimeout as sleep } from 'node:timers/promises';

await sleep(5);
