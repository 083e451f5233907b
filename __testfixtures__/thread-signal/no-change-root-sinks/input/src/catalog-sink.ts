/** A catalog sink called by a root: the per-file transforms pass the signal (or say why not), not the pass. */
export async function download(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url);
  return response.text();
}
