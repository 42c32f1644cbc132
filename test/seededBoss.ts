import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { ensureSeeded, openBossDb } from '../boss-stub/db/open.ts'
import { provisionSeededDevices } from '../boss-stub/devices.ts'
import { formatDate } from '../boss-stub/protocol/time.ts'
import { startBossStub, type BossStub, type BossStubOptions } from '../boss-stub/stub.ts'

/**
 * A freshly seeded boss-stub database for a test, copied from a template seeded once: seeding the stub's
 * households, bills and history took seconds, and every suite's stack did it anew. The template is named by
 * the seed's day and a hash of the code and data that seed it, so a change to either seeds a new one.
 */
const STUB = new URL('../boss-stub/', import.meta.url).pathname
const SEED_SOURCES = ['db', 'data']
  .flatMap((d) =>
    readdirSync(join(STUB, d))
      .sort()
      .map((f) => join(STUB, d, f)),
  )
  .concat(join(STUB, 'devices.ts'))

let template: string | undefined

function templatePath(today: string): string {
  const hash = createHash('sha256')
  for (const f of SEED_SOURCES) hash.update(f).update(readFileSync(f))
  return join(tmpdir(), 'tvhall-boss-templates', `boss-${today}-${hash.digest('hex').slice(0, 16)}.sqlite`)
}

/** Writes a seeded stub database to `dbPath` (start the stub on it without `reseed`). */
export function seededBossDb(dbPath: string): void {
  const today = formatDate(new Date())
  if (!template || !template.includes(`boss-${today}-`)) template = templatePath(today)
  if (!existsSync(template)) {
    mkdirSync(join(tmpdir(), 'tvhall-boss-templates'), { recursive: true })
    // Seeded under a name of its own, then renamed: a suite in another process never copies a half-written file.
    const building = `${template}.${process.pid}.tmp`
    const db = openBossDb(building)
    ensureSeeded(db, today, true)
    provisionSeededDevices(db)
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    db.exec('PRAGMA journal_mode = DELETE')
    db.close()
    renameSync(building, template)
  }
  copyFileSync(template, dbPath)
}

export interface SeededStub {
  boss: BossStub
  /** The fresh folder the stub's database is in; the test keeps its BFF's store there too. */
  dir: string
  /** Stops the stub and removes the folder. */
  close: () => Promise<void>
}

/**
 * A boss-stub on a seeded database in a fresh temporary folder, for the tests that run a BFF process beside it or
 * speak to the stub alone (`opts`: its ticket speed, public address...).
 */
export async function seededBossStub(
  name: string,
  opts: Omit<BossStubOptions, 'port' | 'dbPath'> = {},
): Promise<SeededStub> {
  const dir = mkdtempSync(join(tmpdir(), `tvhall-${name}-`))
  seededBossDb(join(dir, 'boss.sqlite'))
  const boss = await startBossStub({ ...opts, port: 0, dbPath: join(dir, 'boss.sqlite') })
  const close = async () => {
    await boss.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return { boss, dir, close }
}

/**
 * One seeded stub for a test file: started before its first test, stopped and removed after its last; read `boss`
 * and `dir` inside the tests.
 */
export function useSeededStub(
  name: string,
  opts: Omit<BossStubOptions, 'port' | 'dbPath'> = {},
): { readonly boss: BossStub; readonly dir: string } {
  let started: SeededStub | undefined
  beforeAll(async () => {
    started = await seededBossStub(name, opts)
  })
  afterAll(() => started?.close())
  const up = (): SeededStub => {
    if (!started) throw new Error('the seeded stub is read before beforeAll started it')
    return started
  }
  return {
    get boss() {
      return up().boss
    },
    get dir() {
      return up().dir
    },
  }
}
