import axios from 'axios';
import http from 'node:http';
import ky from 'ky';

// A RequestInit's signal may be null: ky takes that, axios and http do not.
export async function getUser(id: string, init?: RequestInit) {
  return axios.get(`/users/${id}`, { timeout: 5000 });
}

export async function getPost(id: string, init?: RequestInit) {
  return ky.get(`/posts/${id}`, { timeout: 5000 });
}

export function ping(url: string, signal: AbortSignal | null) {
  return http.get(url, { timeout: 1000, signal: signal ?? undefined });
}
