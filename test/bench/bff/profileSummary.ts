/**
 * Self time of a V8 .cpuprofile by function and by module (package or source folder), the small view of a
 * profile RESULTS.md quotes. `node test/bench/bff/profileSummary.ts <file.cpuprofile> [top]`.
 */
import { readFileSync } from 'node:fs'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** `node_modules/fastify/lib/x.js` → `fastify`; `src/bff/boss/x.ts` → `src/bff/boss`; Node's own → `node:…`. */
export function moduleOf(url: string): string {
  if (!url) return '(native/VM)'
  if (url.startsWith('node:')) return url.split('/')[0]
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  const m = /\/(src\/[^/]+(?:\/[^/.]+)?|boss-stub|test\/[^/]+)\//.exec(url)
  if (m) return m[1]
  // The built BFF (npm run build:bff, or the bench's copy): dist-bff/bff/boss/x.js is src/bff/boss.
  const built = /\/dist-bff\/(bff(?:\/[^/.]+)?|contract)\//.exec(url)
  return built ? `src/${built[1]}` : url.replace(/^file:\/\//, '')
}

export function summariseProfile(path: string, top = 25): string {
  const p = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  // Native work (string writes, hashing, GC is not here) is charged to the nearest JavaScript caller too.
  const jsCaller = (id: number): CallFrame | undefined => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame
      if (f.url) return f
    }
    return undefined
  }
  const selfUs = new Map<number, number>()
  let total = 0
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0
    selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + dt)
    total += dt
  }
  const byFn = new Map<string, number>()
  const byModule = new Map<string, number>()
  const byCallerModule = new Map<string, number>()
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame
    if (f.functionName === '(idle)') continue
    const caller = jsCaller(id)
    const callerModule = caller ? moduleOf(caller.url) : `(${f.functionName || 'native'})`
    byCallerModule.set(callerModule, (byCallerModule.get(callerModule) ?? 0) + us)
    const file = f.url.replace(/^.*\/(node_modules\/)?/, '')
    const fn = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`
    byFn.set(fn, (byFn.get(fn) ?? 0) + us)
    const mod = moduleOf(f.url)
    byModule.set(mod, (byModule.get(mod) ?? 0) + us)
  }
  const idle = [...selfUs]
    .filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)')
    .reduce((a, [, v]) => a + v, 0)
  const busy = total - idle
  const rows = (m: Map<string, number>, n: number) =>
    [...m]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, us]) => `${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
      )
  return [
    `${path}: ${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / total).toFixed(0)} %); shares below are of busy time`,
    '',
    'self time by module:',
    ...rows(byModule, top),
    '',
    'self time by module, native work charged to its JavaScript caller:',
    ...rows(byCallerModule, top),
    '',
    'self time by function:',
    ...rows(byFn, top),
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(summariseProfile(process.argv[2], Number(process.argv[3] ?? 25)))
