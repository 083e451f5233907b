import axios from 'axios';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import OpenAI from 'openai';

const client = new OpenAI();

interface LoadOptions {
  retries?: number;
  signal?: AbortSignal | null;
}

// Null signals: fetch and the OpenAI SDK take them, Node's APIs and axios do not.
export async function load(path: string, signal: AbortSignal | null) {
  const text = await readFile(path, 'utf8');
  return fetch(text);
}

export function run(cmd: string, { signal }: { signal?: AbortSignal | null }) {
  return spawn(cmd, ['--quiet']);
}

export async function waitForReady(emitter: NodeJS.EventEmitter, { signal }: Omit<RequestInit, 'body'>) {
  await once(emitter, 'ready');
}

export async function getItem(id: string, options: LoadOptions) {
  return axios.get(`/items/${id}`);
}

export async function summarize(text: string, init?: RequestInit) {
  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
}

// Typed without null: passed as it is.
export async function loadPlain(path: string, signal?: AbortSignal) {
  return readFile(path, 'utf8');
}
