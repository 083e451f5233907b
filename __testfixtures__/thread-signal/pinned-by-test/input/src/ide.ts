export class IdeClient {
  async openDiff(path: string, content: string) {
    return fetch('http://localhost:7777/diff', { method: 'POST', body: JSON.stringify({ path, content }) });
  }
}

export const ide = new IdeClient();
