/**
 * `npm run preview`: the built TV app on msw mocks alone — no BFF, no BOSS. Operators open one URL per
 * scenario; the service worker in the page answers `/api/v1`.
 */
import Fastify from 'fastify'
import fastifyStatic from '@fastify/static'
import { scenarioList } from '../../mocks/scenarios.ts'
import { emulatorLink } from '../emulator/link.ts'

const root = new URL('../..', import.meta.url).pathname
const port = Number(process.env.PREVIEW_PORT ?? process.env.PORT ?? 8081)

const server = Fastify({ logger: false })
await server.register(fastifyStatic, { root: `${root}dist`, index: ['index.html'] })
await server.listen({ port, host: process.env.HOST ?? '0.0.0.0' })
const address = server.server.address()
const actualPort = typeof address === 'object' && address ? address.port : port

console.log(`\n电视营业厅 preview on mocks (no back end)`)
for (const s of scenarioList) {
  console.log(`  ${s.name.padEnd(12)} ${s.title}\thttp://localhost:${actualPort}/?mock=${s.name}`)
}
console.log(
  `\nEmulator (TV frame, remote, scenarios, screenshots):\n  ${emulatorLink(`http://localhost:${actualPort}`, [], { source: 'normal' })}`,
)
console.log('\nCtrl-C stops it.')

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void server.close().then(() => process.exit(0)))
