#!/usr/bin/env node
import { setTimeout as sleep } from 'node:timers/promises';

// hi
await sleep(5);
