import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default in a run is one core less than the machine has: a single worker on two
    // cores. Most files here spend their time waiting on a spawned CLI or on disk, so a worker
    // per core keeps both busy.
    maxWorkers: '100%',
  },
});
