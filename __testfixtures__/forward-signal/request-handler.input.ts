const UPSTREAM = 'https://upstream.example.com';

// The Request carries its signal: passing it whole (or as init) already forwards it.
export async function proxy(request: Request) {
  const direct = await fetch(request);
  const asInit = await fetch(UPSTREAM, request);
  const copied = await fetch(new Request(UPSTREAM, request));
  const audit = await fetch(`${UPSTREAM}/audit`, { method: 'POST', body: request.url });
  return [direct, asInit, copied, audit];
}
