export async function load(path: string, signal: AbortSignal) {
  if (path) {
    return await fetch(path, {
      method: "GET",
      headers: { accept: "text/plain" },
    });
  }
}
