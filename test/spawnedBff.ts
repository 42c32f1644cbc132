import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'

/**
 * `node src/bff/main.ts` as a real child process, for the tests that must kill it (SIGKILL mid-order,
 * SIGTERM with requests in flight) and start it again on the same store. One helper for the integration,
 * security and e2e suites.
 */
const ROOT = resolve(import.meta.dirname, '..')
// The pinned Node 24, never whatever `node` the machine has.
const NODE = join(ROOT, 'node_modules/.bin/node')

export interface SpawnedBff {
  child: ChildProcess
  /** The address it logged once listening; rejects if it exits first. */
  url: Promise<string>
  /** Resolves with the exit code (null after a signal). */
  exited: Promise<number | null>
  /** Everything it wrote to stdout and stderr so far. */
  output(): string
}

/**
 * Starts the BFF with only PATH, HOME and `env` in its environment (nothing of the test runner's leaks in), but for
 * npm test's BFF_CONFORMANCE_LOG: a spawned BFF's answers are held to the document too.
 */
export function spawnBff(env: Record<string, string>): SpawnedBff {
  const log = process.env.BFF_CONFORMANCE_LOG
  const child = spawn(NODE, ['src/bff/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(log ? { BFF_CONFORMANCE_LOG: log } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const url = new Promise<string>((ok, fail) => {
    const seen = (c: Buffer) => {
      out += c.toString()
      const m = /BFF listening on (http:\/\/[^\s"]+)/.exec(out)
      if (m) ok(m[1])
    }
    child.stdout.on('data', seen)
    child.stderr.on('data', seen)
    void exited.then((code) => fail(new Error(`BFF exited ${code} before listening:\n${out}`)))
  })
  // A test that only cares about the exit must not trip over the unhandled rejection of `url`.
  url.catch(() => undefined)
  return { child, url, exited, output: () => out }
}
