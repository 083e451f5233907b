import { readFile } from 'node:fs/promises';
import type { Context } from './context.js';

export async function getUser(ctx: Context, id: string) {
  const response = await fetch(`https://users.example.com/${id}`, { signal: ctx.signal });
  return response.json();
}

/** A rest parameter: the ctx carrier goes in front, so it can still be threaded. */
export async function getMany(ctx: Context, ...ids: string[]) {
  return Promise.all(ids.map((id) => fetch(`https://users.example.com/${id}`, { signal: ctx.signal })));
}

export const readTemplate = async (ctx: Context, name: string) => readFile(`templates/${name}.html`, { encoding: 'utf8', signal: ctx.signal });

export function post(ctx: Context, url: string): Promise<Response>;
export function post(ctx: Context, url: string, body: string): Promise<Response>;
export function post(ctx: Context, url: string, body?: string): Promise<Response> {
  return fetch(url, { method: 'POST', body, signal: ctx.signal });
}
