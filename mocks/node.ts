import { setupServer, type SetupServer } from 'msw/node'
import { createHandlers, type MockHandlerOptions } from './handlers.ts'
import type { ScenarioName } from './scenarios.ts'

/**
 * The mocked BFF for vitest: intercepts global fetch and node:http (not undici's own `request`).
 * Call `listen()` in beforeAll and `close()` in afterAll.
 */
export function createMockServer(scenario: ScenarioName, opts: MockHandlerOptions = {}): SetupServer {
  return setupServer(...createHandlers(scenario, opts))
}

export { mockDemoDevices } from './fixtures/households.ts'
export { type ScenarioName } from './scenarios.ts'
