import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { stripTypeScriptTypes } from 'node:module'
import { dirname, join } from 'node:path'
import { buildBff } from '../../../src/bff/build.ts'

const ROOT = new URL('../../../', import.meta.url).pathname

export async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const { port } = s.address() as AddressInfo
  await new Promise((r) => s.close(r))
  return port
}

/** Each server is its own process, so its memory is its own and the load generator does not share its event loop. */
export function start(
  script: string,
  args: string[],
  env: Record<string, string>,
  readyPattern: RegExp,
  nodeArgs: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, script.startsWith('/') ? script : join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let seen = ''
    const onData = (d: Buffer) => {
      seen += d.toString()
      if (readyPattern.test(seen)) {
        child.stdout.off('data', onData)
        child.stdout.resume()
        resolve(child)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (d: Buffer) => (seen += d.toString()))
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}): ${seen.slice(-2000)}`)))
  })
}

export interface Servers {
  bossUrl: string
  bffUrl: string
  proxyUrl: string
  bffPid: number
  proxyPid: number
  /** The bare fastify app (memory baseline) and its process. */
  bareUrl: string
  barePid: number
  close(): Promise<void>
}

let built: string | undefined
/**
 * The BFF as production runs it: the JavaScript of `npm run build:bff` (built once per bench process), with the
 * production environment (API docs off). BENCH_BFF_TS=1 runs src/bff/main.ts instead (Node strips the types as
 * it loads); BENCH_BFF_ROOT=<checkout> runs another checkout's src/bff/main.ts (e.g. the code before a change).
 */
export function bffEntry(): string {
  if (process.env.BENCH_BFF_ROOT) return join(process.env.BENCH_BFF_ROOT, 'src/bff/main.ts')
  if (process.env.BENCH_BFF_TS === '1') return join(ROOT, 'src/bff/main.ts')
  built ??= buildBff(join(ROOT, 'test-output/bench/dist-bff'))
  return built
}

/**
 * The bare fastify app as plain JavaScript, as the BFF runs (built): run as bare.ts its RSS carried Node's type
 * stripper (≈ 15 MB), which the built BFF does not, and flattered the BFF's ratio (RESULTS.md, the BFF's fifth
 * pass). BENCH_BARE_TS=1 runs bare.ts as before.
 */
export function bareEntry(): string {
  if (process.env.BENCH_BARE_TS === '1') return 'test/bench/bff/bare.ts'
  const out = join(ROOT, 'test-output/bench/bare-js/bare.mjs')
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, stripTypeScriptTypes(readFileSync(join(ROOT, 'test/bench/bff/bare.ts'), 'utf8')))
  return out
}

/** What every bench BFF is started with: production, its secrets, limits that let 1 200 bench boxes in. */
export function bffEnvironment(bossUrl: string, storePath: string): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    BOSS_URL: bossUrl,
    // Every bench box logs in from 127.0.0.1, which the strict (log-in) limit counts as one address; the read
    // limit per box (600/min) is left at its production default, and the load is spread so it never bites.
    // The boxes name their own address in X-Forwarded-For (a load balancer's), so the log-in challenges of
    // 1 200 boxes are not one address's reads.
    RATE_LIMIT_STRICT_PER_MINUTE: '100000',
    TRUST_PROXY: '127.0.0.1',
    STORE_PATH: storePath,
    // Each bench box logs in once; the 10-minute steady run would outlive the 5-minute access tokens (the first
    // full run answered 32 314 of its requests 401 after minute five). Refreshing is not what is measured.
    TOKEN_TTL_SECONDS: '3600',
    LOG_LEVEL: process.env.BENCH_BFF_LOG_LEVEL ?? 'info',
    NODE_ENV: process.env.BENCH_BFF_NODE_ENV ?? 'production',
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789',
    USAGE_HOUSEHOLD_KEY: 'bench-usage-household-key-0123456789abcdef',
    OPERATOR_PASSWORD: 'bench-operator-password',
  }
}

/** Node flags of the BFF as the README deploys it (a small young generation); BENCH_BFF_NODE_ARGS='' for Node's defaults. */
export const bffNodeArgs = () =>
  (process.env.BENCH_BFF_NODE_ARGS ?? '--max-semi-space-size=4 --heap-growing-percent=20').split(' ').filter(Boolean)

export interface ServerOptions {
  /** Node flags for the BFF process (`--cpu-prof`, `--heapsnapshot-signal=SIGUSR2`…). */
  bffNodeArgs?: string[]
  /** Extra environment for the BFF. */
  bffEnv?: Record<string, string>
}

export async function startServers(opts: ServerOptions = {}): Promise<Servers> {
  const dir = mkdtempSync(join(tmpdir(), 'tvhall-bench-'))
  const [bossPort, bffPort, proxyPort, barePort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ]
  const bossUrl = `http://127.0.0.1:${bossPort}`
  const children: ChildProcess[] = []
  try {
    children.push(
      await start(
        'boss-stub/main.ts',
        [],
        { BOSS_PORT: String(bossPort), BOSS_DB: join(dir, 'boss.sqlite'), BOSS_RESEED: '1' },
        /listening/,
      ),
    )
    children.push(
      await start(
        bffEntry(),
        [],
        { ...bffEnvironment(bossUrl, join(dir, 'bff.sqlite')), PORT: String(bffPort), ...opts.bffEnv },
        /BFF listening/,
        [...bffNodeArgs(), ...(opts.bffNodeArgs ?? [])],
      ),
    )
    children.push(await start('test/bench/bff/proxy.ts', [String(proxyPort), bossUrl], {}, /ready/))
    children.push(await start(bareEntry(), [String(barePort)], {}, /ready/))
  } catch (err) {
    for (const c of children) c.kill('SIGTERM')
    throw err
  }
  return {
    bossUrl,
    bffUrl: `http://127.0.0.1:${bffPort}`,
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    bffPid: children[1].pid!,
    proxyPid: children[2].pid!,
    bareUrl: `http://127.0.0.1:${barePort}`,
    barePid: children[3].pid!,
    async close() {
      await stopAll(children)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** SIGTERM to each server, resolved when all have exited. */
export async function stopAll(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise((r) => {
          c.once('exit', r)
          c.kill('SIGTERM')
        }),
    ),
  )
}

/** CPU time a process has used so far (user + system), ms, from /proc (Linux; 10 ms ticks). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ')
  // After the command's closing parenthesis: state is field 3, utime 14 and stime 15 (1-based over the whole line).
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Resident memory of a process, MB, from /proc (Linux). */
export function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : NaN
}
