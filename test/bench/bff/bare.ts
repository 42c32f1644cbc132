/**
 * The memory baseline: a bare fastify app on the same Node, answering the account's path with a fixed body of
 * the same shape, so its RSS under the same load is what fastify and Node cost before the hall adds anything.
 * `node test/bench/bff/bare.ts <port>`; prints "ready" when listening.
 */
import Fastify from 'fastify'

const [port] = process.argv.slice(2)
const app = Fastify({ logger: false })
const account = {
  customerId: 'C000000001',
  customerName: '张三',
  cardNoMasked: '8100********0001',
  regionName: '东城区',
  status: 'normal',
  balanceFen: 12_345,
  arrearsFen: 0,
  depositFen: 0,
  lowBalance: false,
  suspendOn: null,
  suspendedSince: null,
  nextDeduction: null,
  asOf: '2026-12-07T09:00:00+08:00',
}
app.get('/api/v1/account', async () => account)
await app.listen({ port: Number(port), host: '127.0.0.1' })
console.log('ready')
