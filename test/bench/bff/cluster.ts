/**
 * Scale-out as Node's cluster does it: `node test/bench/bff/cluster.ts <bff entry> <instances>` forks that many
 * BFF processes sharing one port (the primary hands connections round robin to them, Linux's default), each
 * started exactly as a single instance is, from the environment (PORT, REDIS_URL, …). The first instance
 * writes the usage events (USAGE_WRITER=1), the others only put them on the Redis stream. Prints "ready"
 * when every instance listens; SIGTERM stops them all.
 */
import cluster from 'node:cluster'

const [entry, count = '2'] = process.argv.slice(2)
const instances = Number(count)
cluster.setupPrimary({ exec: entry, execArgv: process.execArgv, silent: true })
let listening = 0
const workers = Array.from({ length: instances }, (_, i) => {
  const worker = cluster.fork({ USAGE_WRITER: i === 0 ? '1' : '0' })
  // Each instance's log lines are its own business here: read and dropped, as the single instance's are.
  worker.process.stdout?.resume()
  worker.process.stderr?.resume()
  worker.on('exit', (code) => {
    if (!stopping) {
      console.error(`BFF instance ${i} exited (${code})`)
      process.exit(1)
    }
  })
  return worker
})
cluster.on('listening', () => {
  if (++listening === instances)
    console.log(`ready: ${instances} BFF instances, pids ${workers.map((w) => w.process.pid).join(' ')}`)
})
let stopping = false
process.on('SIGTERM', () => {
  stopping = true
  for (const w of workers) w.process.kill('SIGTERM')
  cluster.on('exit', () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
  })
})
