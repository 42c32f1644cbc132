import { afterAll, beforeAll } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBossStub, type BossStub } from '../../../boss-stub/stub.ts'

/** A real stub on a random port with its own SQLite file, removed afterwards. */
export async function startTempStub(): Promise<{ stub: BossStub; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'boss-stub-'))
  const stub = await startBossStub({ port: 0, dbPath: join(dir, 'boss.sqlite') })
  return {
    stub,
    async stop() {
      await stub.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** One temp stub for a test file: started before its tests, removed after; `url` is read inside tests. */
export function useTempStub(): { readonly url: string } {
  let started: Awaited<ReturnType<typeof startTempStub>> | undefined
  beforeAll(async () => {
    started = await startTempStub()
  })
  afterAll(() => started?.stop())
  return {
    get url() {
      if (!started) throw new Error('the temp stub is read before beforeAll started it')
      return started.stub.url
    },
  }
}
