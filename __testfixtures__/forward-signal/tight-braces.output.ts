import {readFile} from 'node:fs/promises';
import {EventEmitter} from 'node:events';

type Job = {id: string; url: string};

export async function load(job: Job, signal: AbortSignal) {
  const {id} = job;
  const res = await fetch(job.url, {method: 'GET', headers: {accept: 'application/json'}, signal});
  const text = await readFile(`jobs/${id}.json`, {encoding: 'utf8', signal});
  const raw = await fetch(job.url, {signal});
  return {res, text, raw, label: '{ not a brace }'};
}

export const bus = new EventEmitter();
