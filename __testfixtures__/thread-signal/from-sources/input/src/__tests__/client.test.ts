import { getAudit } from '../client.js';

export async function auditCase(signal: AbortSignal) {
  signal.throwIfAborted();
  return getAudit('1');
}
