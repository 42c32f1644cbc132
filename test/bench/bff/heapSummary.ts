/**
 * A V8 .heapsnapshot summarised: self size by constructor (or node type), largest first, the small view of
 * a heap snapshot RESULTS.md quotes. `node test/bench/bff/heapSummary.ts <file.heapsnapshot> [top]`.
 */
import { readFileSync } from 'node:fs'

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

export function summariseHeap(path: string, top = 20): string {
  const s = JSON.parse(readFileSync(path, 'utf8')) as Snapshot
  const fields = s.snapshot.meta.node_fields
  const [typeNames] = s.snapshot.meta.node_types
  const width = fields.length
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f))
  const by = new Map<string, { bytes: number; count: number }>()
  let total = 0
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = typeNames[s.nodes[i + iType]]
    const name = s.strings[s.nodes[i + iName]]
    const key =
      type === 'object' || type === 'closure'
        ? `${type} ${name}`
        : type === 'string' || type === 'concatenated string' || type === 'sliced string'
          ? 'strings'
          : `(${type}) ${type === 'native' || type === 'hidden' || type === 'code' ? name.slice(0, 40) : ''}`
    const bytes = s.nodes[i + iSize]
    const e = by.get(key) ?? { bytes: 0, count: 0 }
    e.bytes += bytes
    e.count++
    by.set(key, e)
    total += bytes
  }
  const rows = [...by].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)
  return [
    `${path}: ${(total / 1048576).toFixed(1)} MB in ${(s.nodes.length / width).toLocaleString()} objects`,
    ...rows.map(([k, e]) => `${(e.bytes / 1048576).toFixed(2).padStart(8)} MB ${String(e.count).padStart(8)}  ${k}`),
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(summariseHeap(process.argv[2], Number(process.argv[3] ?? 20)))
