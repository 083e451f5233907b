import { NextRequest } from 'next/server';

export async function GET(req: NextRequest) {
  const r = await fetch('https://example.com');
  return Response.json(await r.json());
}
