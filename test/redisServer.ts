import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { freePort } from './freePort.ts'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A throw-away Debian `redis-server` on a free loopback port, in its own temp dir (`npm test` installs
 * the package when missing, see systemDeps.ts). `appendonly: true` with fsync on every write lets a
 * test kill and restart it and find what was written: `restart()` keeps the port and the dir.
 */
export interface RedisServer {
  url: string
  port: number
  /** SIGKILL (no shutdown save) and start again on the same port and dir. */
  restart(): Promise<void>
  stop(): Promise<void>
}

function launch(port: number, dir: string, appendonly: boolean): Promise<ChildProcess> {
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    appendonly ? 'yes' : 'no',
    '--appendfsync',
    'always',
    '--protected-mode',
    'yes',
  ]
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let out = ''
    let ready = false
    const timer = setTimeout(() => fail(new Error(`redis-server did not start: ${out}`)), 10_000)
    const fail = (err: Error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(err)
    }
    child.once('error', fail)
    child.once('exit', (code) => {
      if (!ready) fail(new Error(`redis-server exited with ${code}: ${out}`))
    })
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!ready && out.includes('Ready to accept connections')) {
        ready = true
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
  })
}

function exited(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

export async function startRedis(opts: { appendonly?: boolean } = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tvhall-redis-'))
  const port = await freePort()
  const appendonly = opts.appendonly ?? false
  let child = await launch(port, dir, appendonly)
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart() {
      await exited(child, 'SIGKILL')
      child = await launch(port, dir, appendonly)
    },
    async stop() {
      await exited(child, 'SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
