import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { BffConfig } from './config.ts'

/**
 * The key that signs box tokens. Configured (JWT_SECRET) it is used as given; the demo (no JWT_SECRET outside
 * production) makes a random 256-bit key on its first run and keeps it in its data folder, readable by this
 * user only, so tokens survive a restart and nobody who reads the code can mint one.
 */
export function signingKey(config: Pick<BffConfig, 'jwtSecret' | 'storePath'>): string {
  if (config.jwtSecret) return config.jwtSecret
  const dir = config.storePath === ':memory:' ? '.data' : dirname(config.storePath)
  const file = join(dir, 'jwt.key')
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim()
    if (key.length >= 32) return key
  }
  mkdirSync(dir, { recursive: true })
  const key = randomBytes(32).toString('base64url')
  writeFileSync(file, `${key}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
  return key
}
