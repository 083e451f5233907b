interface SyncOptions {
  signal?: AbortSignal;
}

export async function sync(ids: string[], options: SyncOptions) {
  for (const id of ids) {
    await push(id);
  }
}
