class Request {
  constructor(readonly url: string, readonly method = 'GET') {}
}

export function copy(request: Request) {
  return { ...request };
}
