import { startBossStub } from './stub.ts'

/** Runs the simulated BOSS from the environment, e.g. `node boss-stub/main.ts`. */
const env = process.env
const stub = await startBossStub({
  port: Number(env.BOSS_PORT ?? 8090),
  host: env.BOSS_HOST ?? '127.0.0.1',
  dbPath: env.BOSS_DB ?? '.data/boss.sqlite',
  secret: env.BOSS_SECRET ?? 'tvhall-dev-secret',
  channel: env.BOSS_CHANNEL ?? 'TVHALL',
  reseed: env.BOSS_RESEED === '1',
  ticketSpeed: env.BOSS_TICKET_SPEED ? Number(env.BOSS_TICKET_SPEED) : undefined,
  logger: env.BOSS_LOG === '1',
  publicUrl: env.BOSS_PUBLIC_URL || undefined,
  adminToken: env.BOSS_ADMIN_TOKEN || undefined,
  devProvisioning: env.NODE_ENV !== 'production',
})
console.log(`boss-stub listening on ${stub.url} (POST ${stub.url}/boss/gateway, admin ${stub.url}/admin/subscribers)`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    stub.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err)
        process.exit(1)
      },
    )
  })
}
