import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Files that take minutes where every other takes seconds: started first, so that the two workers end together.
 * Vitest orders by the last run's durations when it has them; a fresh clone has none and orders by file size.
 */
const LONGEST = ['test/e2e/crawler.test.ts', 'test/security/productionSurface.test.ts']

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => (LONGEST.some((l) => f.moduleId.endsWith(l)) ? 0 : 1)
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
  }
}

/**
 * Two files at a time in every suite: vitest's default is one worker less than the cores, one on this 2-core box,
 * and a file that waits on its servers, a browser or a BOSS delay left the other core idle (a fresh-clone run used
 * 1.1 cores on average). Every file starts its own stub, BFF, Redis and browser on free ports in temp folders.
 * TEST_WORKERS=1 runs one file at a time.
 */
const WORKERS = Number(process.env.TEST_WORKERS || 2)

// Four suites mirror the test pyramid; `npm test` (test/run.ts) runs them in this order.
export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          maxWorkers: WORKERS,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Real servers on loopback, two files at a time.
          maxWorkers: WORKERS,
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
          maxWorkers: WORKERS,
          // A worker keeps its modules for every file it runs: the BFF, the stub and fastify are loaded once a
          // worker, not once a file (the files share no state but the template of the stub's seed, see
          // test/seededBoss.ts).
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
          // Two Chromiums with their stacks at a time; the crawler (minutes, on time budgets) starts first.
          maxWorkers: WORKERS,
        },
      },
    ],
  },
})
