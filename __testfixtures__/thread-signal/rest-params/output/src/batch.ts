export async function fetchEach(...urls: string[]) {
  return Promise.all(urls.map((url) => fetch(url)));
}

export async function handler(request: Request) {
  return fetchEach(request.url, `${request.url}/more`);
}
