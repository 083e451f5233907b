import { stat } from 'node:fs/promises';

// The check's throw would land in the catch, which reports a failed listing: a note instead.
export async function list(paths: string[], signal?: AbortSignal) {
  try {
    const sizes: number[] = [];
    for (const path of paths) {
      sizes.push((await stat(path)).size);
    }
    return { sizes };
  } catch (error) {
    return { error: `Error listing: ${String(error)}` };
  }
}

// A catch that rethrows lets the check's AbortError through: the loop gets its check.
export async function listOrThrow(paths: string[], signal?: AbortSignal) {
  try {
    const sizes: number[] = [];
    for (const path of paths) {
      sizes.push((await stat(path)).size);
    }
    return sizes;
  } catch (error) {
    console.error(error);
    throw error;
  }
}
