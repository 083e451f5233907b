export default async function download(url: string) {
  const response = await fetch(url);
  return response.arrayBuffer();
}

export async function head(url: string) {
  return fetch(url, { method: 'HEAD' });
}
