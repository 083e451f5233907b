import { loadConfig } from './config.js';

export async function handle(request: Request) {
  const config = await loadConfig('/etc/app.json');
  return new Response(JSON.stringify(config), { status: request.method === 'GET' ? 200 : 405 });
}
