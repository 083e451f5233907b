export async function openDiff(path: string, content: string) {
  return fetch('http://localhost:7777/diff', { method: 'POST', body: JSON.stringify({ path, content }) });
}
