import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { startStack, type Stack, type StackOptions, type Subscriber } from '../integration/harness.ts'

/** The built app; E2E_DIST serves another build (a deliberately broken one, to see a rule fail). */
export const DIST = process.env.E2E_DIST
  ? `${resolve(process.env.E2E_DIST)}/`
  : new URL('../../dist/', import.meta.url).pathname

/** Stops a file before its first test when there is no built app to serve. */
export function requireDist(): void {
  if (!existsSync(`${DIST}index.html`))
    throw new Error(`${DIST} is missing: run \`npm run build\` first (npm test does)`)
}

/** The real stack serving the built TV app: boss-stub + BFF with `dist/` as its static folder. */
export async function startTvStack(opts: StackOptions = {}): Promise<Stack> {
  requireDist()
  return startStack({ ...opts, bff: { staticDir: DIST, ...opts.bff } })
}

/** The app's address for one demo household, with the inspector's DOM mirror on for reading the screen. */
export function tvUrl(stack: Pick<Stack, 'bffUrl'>, who: Subscriber, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    deviceId: who.deviceId,
    cardNo: who.cardNo,
    deviceKey: who.deviceKey,
    inspector: '1',
    ...extra,
  })
  return `${stack.bffUrl}/?${q}`
}

export interface BossAccount {
  balanceFen: number
  arrearsFen: number
  [k: string]: unknown
}

/** The stub's own record of an account, to compare with what the TV shows. */
export async function bossAccount(stack: Stack, customerId: string): Promise<BossAccount> {
  const res = await fetch(`${stack.bossUrl}/admin/accounts/${customerId}`)
  if (!res.ok) throw new Error(`admin/accounts/${customerId}: ${res.status}`)
  return (await res.json()) as BossAccount
}

export interface Preview {
  url: string
  close: () => void
}

/** `npm run preview` as a child process on a free port: the built app on msw's service worker alone. */
export async function startPreview(): Promise<Preview> {
  const child = spawn(process.execPath, ['src/dev/preview.ts'], {
    env: { ...process.env, PREVIEW_PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /http:\/\/localhost:(\d+)\//.exec(out)
      if (m) resolve(`http://127.0.0.1:${m[1]}`)
    })
    child.once('exit', (code) => reject(new Error(`preview exited ${code}`)))
  })
  return { url, close: () => child.kill('SIGTERM') }
}
