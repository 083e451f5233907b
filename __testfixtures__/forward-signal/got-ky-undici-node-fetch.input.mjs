import got from 'got';
import ky from 'ky';
import { request } from 'undici';
import nodeFetch from 'node-fetch';

export async function all(url, signal) {
  await got(url);
  await got.post(url, { json: {} });
  await ky.get(url).json();
  await request(url);
  await nodeFetch(url, { method: 'HEAD' });
}
