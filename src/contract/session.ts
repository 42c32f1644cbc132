import { Type, type Static } from '@sinclair/typebox'
import { IsoDateTime } from './common.ts'

const DeviceId = Type.String({ minLength: 4, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$', description: 'STB id' })
const Challenge = Type.String({
  minLength: 16,
  maxLength: 128,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'the challenge the BFF gave this box',
})

/** First step of a log-in: the box names itself and gets a one-time challenge to sign with its device key. */
export const SessionChallengeRequest = Type.Object({ deviceId: DeviceId }, { additionalProperties: false })
export type SessionChallengeRequest = Static<typeof SessionChallengeRequest>

export const SessionChallenge = Type.Object({
  challenge: Challenge,
  /** Seconds the challenge can be used (once). */
  expiresIn: Type.Integer({ minimum: 1 }),
})
export type SessionChallenge = Static<typeof SessionChallenge>

/**
 * The box proves it is the provisioned box: `signature` is the lower-case hex HMAC-SHA256, under its device key,
 * of `TVHALL-LOGIN|<deviceId>|<cardNo>|<challenge>`. The STB id and card number are identifiers, never credentials;
 * the BOSS checks the signature and that the card is paired with this box.
 */
export const SessionRequest = Type.Object(
  {
    deviceId: DeviceId,
    cardNo: Type.String({ pattern: '^\\d{16}$', description: 'smart card number, 16 digits' }),
    challenge: Challenge,
    signature: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description: 'HMAC-SHA256 hex of the log-in message under the device key',
    }),
  },
  { additionalProperties: false },
)
export type SessionRequest = Static<typeof SessionRequest>

export const SessionResponse = Type.Object({
  /** Access token: short-lived (minutes). */
  token: Type.String(),
  /** Seconds the token lives; the app renews it before or when it runs out. */
  expiresIn: Type.Integer({ minimum: 1 }),
  expiresAt: IsoDateTime,
  /** One-use: trade it at /session/refresh for a new pair; used twice, it ends the session. */
  refreshToken: Type.String(),
  refreshExpiresIn: Type.Integer({ minimum: 1 }),
})
export type SessionResponse = Static<typeof SessionResponse>

export const SessionRefreshRequest = Type.Object(
  { refreshToken: Type.String({ minLength: 16, maxLength: 4096 }) },
  { additionalProperties: false },
)
export type SessionRefreshRequest = Static<typeof SessionRefreshRequest>

/**
 * End every session opened before now, of one household (`customerId`: a stolen or sold-on box, a dispute) or
 * of one box (`deviceId`: a box swapped, lost or returned). Exactly one of the two. The box logs in again if
 * it still can (its device key and a card paired with it).
 */
export const SessionRevokeRequest = Type.Union([
  Type.Object(
    { customerId: Type.String({ pattern: '^C\\d{8}$', description: 'household (BOSS customer id)' }) },
    { additionalProperties: false },
  ),
  Type.Object({ deviceId: DeviceId }, { additionalProperties: false }),
])
export type SessionRevokeRequest = Static<typeof SessionRevokeRequest>

export const SessionRevokeResult = Type.Object({
  revoked: Type.Union([Type.Literal('household'), Type.Literal('box')]),
  id: Type.String(),
  /** Tokens issued up to this moment no longer open anything. */
  at: IsoDateTime,
})
export type SessionRevokeResult = Static<typeof SessionRevokeResult>
