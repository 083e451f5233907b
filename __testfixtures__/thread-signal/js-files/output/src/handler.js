import { fetchJson, loadConfig } from './client.js';

/** @param {Request} request */
export async function handler(request) {
  const config = await loadConfig('./config.json', request.signal);
  return fetchJson(config.url ?? request.url, request.signal);
}
