// The thread-signal pass alone, as `ctxmod migrate` runs it after the per-file transforms:
// node bench/thread-pass.mjs <tsconfig> (after `npm run build`). Writes its edits.
import { dirname, resolve } from 'node:path';
import { threadSignal } from '../dist/src/thread/run-thread.js';

const project = resolve(process.argv[2] ?? 'tsconfig.json');
const results = await threadSignal({ project, cwd: dirname(project) });
const changed = results.filter((file) => file.status === 'changed').length;
console.log(`thread-signal: ${changed} files changed, ${results.reduce((sum, file) => sum + file.findings.length, 0)} findings`);
