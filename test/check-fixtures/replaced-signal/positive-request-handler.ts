// The client going away aborts request.signal; the upstream call only knows its own deadline.
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const upstream = await fetch(`https://search.example.com/?q=${url.searchParams.get('q')}`, { signal: AbortSignal.timeout(8000) });
  return new Response(upstream.body, { status: upstream.status });
}
