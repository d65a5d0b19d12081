import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright owns e2e/*.spec.ts; vitest only runs *.test.ts(x).
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'migrations/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite start-up is heavy (≈ 4 s, ≈ 300-800 MB): two files at a time fit the 2 cores.
    maxWorkers: 2,
    pool: 'forks',
  },
});
