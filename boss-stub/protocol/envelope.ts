import { BossError, RSP_DESC, type ResponseBody, type RspCode } from './codes.ts'
import { signMatches } from './sign.ts'
import { formatTime, parseTime } from './time.ts'

export type RequestHead = { SVC_CODE: string; CHNL_ID: string; REQ_SEQ: string; REQ_TIME: string; SIGN: string }
export type BossRequest = { head: RequestHead; body: Record<string, string> }

const HEAD_FIELDS = ['SVC_CODE', 'CHNL_ID', 'REQ_SEQ', 'REQ_TIME', 'SIGN'] as const
/** Requests further than this from the BOSS clock are refused, so a captured request cannot be replayed later. */
export const TIME_WINDOW_MS = 300_000

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Best effort, so even a refused request gets its serial echoed. */
export function peekReqSeq(raw: unknown): string {
  if (isPlainObject(raw) && isPlainObject(raw.HEAD) && typeof raw.HEAD.REQ_SEQ === 'string')
    return raw.HEAD.REQ_SEQ.slice(0, 32)
  return ''
}

export function peekSvcCode(raw: unknown): string {
  if (isPlainObject(raw) && isPlainObject(raw.HEAD) && typeof raw.HEAD.SVC_CODE === 'string') return raw.HEAD.SVC_CODE
  return ''
}

/** Shape check (1002), then channel, time window and SIGN (1001). The service code is checked by the caller. */
export function openEnvelope(raw: unknown, secrets: Record<string, string>, now: Date): BossRequest {
  if (!isPlainObject(raw) || !isPlainObject(raw.HEAD) || !isPlainObject(raw.BODY)) {
    throw new BossError('1002', 'HEAD 或 BODY 缺失')
  }
  const head: Record<string, string> = {}
  for (const key of HEAD_FIELDS) {
    const v = raw.HEAD[key]
    if (typeof v !== 'string' || v === '') throw new BossError('1002', `HEAD.${key} 缺失`)
    head[key] = v
  }
  const body: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw.BODY)) {
    if (typeof v !== 'string') throw new BossError('1002', `BODY.${k} 必须为字符串`)
    if (k in head || HEAD_FIELDS.includes(k as (typeof HEAD_FIELDS)[number]))
      throw new BossError('1002', `BODY.${k} 与 HEAD 字段重名`)
    body[k] = v
  }
  if (!/^[A-Za-z0-9]{1,32}$/.test(head.REQ_SEQ)) throw new BossError('1002', 'REQ_SEQ 格式错误')
  const reqTime = parseTime(head.REQ_TIME)
  if (!reqTime) throw new BossError('1002', 'REQ_TIME 格式错误')

  const secret = secrets[head.CHNL_ID]
  if (secret === undefined) throw new BossError('1001', '未知渠道')
  if (Math.abs(reqTime.getTime() - now.getTime()) > TIME_WINDOW_MS) throw new BossError('1001', '请求时间超出范围')
  const { SIGN, ...unsigned } = head
  if (!signMatches({ ...unsigned, ...body }, secret, SIGN)) throw new BossError('1001', '签名无效')
  return { head: head as RequestHead, body }
}

export function answer(code: RspCode, reqSeq: string, body: ResponseBody, now: Date, desc?: string) {
  return {
    HEAD: { RSP_CODE: code, RSP_DESC: desc ?? RSP_DESC[code], REQ_SEQ: reqSeq, RSP_TIME: formatTime(now) },
    BODY: body,
  }
}
