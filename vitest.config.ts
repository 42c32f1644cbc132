import { defineConfig } from 'vitest/config'

// Four suites mirror the test pyramid; `npm test` (test/run.ts) runs them in this order.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Real servers on loopback: keep files in one worker at a time so the 2-core box is not oversubscribed.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'security',
          // One file per attack from issue 15: real BFF + boss-stub over HTTP, SQLite and a real Redis.
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // One worker keeps its modules for every file: the BFF, the stub and fastify are loaded once, not once a
          // file (the files share no state but the template of the stub's seed, see test/seededBoss.ts).
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
