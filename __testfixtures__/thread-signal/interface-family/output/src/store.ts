export interface Store {
  get(key: string): Promise<string>;
}

export class HttpStore implements Store {
  async get(key: string) {
    const response = await fetch(`https://store.example.com/${key}`);
    return response.text();
  }
}

export async function read(store: Store, request: Request) {
  return store.get(new URL(request.url).pathname);
}
