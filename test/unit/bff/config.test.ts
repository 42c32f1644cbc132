import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../src/bff/config.ts'

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      bossUrl: 'http://127.0.0.1:8090',
      bossChannel: 'TVHALL',
      bossSecret: 'tvhall-dev-secret',
      jwtSecret: undefined,
      tokenTtlSeconds: 300,
      refreshTtlSeconds: 43200,
      trustProxy: [],
      storePath: '.data/bff.sqlite',
      staticDir: undefined,
      corsOrigins: [],
      logLevel: 'info',
      bodyLimit: 16384,
      topupCardMaxFailures: 5,
      topupCardMaxFailuresPerDay: 20,
    })
    // Usage events: kept 180 days; without Redis the one instance writes its own DuckDB file.
    expect(c.usage).toMatchObject({ retentionDays: 180, writer: true, storePath: undefined })
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).usage.writer).toBe(false)
  })
  it('reads the environment', () => {
    const c = loadConfig({
      PORT: '9000',
      BOSS_TIMEOUT_MS: '250',
      CORS_ORIGINS: 'http://a.test, http://b.test',
      STATIC_DIR: 'dist',
      TOKEN_TTL_SECONDS: '60',
      TOPUP_CARD_MAX_FAILURES_PER_DAY: '8',
    })
    expect(c).toMatchObject({
      port: 9000,
      bossTimeoutMs: 250,
      corsOrigins: ['http://a.test', 'http://b.test'],
      staticDir: join(process.cwd(), 'dist'),
      tokenTtlSeconds: 60,
      topupCardMaxFailuresPerDay: 8,
    })
  })
  it('refuses production with the default JWT key, and bad numbers', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError)
    const prod = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      USAGE_HOUSEHOLD_KEY: 'k'.repeat(32),
      OPERATOR_PASSWORD: 'p'.repeat(12),
    }
    expect(() => loadConfig(prod)).not.toThrow()
    // The usage pseudonyms' key and the operator's report password have public development defaults too.
    expect(() => loadConfig({ ...prod, USAGE_HOUSEHOLD_KEY: undefined })).toThrow(/USAGE_HOUSEHOLD_KEY/)
    expect(() => loadConfig({ ...prod, OPERATOR_PASSWORD: 'short' })).toThrow(/OPERATOR_PASSWORD/)
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ TOKEN_TTL_SECONDS: '0' })).toThrow(/TOKEN_TTL_SECONDS/)
    expect(() => loadConfig({ TOPUP_CARD_MAX_FAILURES_PER_DAY: '0' })).toThrow(/TOPUP_CARD_MAX_FAILURES_PER_DAY/)
    expect(() => loadConfig({ BOSS_URL: 'not a url' })).toThrow(/BOSS_URL/)
    expect(() => loadConfig({ USAGE_WRITER: 'yes' })).toThrow(/USAGE_WRITER/)
  })
})
