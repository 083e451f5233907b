import { hostname } from 'node:os';

export async function greet(signal: AbortSignal) {
  const value = await new Promise((resolve) => setTimeout(resolve, 10, 'x'));
  return `${value}@${hostname()}`;
}
