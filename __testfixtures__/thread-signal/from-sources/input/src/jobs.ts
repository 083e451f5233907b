import { getReport } from './client.js';

async function buildReport(id: string) {
  return getReport(id);
}

export async function runReport(id: string, ms: number) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return buildReport(id);
}

export async function runLater(id: string) {
  const early = buildReport(id);
  const signal = AbortSignal.timeout(5_000);
  return [await early, await buildReport(id)];
}
