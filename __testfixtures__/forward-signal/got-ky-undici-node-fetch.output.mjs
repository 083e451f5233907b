import got from 'got';
import ky from 'ky';
import { request } from 'undici';
import nodeFetch from 'node-fetch';

export async function all(url, signal) {
  await got(url, { signal });
  await got.post(url, { json: {}, signal });
  await ky.get(url, { signal }).json();
  await request(url, { signal });
  await nodeFetch(url, { method: 'HEAD', signal });
}
