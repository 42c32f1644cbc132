/**
 * `npm start`: the whole product on embedded defaults — boss-stub, then the BFF serving the built
 * TV app and `/api` on one port.
 */
import { startChild, waitForOk, stopAll } from './processes.ts'
import { emulatorLink, type DemoSubscriber } from '../emulator/link.ts'

const root = new URL('../..', import.meta.url).pathname
const port = process.env.PORT ?? '8080'
const bossPort = process.env.BOSS_PORT ?? '8090'
const bossUrl = `http://127.0.0.1:${bossPort}`

/** One click opens a working box: its identity and the device key the stub's development provisioning gave it. */
const boxLink = (app: string, s: DemoSubscriber) =>
  `${app}?deviceId=${s.deviceId}&cardNo=${s.cardNo}&deviceKey=${s.deviceKey ?? ''}`

try {
  startChild('boss-stub', `${root}boss-stub/main.ts`, { BOSS_PORT: bossPort })
  await waitForOk(`${bossUrl}/healthz`)
  startChild('bff', `${root}src/bff/main.ts`, {
    PORT: port,
    BOSS_URL: bossUrl,
    STATIC_DIR: `${root}dist`,
    USAGE_DEMO_SEED: '1',
  })
  await waitForOk(`http://127.0.0.1:${port}/healthz`)

  // The stub lists its demo households first; print every one of them (one per scenario).
  const subscribers = (
    (await (await fetch(`${bossUrl}/admin/subscribers?limit=50`)).json()) as Array<DemoSubscriber & { demo?: boolean }>
  ).filter((s) => s.demo)
  const app = `http://localhost:${port}/`
  console.log(`
电视营业厅 is running
  TV app     ${boxLink(app, subscribers[0])}
  API docs   http://localhost:${port}/api/docs
  boss-stub  ${bossUrl}  (demo subscribers: ${bossUrl}/admin/subscribers)

Demo devices:`)
  for (const s of subscribers) {
    console.log(`  ${s.scenario.padEnd(14)} ${s.name}\t${boxLink(app, s)}`)
  }
  // The emulator's link carries the stub's demo households: the BFF's CSP keeps its pages from asking the stub.
  console.log(
    `\nEmulator (TV frame, remote, scenarios, screenshots):\n  ${emulatorLink(`http://localhost:${port}`, subscribers)}`,
  )
  console.log(
    `\nOperators' usage reports (a month of demo usage; login operator / tvhall-dev-operator):\n  http://localhost:${port}/operator/usage`,
  )
  console.log('\nCtrl-C stops everything.')
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  stopAll(1)
}
