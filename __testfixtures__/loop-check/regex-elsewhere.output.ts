export async function pump(lines: AsyncIterable<string>, signal?: AbortSignal) {
  for await (const line of lines) {
    signal?.throwIfAborted();
    await write(line);
  }
}

// Far from the edit: the regex literal's statement keeps its line breaks.
export function isNotFound(message: unknown): boolean {
  return (
    typeof message === 'string' &&
    /no such file|not found|ENOENT/i.test(message)
  );
}
