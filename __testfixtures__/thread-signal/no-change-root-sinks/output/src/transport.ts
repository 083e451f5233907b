export interface Transport {
  send(message: string, options?: { signal?: AbortSignal }): Promise<void>;
}

/** Known only by its type: whether an implementation honours the signal is not known here. */
export async function reply(transport: Transport, message: string, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  await transport.send(message);
}
