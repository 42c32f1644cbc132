/**
 * `npm start` (after its build): the launcher really starts the boss-stub and the BFF serving the built app,
 * prints working links for every demo household, and Ctrl-C (SIGTERM here) stops both.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { freePort } from '../freePort.ts'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { login as boxLogin } from './harness.ts'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const NODE = join(ROOT, 'node_modules/.bin/node')

const dir = mkdtempSync(join(tmpdir(), 'tvhall-start-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('npm start', () => {
  it(
    'prints the app, docs, stub and one link per demo household, all answering; SIGTERM stops everything',
    { timeout: 60_000 },
    async () => {
      expect(existsSync(join(ROOT, 'dist/index.html')), 'dist/ is built by npm test before the suites').toBe(true)
      const [port, bossPort] = [await freePort(), await freePort()]
      const child = spawn(NODE, ['src/dev/start.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          BOSS_PORT: String(bossPort),
          BOSS_DB: join(dir, 'boss.sqlite'),
          STORE_PATH: join(dir, 'bff.sqlite'),
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.stderr.on('data', (d: Buffer) => (out += d.toString()))
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
      try {
        for (let i = 0; i < 300 && !out.includes('Ctrl-C stops everything'); i++) {
          if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out}`)
          await new Promise((r) => setTimeout(r, 100))
        }
        expect(out).toContain('Ctrl-C stops everything')

        const demo = (await (await fetch(`http://127.0.0.1:${bossPort}/admin/subscribers?limit=50`)).json()) as {
          deviceId: string
          cardNo: string
          deviceKey: string
          scenario: string
          demo?: boolean
        }[]
        const scenarios = demo.filter((s) => s.demo)
        expect(scenarios.length).toBeGreaterThanOrEqual(9)
        for (const s of scenarios)
          expect(out).toContain(`?deviceId=${s.deviceId}&cardNo=${s.cardNo}&deviceKey=${s.deviceKey}`)

        const app = await fetch(
          `http://127.0.0.1:${port}/?deviceId=${scenarios[0].deviceId}&cardNo=${scenarios[0].cardNo}`,
        )
        expect(app.status).toBe(200)
        expect(await app.text()).toContain('电视营业厅')
        expect((await fetch(`http://127.0.0.1:${port}/api/docs/json`)).status).toBe(200)
        expect((await fetch(`http://127.0.0.1:${port}/emulator.html`)).status).toBe(200)
        // Live data end to end: the first demo box logs in and reads its own balance through the BFF from the stub.
        const token = await boxLogin({ bffUrl: `http://127.0.0.1:${port}` }, scenarios[0])
        const account = await fetch(`http://127.0.0.1:${port}/api/v1/account`, {
          headers: { authorization: `Bearer ${token}` },
        })
        expect(account.status).toBe(200)
        expect(typeof ((await account.json()) as { balanceFen: unknown }).balanceFen).toBe('number')
        // The operators' usage report: its link is printed, it wants the operator login and answers with it.
        expect(out).toContain(`http://localhost:${port}/operator/usage`)
        expect((await fetch(`http://127.0.0.1:${port}/operator/usage`)).status).toBe(401)
        const login = { authorization: `Basic ${Buffer.from('operator:tvhall-dev-operator').toString('base64')}` }
        expect((await fetch(`http://127.0.0.1:${port}/operator/api/usage/report`, { headers: login })).status).toBe(200)
      } finally {
        child.kill('SIGTERM')
      }
      expect(await exited).toBe(0)
      // Both children went with it: nothing answers on either port.
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow()
      await expect(fetch(`http://127.0.0.1:${bossPort}/healthz`)).rejects.toThrow()
    },
  )
})
