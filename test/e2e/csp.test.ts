import type { Page } from 'puppeteer-core'
import { describe, expect, it } from 'vitest'
import { api, login } from '../integration/harness.ts'
import { bootTv } from './boot.ts'
import { tvUrl } from './stack.ts'
import { Tv } from './tv.ts'

// Production serves only production (issue 15): the production server's CSP has neither 'unsafe-eval' nor
// 'unsafe-inline', and the app (Lightning core's templates, state routers and animated properties, compiled with
// `new Function` before the build replaced them; the boot script and its stylesheet, files since the inline ones
// went) runs under that header in real Chromium: boot to live home, then screens opened with the remote, with no
// CSP violation and no error. The phone page, the operator's page and the API docs render under theirs.

interface Violation {
  directive: string
  blocked: string
  sample: string
}

async function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp.slice())
}

/** Every CSP violation the page meets from its first line on, in window.__csp. */
async function watchViolations(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const seen: Violation[] = []
    ;(window as unknown as { __csp: Violation[] }).__csp = seen
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample })
    })
  })
}

/** The header's directives by name; fails on any 'unsafe-inline' or 'unsafe-eval' in it. */
function strict(csp: string | undefined): Map<string, string[]> {
  expect(csp).toBeTruthy()
  expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/)
  const d = new Map(
    (csp ?? '')
      .split(';')
      .map((x) => x.trim().split(/\s+/))
      .filter((x) => x[0])
      .map(([name, ...sources]) => [name, sources]),
  )
  expect(d.get('script-src')).toEqual(["'self'"])
  return d
}

describe('the production CSP without eval or inline code', () => {
  // The API docs are served where configured, production included: configured here to open them too.
  const boot = bootTv({ bff: { nodeEnv: 'production', apiDocs: true } })

  for (const legacy of [false, true]) {
    it(`runs the ${legacy ? 'ES5 legacy' : 'modern'} bundle through home, balance, bills and packages without a violation`, async () => {
      const who = boot.stack.bySubscriber('normal')
      // No inspector: a production server does not serve it, and it would patch core's Element itself.
      const url = tvUrl(boot.stack, who, { inspector: '0', ...(legacy ? { legacy: '1' } : {}) })
      const page = await boot.browser.newPage()
      await watchViolations(page)
      const tv = new Tv(page)
      const res = await page.goto(url, { waitUntil: 'load' })
      // Files only: no hash either, so CSP1 engines (which know no hashes) run the same page.
      expect(strict(res?.headers()['content-security-policy']).get('style-src')?.[0]).toBe("'self'")
      // The boot stylesheet applied (a blocked one would leave the page white and the failure text showing).
      expect(
        await page.evaluate(() => [
          getComputedStyle(document.body).backgroundColor,
          getComputedStyle(document.getElementById('boot-failure')!).display,
        ]),
      ).toEqual(['rgb(11, 26, 46)', 'none'])

      await tv.waitForRoute('home')
      const visited: string[] = []
      const visit = async (keys: Parameters<Tv['press']>, route: string) => {
        await tv.press(...keys)
        await tv.waitForRoute(route)
        visited.push(route)
        // Let the screen fetch its live data and finish its animations (accessors from Element.getGetter/Setter).
        await new Promise((r) => setTimeout(r, 1500))
        await tv.press('back')
        await tv.waitForRoute('home')
      }
      await visit(['ok'], 'balance')
      await visit(['right', 'ok'], 'bills')
      await visit(['right', 'right', 'ok'], 'packages')
      expect(visited).toEqual(['balance', 'bills', 'packages'])

      expect(await violations(page)).toEqual([])
      expect(tv.errors).toEqual([])
      await page.close()
    })
  }

  it('renders the phone page, the operator page and the API docs with their styles and no violation', async () => {
    const { stack } = boot
    const token = await login(stack, stack.bySubscriber('normal'))
    const draft = await api(stack, 'POST', '/api/v1/complaints/drafts', { token })
    const { operatorUser, operatorPassword } = stack.config.usage
    // Each page with a style its own stylesheet sets (the browser's default differs), then what it draws once used:
    // the operator's charts and tables, an operation of the docs opened (its schemas and examples).
    const pages: { url: string; styled: [selector: string, property: string, value: string]; then?: string }[] = [
      {
        url: String(draft.body.phoneUrl).replace(/^https?:\/\/[^/]+/, stack.bffUrl),
        styled: ['button', 'background-color', 'rgb(21, 101, 192)'],
      },
      {
        url: `${stack.bffUrl}/operator/usage`,
        styled: ['header', 'background-color', 'rgb(29, 35, 48)'],
        then: 'body[data-ready="true"]',
      },
      {
        url: `${stack.bffUrl}/api/docs/`,
        styled: ['.swagger-ui .info .title', 'font-size', '36px'],
        then: '.opblock-summary',
      },
    ]
    for (const { url, styled, then } of pages) {
      const page = await boot.browser.newPage()
      await page.authenticate({ username: operatorUser, password: operatorPassword })
      await watchViolations(page)
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      const res = await page.goto(url, { waitUntil: 'load' })
      expect(res?.status(), url).toBe(200)
      strict(res?.headers()['content-security-policy'])
      const [selector, property, value] = styled
      const el = await page.waitForSelector(selector, { timeout: 20_000 })
      expect(await el?.evaluate((e, p) => getComputedStyle(e).getPropertyValue(p), property), url).toBe(value)
      if (then) await page.waitForSelector(then, { timeout: 20_000 })
      if (then === '.opblock-summary') {
        await page.click(then)
        await page.waitForSelector('.opblock-body .responses-wrapper', { timeout: 20_000 })
      }
      expect(await violations(page), url).toEqual([])
      expect(errors, url).toEqual([])
      await page.close()
    }
  })
})
