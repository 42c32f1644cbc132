import { hostname } from 'node:os'
import { resolve } from 'node:path'

/** Everything the BFF reads from its environment, parsed once at start-up. */
export interface BffConfig {
  port: number
  host: string
  bossUrl: string
  bossChannel: string
  bossSecret: string
  bossTimeoutMs: number
  /**
   * Key that signs the box's tokens (JWT_SECRET). Required in production; unset in development, the BFF makes a
   * random one on first run and keeps it next to its store (`jwt.key`, mode 0600): never a constant in the code.
   */
  jwtSecret: string | undefined
  /** Access tokens live minutes; refresh tokens (one use each, rotated) keep the box logged in for hours. */
  tokenTtlSeconds: number
  refreshTtlSeconds: number
  /** How long a log-in challenge can be signed and used (once). */
  challengeTtlSeconds: number
  /**
   * Proxies whose X-Forwarded-For names the client (fastify trustProxy): addresses or CIDRs. Empty: the socket's
   * address is the client, and a client's own X-Forwarded-For is ignored.
   */
  trustProxy: string[]
  /** Serve the OpenAPI description and its UI at /api/docs (API_DOCS=1/0; on in development, off in production). */
  apiDocs: boolean
  /** Failed log-ins per client address that did not prove a box, before that address is locked for sessionLockSeconds. */
  sessionMaxFailuresPerAddress: number
  storePath: string
  /** When set, the store is Redis (several instances share lockouts, idempotency, rate limits, outbox); else SQLite at storePath. */
  redisUrl: string | undefined
  /** Put before every Redis key, so one Redis can serve several halls. */
  redisPrefix: string
  /** Folder of the built TV app (`dist/`), served at `/` when set. */
  staticDir: string | undefined
  /** Origins allowed by CORS; empty means none (same-origin only). */
  corsOrigins: string[]
  logLevel: string
  /** Wrong STB/card pairs tolerated per box before it is locked out for a while. */
  sessionMaxFailures: number
  sessionLockSeconds: number
  /** Wrong purchase PINs in a row before ordering is locked for the household, and for how long (kept in the store). */
  pinMaxFailures: number
  pinLockSeconds: number
  /** Request body limit in bytes: every request of the hall is tiny. */
  bodyLimit: number
  nodeEnv: string
  /** Wrong prepaid cards per account before card top-up is locked, and for how long (kept in the store). */
  topupCardMaxFailures: number
  topupCardLockSeconds: number
  /**
   * Wrong prepaid cards per account in a day, right ones between them or not: a household holding one used card
   * cannot alternate it with guesses at other people's cards for ever. Reached, card top-up waits for the next day.
   */
  topupCardMaxFailuresPerDay: number
  /** How long a QR top-up code can be paid. */
  topupQrTtlSeconds: number
  /** Longest wait between two delivery attempts of an accepted ticket or complaint while the BOSS is down. */
  outboxMaxDelaySeconds: number
  /** Address phones reach the BFF at (for the complaint QR code); unset: taken from the TV's own request. */
  publicBaseUrl: string | undefined
  /** Requests per device per minute: reads, and calls that try a PIN/card password or move money. */
  rateLimitReadsPerMinute: number
  rateLimitStrictPerMinute: number
  /** BOSS resilience: open breaker's pause before a trial call, calls in flight per BOSS domain, retries of a read. */
  bossBreakerResetMs: number
  bossMaxInFlight: number
  bossReadRetries: number
  /** How long an order or top-up in flight holds its idempotency key before a crash is presumed and the BOSS is asked. */
  idempotencyLeaseSeconds: number
  /** Seconds a catalogue answer is served from memory (visit slots: half); served stale while the BOSS is down. */
  bossCacheSeconds: number
  /** Usage events (analytics): the DuckDB file, days kept, the household pseudonym key, whether this instance writes. */
  usage: UsageConfig
}

export interface UsageConfig {
  /** Unset: `usage.duckdb` beside the BFF's own store. */
  storePath: string | undefined
  retentionDays: number
  /** HMAC key of the household pseudonyms; a new value (and a restart) rotates them. */
  householdKey: string
  /** This instance owns the DuckDB file: with Redis exactly one instance says so (USAGE_WRITER=1). */
  writer: boolean
  /** Consumer name in the Redis stream's group: stable across restarts of the writer. */
  consumer: string
  /** The operator's report login (HTTP basic), which boxes' tokens cannot pass. */
  operatorUser: string
  operatorPassword: string
  /** `npm start`: an empty store gets a month of made-up demo usage, so the report page has something to show. */
  demoSeed: boolean
  /** Targeted offers: at most this many per household in 30 days (the BOSS enforces it on every push). */
  offerCap: number
  /** Detail views of a package (without an order) that make a household its offer's audience. */
  offerMinDetailViews: number
}

export const DEV_USAGE_HOUSEHOLD_KEY = 'tvhall-dev-usage-household-key'
export const DEV_OPERATOR_PASSWORD = 'tvhall-dev-operator'

export class ConfigError extends Error {
  override name = 'ConfigError'
}

type Env = Record<string, string | undefined>

function int(env: Env, key: string, fallback: number, min = 0): number {
  const raw = env[key]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${key} must be a whole number, got "${raw}"`)
  const value = Number(raw)
  if (value < min) throw new ConfigError(`${key} must be at least ${min}, got ${value}`)
  return value
}

function str(env: Env, key: string, fallback: string): string {
  const raw = env[key]
  return raw === undefined || raw === '' ? fallback : raw
}

export function loadConfig(env: Env = process.env): BffConfig {
  const nodeEnv = str(env, 'NODE_ENV', 'development')
  const jwtSecret = env.JWT_SECRET || undefined
  // A known key would let anyone mint tokens for any household.
  if (nodeEnv === 'production' && jwtSecret === undefined) {
    throw new ConfigError(
      'JWT_SECRET must be set in production (at least 32 characters; the demo makes its own in its data folder)',
    )
  }
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters')
  }
  const usage = usageConfig(env, nodeEnv)
  const bossUrl = str(env, 'BOSS_URL', 'http://127.0.0.1:8090')
  try {
    new URL(bossUrl)
  } catch {
    throw new ConfigError(`BOSS_URL is not a URL: "${bossUrl}"`)
  }
  return {
    port: int(env, 'PORT', 8080),
    host: str(env, 'HOST', '0.0.0.0'),
    bossUrl,
    bossChannel: str(env, 'BOSS_CHANNEL', 'TVHALL'),
    bossSecret: str(env, 'BOSS_SECRET', 'tvhall-dev-secret'),
    bossTimeoutMs: int(env, 'BOSS_TIMEOUT_MS', 3000, 1),
    jwtSecret,
    tokenTtlSeconds: int(env, 'TOKEN_TTL_SECONDS', 300, 1),
    refreshTtlSeconds: int(env, 'REFRESH_TTL_SECONDS', 12 * 3600, 60),
    challengeTtlSeconds: int(env, 'CHALLENGE_TTL_SECONDS', 60, 5),
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sessionMaxFailuresPerAddress: int(env, 'SESSION_MAX_FAILURES_PER_ADDRESS', 20, 1),
    apiDocs: env.API_DOCS === undefined || env.API_DOCS === '' ? nodeEnv !== 'production' : env.API_DOCS === '1',
    storePath: str(env, 'STORE_PATH', '.data/bff.sqlite'),
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: str(env, 'REDIS_PREFIX', 'tvhall:'),
    // @fastify/static wants an absolute root; relative paths are taken from the working directory.
    staticDir: env.STATIC_DIR ? resolve(env.STATIC_DIR) : undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: str(env, 'LOG_LEVEL', 'info'),
    sessionMaxFailures: int(env, 'SESSION_MAX_FAILURES', 5, 1),
    sessionLockSeconds: int(env, 'SESSION_LOCK_SECONDS', 900, 1),
    pinMaxFailures: int(env, 'PIN_MAX_FAILURES', 5, 1),
    pinLockSeconds: int(env, 'PIN_LOCK_SECONDS', 900, 1),
    bodyLimit: int(env, 'BODY_LIMIT_BYTES', 16 * 1024, 1024),
    nodeEnv,
    topupCardMaxFailures: int(env, 'TOPUP_CARD_MAX_FAILURES', 5, 1),
    topupCardLockSeconds: int(env, 'TOPUP_CARD_LOCK_SECONDS', 900, 1),
    topupCardMaxFailuresPerDay: int(env, 'TOPUP_CARD_MAX_FAILURES_PER_DAY', 20, 1),
    topupQrTtlSeconds: int(env, 'TOPUP_QR_TTL_SECONDS', 300, 1),
    outboxMaxDelaySeconds: int(env, 'OUTBOX_MAX_DELAY_SECONDS', 60, 1),
    publicBaseUrl: env.PUBLIC_BASE_URL ? env.PUBLIC_BASE_URL.replace(/\/+$/, '') : undefined,
    rateLimitReadsPerMinute: int(env, 'RATE_LIMIT_READS_PER_MINUTE', 600, 1),
    rateLimitStrictPerMinute: int(env, 'RATE_LIMIT_STRICT_PER_MINUTE', 30, 1),
    bossBreakerResetMs: int(env, 'BOSS_BREAKER_RESET_MS', 10_000, 100),
    bossMaxInFlight: int(env, 'BOSS_MAX_IN_FLIGHT', 1024, 1), // why 1024: DEFAULT_GUARD in boss/bossGuard.ts
    bossReadRetries: int(env, 'BOSS_READ_RETRIES', 2, 0),
    bossCacheSeconds: int(env, 'BOSS_CACHE_SECONDS', 60, 0),
    idempotencyLeaseSeconds: int(env, 'IDEMPOTENCY_LEASE_SECONDS', 30, 1),
    usage,
  }
}

function usageConfig(env: Env, nodeEnv: string): UsageConfig {
  const householdKey = str(env, 'USAGE_HOUSEHOLD_KEY', DEV_USAGE_HOUSEHOLD_KEY)
  const operatorPassword = str(env, 'OPERATOR_PASSWORD', DEV_OPERATOR_PASSWORD)
  if (nodeEnv === 'production' && (householdKey === DEV_USAGE_HOUSEHOLD_KEY || householdKey.length < 32)) {
    throw new ConfigError(
      'USAGE_HOUSEHOLD_KEY must be set to at least 32 characters in production (pseudonyms under a public key are not pseudonymous)',
    )
  }
  if (nodeEnv === 'production' && (operatorPassword === DEV_OPERATOR_PASSWORD || operatorPassword.length < 12)) {
    throw new ConfigError('OPERATOR_PASSWORD must be set to at least 12 characters in production')
  }
  const writer = str(env, 'USAGE_WRITER', env.REDIS_URL ? '0' : '1')
  if (!['0', '1'].includes(writer)) throw new ConfigError(`USAGE_WRITER must be 0 or 1, got "${writer}"`)
  return {
    // Beside the BFF's own store unless told otherwise.
    storePath: env.USAGE_STORE_PATH || undefined,
    retentionDays: int(env, 'USAGE_RETENTION_DAYS', 180, 1),
    householdKey,
    writer: writer === '1',
    consumer: str(env, 'USAGE_CONSUMER', hostname()),
    operatorUser: str(env, 'OPERATOR_USER', 'operator'),
    operatorPassword,
    demoSeed: env.USAGE_DEMO_SEED === '1',
    offerCap: int(env, 'USAGE_OFFER_CAP', 2, 1),
    offerMinDetailViews: int(env, 'USAGE_OFFER_MIN_VIEWS', 2, 1),
  }
}
