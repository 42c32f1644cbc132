/**
 * Switchable misbehaviour, so the BFF's timeouts, retries and idempotency can be tested against
 * a BOSS that is slow, flaky, down, or commits and then goes silent.
 */
export type Faults = {
  /** delay before every answer */
  latencyMs: number
  /** share of requests (0..1) that fail as `errorKind` */
  errorRate: number
  /** how a failing request fails: HTTP 500, RSP_CODE 9999 with HTTP 200, or either at random */
  errorKind: 'mixed' | 'http500' | 'rsp9999'
  down: boolean
  /** how a down BOSS refuses: HTTP 503, or dropping the connection without an answer */
  downMode: 'http503' | 'drop'
  /** money-moving services commit, then never answer */
  commitThenTimeout: boolean
  /** how long a silent answer holds the socket before destroying it */
  holdMs: number
  /** limit faults to these SVC_CODEs; empty = all */
  services: string[]
}

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  errorRate: 0,
  errorKind: 'mixed',
  down: false,
  downMode: 'http503',
  commitThenTimeout: false,
  holdMs: 30_000,
  services: [],
}

export type FaultSwitch = {
  get(): Faults
  /** Merges a patch; returns an error message when the patch is invalid (and changes nothing). */
  set(patch: unknown): string | null
  reset(): void
  /** The faults that hit this service code (all off when the service is not targeted). */
  forService(svcCode: string): Faults
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function validate(patch: Record<string, unknown>): string | null {
  for (const key of Object.keys(patch)) if (!(key in NO_FAULTS)) return `unknown fault ${key}`
  const { latencyMs, errorRate, errorKind, down, downMode, commitThenTimeout, holdMs, services } = patch
  const isMs = (v: unknown) =>
    v === undefined || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 600_000)
  if (!isMs(latencyMs) || !isMs(holdMs)) return 'latencyMs and holdMs: integer milliseconds 0..600000'
  if (errorRate !== undefined && !(typeof errorRate === 'number' && errorRate >= 0 && errorRate <= 1))
    return 'errorRate: number 0..1'
  if (errorKind !== undefined && !['mixed', 'http500', 'rsp9999'].includes(errorKind as string))
    return 'errorKind: mixed | http500 | rsp9999'
  if (downMode !== undefined && !['http503', 'drop'].includes(downMode as string)) return 'downMode: http503 | drop'
  for (const [k, v] of Object.entries({ down, commitThenTimeout }))
    if (v !== undefined && typeof v !== 'boolean') return `${k}: boolean`
  if (services !== undefined && !(Array.isArray(services) && services.every((s) => typeof s === 'string')))
    return 'services: array of SVC_CODE'
  return null
}

export function createFaultSwitch(): FaultSwitch {
  let current: Faults = { ...NO_FAULTS }
  return {
    get: () => ({ ...current, services: [...current.services] }),
    set(patch) {
      if (!isObj(patch)) return 'body must be a JSON object'
      const error = validate(patch)
      if (error) return error
      current = { ...current, ...(patch as Partial<Faults>) }
      return null
    },
    reset() {
      current = { ...NO_FAULTS }
    },
    forService(svcCode) {
      return current.services.length === 0 || current.services.includes(svcCode) ? current : NO_FAULTS
    },
  }
}
