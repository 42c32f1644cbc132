import { afterAll, beforeAll } from 'vitest'
import { createMockServer, mockDemoDevices } from '../../../mocks/node.ts'
import { describeContract } from './contract-suite.ts'

// A made-up origin that only msw answers; anything it does not handle fails the test.
const baseUrl = 'http://bff.contract.test'
const server = createMockServer('normal', { baseUrl })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describeContract('msw mocks', () => ({ baseUrl, devices: mockDemoDevices }))
