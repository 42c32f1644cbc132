/**
 * A CDP session to a Node process started with `--inspect=127.0.0.1:<port>`: CPU profiles and heap snapshots of
 * just the stretch that matters (the load, not the start-up), written where the caller says.
 */
import { writeFileSync } from 'node:fs'

export class Inspector {
  #ws: WebSocket
  #id = 0
  #waiting = new Map<number, (r: { result?: unknown; error?: unknown }) => void>()
  #chunks: string[] = []

  private constructor(ws: WebSocket) {
    this.#ws = ws
    ws.addEventListener('message', (e: MessageEvent<string>) => {
      const msg = JSON.parse(e.data) as {
        id?: number
        method?: string
        params?: { chunk?: string }
        result?: unknown
        error?: unknown
      }
      if (msg.id !== undefined) this.#waiting.get(msg.id)?.(msg)
      else if (msg.method === 'HeapProfiler.addHeapSnapshotChunk') this.#chunks.push(msg.params!.chunk!)
    })
  }

  static async connect(port: number): Promise<Inspector> {
    const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      webSocketDebuggerUrl: string
    }[]
    const ws = new WebSocket(target.webSocketDebuggerUrl)
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve)
      ws.addEventListener('error', reject)
    })
    return new Inspector(ws)
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.#id
    this.#ws.send(JSON.stringify({ id, method, params }))
    return new Promise((resolve, reject) =>
      this.#waiting.set(id, (r) =>
        r.error ? reject(new Error(`${method}: ${JSON.stringify(r.error)}`)) : resolve(r.result as T),
      ),
    )
  }

  /** The value of a JavaScript expression in the inspected process (JSON-able). */
  async evaluate<T>(expression: string): Promise<T> {
    const { result } = await this.send<{ result: { value: T } }>('Runtime.evaluate', {
      expression,
      returnByValue: true,
    })
    return result.value
  }

  async startProfile(intervalUs = 200): Promise<void> {
    await this.send('Profiler.enable')
    await this.send('Profiler.setSamplingInterval', { interval: intervalUs })
    await this.send('Profiler.start')
  }

  async stopProfile(file: string): Promise<void> {
    const { profile } = await this.send<{ profile: unknown }>('Profiler.stop')
    writeFileSync(file, JSON.stringify(profile))
  }

  /** Sample what is allocated from now on, collected or not (the garbage is what the young generation pays for). */
  async startAllocationSampling(intervalBytes = 4096): Promise<void> {
    await this.send('HeapProfiler.enable')
    await this.send('HeapProfiler.startSampling', {
      samplingInterval: intervalBytes,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    })
  }

  /** Bytes allocated since `startAllocationSampling`, by allocating function (`name file:line`), largest first. */
  async stopAllocationSampling(): Promise<[string, number][]> {
    interface Node {
      callFrame: { functionName: string; url: string; lineNumber: number }
      selfSize: number
      children: Node[]
    }
    const { profile } = await this.send<{ profile: { head: Node } }>('HeapProfiler.stopSampling')
    const bySite = new Map<string, number>()
    const walk = (n: Node) => {
      const f = n.callFrame
      const site = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`
      bySite.set(site, (bySite.get(site) ?? 0) + n.selfSize)
      n.children.forEach(walk)
    }
    walk(profile.head)
    return [...bySite].sort((a, b) => b[1] - a[1])
  }

  async heapSnapshot(file: string): Promise<void> {
    this.#chunks = []
    await this.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
    writeFileSync(file, this.#chunks.join(''))
  }

  close(): void {
    this.#ws.close()
  }
}
