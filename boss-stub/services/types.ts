import type { DatabaseSync } from 'node:sqlite'
import type { ResponseBody } from '../protocol/codes.ts'

export type ServiceContext = {
  db: DatabaseSync
  /** the BOSS clock for this request */
  now: Date
  chnlId: string
  reqSeq: string
}

export type Service = {
  code: string
  /** Moves money or state; commitThenTimeout faults hit only these. */
  moneyMoving: boolean
  handle(body: Record<string, string>, ctx: ServiceContext): ResponseBody
}
