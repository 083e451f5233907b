import { describe, expect, it } from 'vitest';
import { runInPool } from '../src/engine/run.ts';
import type { FileTask } from '../src/engine/process-file.ts';

const task: FileTask = { absolutePath: '/p/huge.js', path: 'huge.js', transforms: [], options: {}, write: true, diff: false };

describe('a worker that dies', () => {
  it('out of memory: that file is an error saying so, nothing thrown', async () => {
    const pool = { run: () => Promise.reject(Object.assign(new Error('Worker terminated due to reaching memory limit'), { code: 'ERR_WORKER_OUT_OF_MEMORY' })) };
    expect(await runInPool(pool, task)).toEqual({
      path: 'huge.js',
      status: 'error',
      findings: [],
      error: { message: 'ran out of memory processing this file; not changed (raise it with NODE_OPTIONS=--max-old-space-size=<MB>)' },
    });
  });

  it('any other exit: the reason is kept', async () => {
    const pool = { run: () => Promise.reject(new Error('worker exited with code 3')) };
    expect((await runInPool(pool, task)).error).toEqual({ message: 'the worker processing this file stopped: worker exited with code 3' });
  });

  it('a result passes through', async () => {
    const result = { path: 'huge.js', status: 'unchanged', findings: [] };
    expect(await runInPool({ run: () => Promise.resolve(result) }, task)).toBe(result);
  });
});
