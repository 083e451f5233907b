import axios from 'axios';
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import { request } from '@octokit/request';
import { readFile } from 'node:fs/promises';
import * as fs from 'node:fs';
import http from 'node:http';
import { spawn } from 'node:child_process';
import OpenAI from 'openai';
import pRetry from 'p-retry';
import { execa } from 'execa';

const s3 = new S3Client({});
const client = new OpenAI();

export async function all(url: string, signal: AbortSignal, other: AbortSignal) {
  await fetch(url, { signal: other });
  await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]) });
  await axios.get(url, { signal });
  await s3.send(new ListBucketsCommand({}), { abortSignal: signal });
  await request('GET /user', { request: { signal } });
  await readFile(url, { encoding: 'utf8', signal });
  fs.readFile(url, { signal }, () => {});
  http.get(url, { signal }, (res) => res.resume());
  spawn('ls', ['-la'], { 'signal': signal });
  await client.chat.completions.create({ model: 'gpt-4o', messages: [] }, { signal, timeout: 1000 });
  await pRetry(() => fetch(url, { signal }), { retries: 2, signal });
  await execa('ls', ['-la'], { cancelSignal: signal });
}

export async function handler(request: Request) {
  await fetch(request);
  await fetch('https://upstream.example.com', { signal: request.signal });
}
