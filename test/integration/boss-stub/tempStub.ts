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
