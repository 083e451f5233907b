import { readFile } from 'node:fs/promises';

export async function getUser(id: string) {
  const response = await fetch(`https://users.example.com/${id}`);
  return response.json();
}

/** A rest parameter: the ctx carrier goes in front, so it can still be threaded. */
export async function getMany(...ids: string[]) {
  return Promise.all(ids.map((id) => fetch(`https://users.example.com/${id}`)));
}

export const readTemplate = async (name: string) => readFile(`templates/${name}.html`, 'utf8');

export function post(url: string): Promise<Response>;
export function post(url: string, body: string): Promise<Response>;
export function post(url: string, body?: string): Promise<Response> {
  return fetch(url, { method: 'POST', body });
}
