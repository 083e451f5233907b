export async function proxy(request: Request, token: string) {
  return fetch('https://upstream.example.com', { ...request, headers: { authorization: token } });
}
