import { Agent } from 'undici';

const dispatcher = new Agent();

// The caller's options, signal and all, are spread into the call: nothing to report.
export async function fetchWithAgent(url: string, options: RequestInit = {}) {
  return fetch(url, { ...options, dispatcher });
}

// A Request's properties do not spread: its signal is lost.
export async function forward(request: Request) {
  return fetch('https://upstream.example.com/', { ...request, method: 'POST' });
}
