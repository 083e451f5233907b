import axios from 'axios';
import http from 'node:http';

export class ApiError extends Error {}

// The catch turns every failure into the code's own ApiError: an abort would reach it as an
// AbortError it was never written for.
export async function getUser(id: string, signal: AbortSignal) {
  try {
    return await axios.get(`/users/${id}`, { timeout: 5000 });
  } catch (error) {
    throw new ApiError(`cannot load user ${id}`, { cause: error });
  }
}

// The listener ends the request gracefully; a signal in the options would race it.
export function ping(url: string, signal: AbortSignal) {
  const request = http.get(url, { timeout: 1000 });
  signal.addEventListener('abort', () => request.end(), { once: true });
  return request;
}

export class CancelledError extends Error {}

// Reports an abort as its own error once the request is done.
export async function getTeam(id: string, signal: AbortSignal) {
  const response = await axios.get(`/teams/${id}`, { timeout: 5000 });
  if (signal.aborted) throw new CancelledError('team lookup cancelled');
  return response.data;
}
