import { Type, type Static } from '@sinclair/typebox'
import { IsoDateTime } from './common.ts'

/** The box identifies itself by its STB id and the smart card in it; the BFF checks the pair with the BOSS. */
export const SessionRequest = Type.Object({
  deviceId: Type.String({ minLength: 4, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$', description: 'STB id' }),
  cardNo: Type.String({ pattern: '^\\d{16}$', description: 'smart card number, 16 digits' }),
}, { additionalProperties: false })
export type SessionRequest = Static<typeof SessionRequest>

export const SessionResponse = Type.Object({
  token: Type.String(),
  /** Seconds the token lives; the app renews it before or when it runs out. */
  expiresIn: Type.Integer({ minimum: 1 }),
  expiresAt: IsoDateTime,
})
export type SessionResponse = Static<typeof SessionResponse>
