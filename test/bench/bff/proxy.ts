/**
 * The throughput baseline: @fastify/http-proxy in front of the stub, i.e. what a do-nothing Node hop
 * costs. `node test/bench/bff/proxy.ts <port> <bossUrl>`; prints "ready" when listening.
 */
import Fastify from 'fastify'
import proxy from '@fastify/http-proxy'

const [port, upstream] = process.argv.slice(2)
const app = Fastify({ logger: false })
await app.register(proxy, { upstream, prefix: '/boss', rewritePrefix: '/boss' })
await app.listen({ port: Number(port), host: '127.0.0.1' })
console.log('ready')
