#!/usr/bin/env node
// hi
export async function main(signal) {
  await new Promise((r) => setTimeout(r, 5));
}
