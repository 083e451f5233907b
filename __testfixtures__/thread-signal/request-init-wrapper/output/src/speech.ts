import { fetchWithTimeout, postJson } from './net.js';

async function download(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const response = await fetchWithTimeout(url, { method: 'GET', signal }, 40_000);
  return response.arrayBuffer();
}

async function synthesize(text: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const { url } = (await postJson('https://tts.example.com/v1/speech', { body: text, signal })) as { url: string };
  return download(url, signal);
}

export async function handle(request: Request): Promise<Response> {
  return new Response(await synthesize(await request.text(), request.signal));
}
