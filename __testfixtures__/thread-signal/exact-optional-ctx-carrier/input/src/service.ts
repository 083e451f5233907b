export async function getUser(id: string) {
  const response = await fetch(`https://users.example.com/${id}`);
  return response.json();
}

export async function handle(req: Request) {
  return getUser(new URL(req.url).pathname);
}

export async function handleWith(id: string, opts: { signal?: AbortSignal }) {
  return getUser(id);
}
