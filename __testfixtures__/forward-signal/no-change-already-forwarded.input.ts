import axios from 'axios';
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import { request } from '@octokit/request';
import { readFile } from 'node:fs/promises';

const s3 = new S3Client({});

export async function all(url: string, signal: AbortSignal, other: AbortSignal) {
  await fetch(url, { signal: other });
  await axios.get(url, { signal });
  await s3.send(new ListBucketsCommand({}), { abortSignal: signal });
  await request('GET /user', { request: { signal } });
  await readFile(url, { encoding: 'utf8', signal });
}
