export async function GET(request: Request): Promise<Response> {
  const upstream = await fetch('https://api.example.com/feed', { signal: AbortSignal.timeout(3000) });
  return new Response(upstream.body, { status: upstream.status });
}
