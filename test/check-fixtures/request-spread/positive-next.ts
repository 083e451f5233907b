import { NextRequest } from 'next/server';

export async function POST(req: NextRequest) {
  const forwarded = { ...req, cache: 'no-store' as const };
  return fetch('https://backend.example.com/hook', forwarded);
}
