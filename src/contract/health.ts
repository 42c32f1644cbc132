import { Type, type Static } from '@sinclair/typebox'

export const LiveResponse = Type.Object({ status: Type.Literal('ok') })
export type LiveResponse = Static<typeof LiveResponse>

const CheckResult = Type.Union([Type.Literal('ok'), Type.Literal('fail')])

/** 200 when ready, 503 with the same shape when a dependency is down. */
export const ReadyResponse = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  checks: Type.Object({ store: CheckResult, boss: CheckResult }),
})
export type ReadyResponse = Static<typeof ReadyResponse>
