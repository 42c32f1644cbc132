import { describe, expect, it } from 'vitest'
import { routes, type RouteName } from '../../../src/contract/index.ts'
import { createHandlers } from '../../../mocks/handlers.ts'
import { scenarios, type ScenarioName } from '../../../mocks/scenarios.ts'

/** Routes the TV app never calls, so the preview's mocks need not answer them. */
const SERVER_ONLY: Partial<Record<RouteName, string>> = {
  live: "probe for the operator's load balancer",
  ready: "probe for the operator's load balancer",
  usageReport: 'operator desktop page, basic auth',
  usageCsv: 'operator desktop page, basic auth',
  sendOffers: 'operator desktop page, basic auth',
  revokeSessions: 'operator desk (card swap, stolen box), basic auth',
}

const handled = (scenario: ScenarioName): string[] =>
  createHandlers(scenario)
    .map((h) => h.info as { method?: unknown; path?: unknown })
    .filter((info) => typeof info.path === 'string' && !info.path.endsWith('/*'))
    .map((info) => `${String(info.method)} ${String(info.path)}`)

describe('mocks against the contract route table', () => {
  const table = Object.entries(routes)
    .filter(([name]) => !(name in SERVER_ONLY))
    .map(([, r]) => `${r.method} ${r.path}`)

  it.each(Object.keys(scenarios) as ScenarioName[])(
    'scenario %s mocks every app route of the table, and nothing else',
    (scenario) => {
      const mocked = handled(scenario)
      expect(
        mocked.filter((m, i) => mocked.indexOf(m) !== i),
        'mocked twice',
      ).toEqual([])
      expect([...mocked].sort()).toEqual([...table].sort())
    },
  )
})
