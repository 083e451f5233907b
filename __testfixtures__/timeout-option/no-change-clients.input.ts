import axios, { type AxiosRequestConfig } from 'axios';
import ky from 'ky';

// No signal in scope: nothing to honour.
export function getUser(id: string) {
  return axios.get(`/users/${id}`, { timeout: 5000 });
}

// The options are a variable: their timeout cannot be seen.
export function getWithConfig(url: string, config: AxiosRequestConfig, signal: AbortSignal) {
  return axios.get(url, config);
}

// A signal is passed already.
export function getWithSignal(url: string, signal: AbortSignal) {
  return ky.get(url, { timeout: 1000, signal });
}
