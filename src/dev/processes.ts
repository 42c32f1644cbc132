import { spawn, type ChildProcess } from 'node:child_process'

/** Child processes of the dev launcher: started with this Node, stopped together. */
export function startChild(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping.`)
      stopAll(1)
    }
  })
  children.push(child)
  return child
}

const children: ChildProcess[] = []
let stopping = false

export function stopAll(code = 0): void {
  stopping = true
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM')
  setTimeout(() => process.exit(code), 3000).unref()
  void Promise.all(children.filter((c) => c.exitCode === null).map((c) => new Promise((r) => c.once('exit', r)))).then(
    () => process.exit(code),
  )
}

export async function waitForOk(url: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

process.on('SIGINT', () => stopAll(0))
process.on('SIGTERM', () => stopAll(0))
