import { createHash } from 'node:crypto'
import pino, { type DestinationStream, type Logger } from 'pino'
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

/**
 * One logger for the BFF. Secrets are masked twice: serializers for the places we know
 * (auth headers), and a last pass over every finished log line for the places we cannot foresee
 * (a card number in a URL, a PIN in an error message, a BOSS body logged while debugging).
 */

/** `8100123456780001` → `8100********0001`: enough for a person to tell two cards apart. */
export function maskCardNo(cardNo: string): string {
  if (cardNo.length <= 8) return '*'.repeat(cardNo.length)
  return `${cardNo.slice(0, 4)}${'*'.repeat(cardNo.length - 8)}${cardNo.slice(-4)}`
}

/**
 * `STB0000000001` → `dev#3f2a9c01d4`: a box's id is an identifier an attacker can use, so logs carry a stable
 * hash (the same box is still followed across lines; an operator hashes an id to search for it).
 */
export function hashDeviceId(deviceId: string): string {
  return `dev#${createHash('sha256').update(deviceId).digest('hex').slice(0, 10)}`
}

/** `13812340000` → `138****0000`. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

// Keys whose value is a secret wherever they appear: ...pin, ...pwd, ...password, ...token, ...
const SECRET_KEY =
  '[A-Za-z_]*?(?:pin|pwd|passwd|password|secret|token|authorization|cookie|devicekey|device_key|signature|stb_sign|challenge)'
const DEVICE_KEY = '(?:deviceid|device_id|stb_id|stbid)'
const CARD_KEY = '[A-Za-z_]*?(?:cardno|card_no|cardnumber|card_number)'
const JSON_VALUE = '("(?:[^"\\\\]|\\\\.)*"|-?\\d+(?:\\.\\d+)?)'

const rules: [RegExp, (match: string, ...groups: string[]) => string][] = [
  // "pin":"123456" / "CARD_PWD":"..." / "authorization":"Bearer ..." in JSON
  [new RegExp(`("${SECRET_KEY}"\\s*:\\s*)${JSON_VALUE}`, 'gi'), (_m, key) => `${key}"***"`],
  // "cardNo":"..." of any length (prepaid cards are not 16 digits)
  [new RegExp(`("${CARD_KEY}"\\s*:\\s*)"([^"\\\\]*)"`, 'gi'), (_m, key, value) => `${key}"${maskCardNo(value)}"`],
  // "deviceId":"STB…" / "STB_ID":"…" anywhere: hashed
  [
    new RegExp(`("${DEVICE_KEY}"\\s*:\\s*)"([^"\\\\]*)"`, 'gi'),
    (_m, key, value) => `${key}"${value.startsWith('dev#') ? value : hashDeviceId(value)}"`,
  ],
  [new RegExp(`([?&;]${DEVICE_KEY}=)([^&\\s"]*)`, 'gi'), (_m, key, value) => `${key}${hashDeviceId(value)}`],
  // ?pin=1234&token=... in URLs
  [new RegExp(`([?&;]${SECRET_KEY}=)[^&\\s"]*`, 'gi'), (_m, key) => `${key}***`],
  [new RegExp(`([?&;]${CARD_KEY}=)([^&\\s"]*)`, 'gi'), (_m, key, value) => `${key}${maskCardNo(value)}`],
  // JWTs anywhere
  [/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, () => 'eyJ***'],
  // bare smart-card / bank-card numbers
  [/(?<![\dA-Za-z.])\d{16,19}(?!\d)/g, (m) => maskCardNo(m)],
  // mainland mobile numbers
  [/(?<![\d.])1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m)],
]

/** Mask every secret in a piece of text (a finished JSON log line, a URL, a message). */
export function redactText(text: string): string {
  let out = text
  for (const [re, replace] of rules) out = out.replace(re, replace as (substring: string, ...args: unknown[]) => string)
  return out
}

const CENSOR = '***'

/** A request as any caller may log it: fastify's request, Node's, or a plain object. */
interface LoggedRequest {
  method?: unknown
  url?: unknown
  host?: unknown
  ip?: unknown
  headers?: Record<string, unknown>
  socket?: { remotePort?: unknown } | null
}

/**
 * What a log line says of a request: fastify's own access-log fields (this serializer takes the place of
 * fastify's, which it copies). Never its headers, so no token or cookie reaches a line through `req`.
 */
export function loggedRequest(req: LoggedRequest | null | undefined): unknown {
  if (req === null || typeof req !== 'object') return req
  return {
    method: req.method,
    url: req.url,
    version: req.headers?.['accept-version'],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }
}

/** Headers logged as such: their authorization and cookie masked. */
export function loggedHeaders(headers: Record<string, unknown> | null | undefined): unknown {
  if (headers === null || typeof headers !== 'object' || !('authorization' in headers || 'cookie' in headers))
    return headers
  const out = { ...headers }
  if ('authorization' in out) out.authorization = CENSOR
  if ('cookie' in out) out.cookie = CENSOR
  return out
}

export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      // The known places of secrets (the auth headers) by serializers written once, instead of pino's `redact`
      // paths: @pinojs/redact parsed its paths again and cloned the request for every access line (issue 22),
      // where fastify's request serializer had already left the headers out.
      serializers: { req: loggedRequest, headers: loggedHeaders },
      hooks: { streamWrite: redactText },
    },
    // Lines are gathered up to 4 KB (or half a second) and written together: one write per line was ≈ 9 % of the
    // BFF's busy time under load in the profile (test/bench/RESULTS.md, issue 22). pino flushes what is
    // gathered when the process exits (its exit hook), and main.ts flushes on SIGTERM.
    opts.destination ?? pino.destination({ sync: false, minLength: 4096, periodicFlush: 500 }),
  )
}

/**
 * One access line per request, written with its answer: the request (method, url, …) and the status and time
 * together. Fastify's default writes two (incoming, completed), and each line is serialised, redacted and
 * written; in the BFF's profile logging was the largest share after the socket writes themselves.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return
    if (error)
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored')
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed')
  }
}
