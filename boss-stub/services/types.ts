import type { DatabaseSync } from 'node:sqlite'
import type { ResponseBody } from '../protocol/codes.ts'

export type ServiceContext = {
  db: DatabaseSync
  /** the BOSS clock for this request */
  now: Date
  chnlId: string
  reqSeq: string
  /** how fast repair tickets move on by themselves (startBossStub's ticketSpeed; 1 = real time) */
  ticketSpeed?: number
  /** where phones reach the stub (the pay page of a QR code); no trailing slash */
  publicUrl?: string
}

export type Service = {
  code: string
  /** Moves money or state; commitThenTimeout faults hit only these. */
  moneyMoving: boolean
  handle(body: Record<string, string>, ctx: ServiceContext): ResponseBody
}
