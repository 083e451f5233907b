import { hostname } from 'node:os';

// Kept where every caller sees it: one caller's abort would reject it for the others.
const warmup = new Promise((resolve) => setTimeout(resolve, 500));
let lastPause: Promise<unknown> | undefined;

export async function ready(signal: AbortSignal) {
  await warmup;
  return hostname();
}

export async function pause(ms: number, signal: AbortSignal) {
  lastPause = new Promise((resolve) => setTimeout(resolve, ms));
  await lastPause;
}
