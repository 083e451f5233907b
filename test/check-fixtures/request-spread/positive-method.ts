export class Gateway {
  async forward(request: Request, base: string) {
    const init = { ...request, redirect: 'manual' as const };
    return fetch(new URL(new URL(request.url).pathname, base), init);
  }
}
