import http from 'node:http';
import { spawn } from 'node:child_process';
import axios from 'axios';

// Each of these could be an options object or a positional argument: reported, not edited.
export function ambiguous(target, opts, config, signal) {
  http.get(target, (res) => res.resume());
  spawn('ls', opts);
  return axios(config);
}
