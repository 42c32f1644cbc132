import { setupWorker } from 'msw/browser'
import { createHandlers } from './handlers.ts'
import { isScenarioName, scenarioList, scenarioNames, type ScenarioName } from './scenarios.ts'

/**
 * Entry of the browser preview without a back end: rollup bundles it as `dist/js/mocks.js`
 * (IIFE, `window.tvHallMocks`), and the preview page awaits `startMocks` before the app's first call.
 * `mockServiceWorker.js` (from msw's lib/) must be served next to the page.
 */
export async function startMocks(scenario: string): Promise<void> {
  const name: ScenarioName = isScenarioName(scenario) ? scenario : 'normal'
  // `?mock` with no value, or settings.json's `default`, simply means the everyday household.
  if (name !== scenario && scenario !== '' && scenario !== 'default') {
    console.warn(`[mocks] unknown scenario "${scenario}", using "normal"; known: ${scenarioNames.join(', ')}`)
  }
  const worker = setupWorker(...createHandlers(name))
  await worker.start({
    serviceWorker: { url: 'mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
  console.info(`[mocks] BFF mocked, scenario "${name}"`)
}

export { scenarioList, scenarioNames }
export { mockDemoDevice, mockDemoDevices } from './fixtures/households.ts'
