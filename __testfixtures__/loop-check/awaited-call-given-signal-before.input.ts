export async function syncAll(ids: string[], signal?: AbortSignal) {
  // Given the signal, but over before the loop starts: nothing of it watches the loop.
  await getUser(ids[0], signal);
  for (const id of ids) {
    await notify(id);
  }
}
