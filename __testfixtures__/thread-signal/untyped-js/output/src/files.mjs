// No @types/node and no types for axios: the checker sees `any`, the catalog knows the calls.
import { readFile } from 'node:fs/promises';
import axios from 'axios';

const http = axios.create({ baseURL: 'https://api.example.com' });

export async function loadConfig(path, signal) {
  return JSON.parse(await readFile(path, { encoding: 'utf8', signal }));
}

export async function getReport(id, signal) {
  const { data } = await http.get(`/reports/${id}`, { signal });
  return data;
}

export async function handle(id, { signal } = {}) {
  const config = await loadConfig('config.json', signal);
  return { config, report: await getReport(id, signal) };
}
