import http from 'node:http';
import fs from 'node:fs';
import { exec, execFile } from 'node:child_process';

// A callback passed by name is not the options: they go before it.
export function named(url, path, signal, done) {
  http.get(url, { signal }, onResponse);
  fs.readFile(path, { signal }, done);
  exec('git status', { signal }, done);
  execFile('git', ['log'], { signal }, this.onExit);
  fs.readFile(path, { signal }, handleRead.bind(null, path));
}

// Names that say options are options; names that say neither are reported.
export function unclear(url, signal, opts, respond) {
  http.get(url, { ...opts, signal: opts?.signal ?? signal }, respond);
  exec('git status', { ...opts, signal: opts?.signal ?? signal });
  http.get(url, respond);
  exec('git status', respond);
}

function onResponse(res) {
  res.resume();
}

function handleRead(path, err, data) {
  console.log(path, err, data);
}
