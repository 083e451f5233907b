import { setTimeout } from 'node:timers/promises';

export async function a() {
  await new Promise((resolve) => setTimeout(resolve, 10));
}
