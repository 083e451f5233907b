export default async function download(url: string, signal?: AbortSignal) {
  const response = await fetch(url, { signal });
  return response.arrayBuffer();
}

export async function head(url: string, signal?: AbortSignal) {
  return fetch(url, { method: 'HEAD', signal });
}
