import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export class CancelledError extends Error {}

// A check before the call only is a precondition: the signal changes nothing there.
export async function loadFirst(path: string, signal: AbortSignal) {
  if (signal.aborted) throw new CancelledError('load cancelled');
  return readFile(path, { encoding: 'utf8', signal });
}

// Throwing the signal's reason is what the call itself would reject with.
export async function loadThenCheck(path: string, signal: AbortSignal) {
  const text = await readFile(path, { encoding: 'utf8', signal });
  if (signal.aborted) throw signal.reason;
  return text;
}

// A catch that rethrows what it caught (`instanceof Error` only narrows), or already tells
// aborts apart, keeps its contract.
export async function getTeam(id: string, signal: AbortSignal) {
  try {
    return await fetch(`/teams/${id}`, { signal });
  } catch (error) {
    if (error instanceof Error) console.error(error.message);
    throw error;
  }
}

export async function getUser(id: string, signal: AbortSignal) {
  try {
    return await fetch(`/users/${id}`, { signal });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw new CancelledError('cancelled', { cause: error });
    throw new Error(`cannot load user ${id}`, { cause: error });
  }
}

// A catch that checks the signal turns the call's abort into the code's own error already.
export async function getOrder(id: string, signal: AbortSignal) {
  try {
    return await fetch(`/orders/${id}`, { signal });
  } catch (error) {
    if (signal.aborted) throw new CancelledError('order lookup cancelled');
    throw error;
  }
}

// An abort listener that does not touch what the call makes.
export function run(cmd: string, signal: AbortSignal) {
  signal.addEventListener('abort', () => console.log('run aborted'), { once: true });
  return spawn(cmd, { signal });
}
