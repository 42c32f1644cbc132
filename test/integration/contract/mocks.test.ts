import { afterAll, beforeAll } from 'vitest'
import { createHandlers } from '../../../mocks/handlers.ts'
import { createMockServer, mockDemoDevices } from '../../../mocks/node.ts'
import { issueToken, TOKEN_TTL_S } from '../../../mocks/tokens.ts'
import { describeContract } from './contractSuite.ts'

// A made-up origin that only msw answers; anything it does not handle fails the test.
const baseUrl = 'http://bff.contract.test'
const server = createMockServer('normal', { baseUrl })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describeContract('msw mocks', () => ({
  baseUrl,
  devices: mockDemoDevices,
  expiredToken: async () =>
    issueToken(mockDemoDevices[0], new Date(Date.now() - 2 * TOKEN_TTL_S * 1000), TOKEN_TTL_S).token,
  // Tokens are stateless, so a session opened before the outage still authenticates during it.
  setBossDown: async (down) => {
    if (down) server.use(...createHandlers('boss-down', { baseUrl }))
    else server.resetHandlers()
  },
}))
