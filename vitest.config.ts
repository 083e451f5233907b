import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No test is timed (speed targets live in `npm run bench`): the timeout only catches a hang.
    // The heaviest tests (a `--verify` run, the examples with the thread pass, a whole-project
    // build) take most of a minute on a 2-core machine that other jobs load.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Vitest's default in a run is one core less than the machine has: a single worker on two
    // cores. Most files here spend their time waiting on a spawned CLI or on disk, so a worker
    // per core keeps both busy.
    maxWorkers: '100%',
  },
});
