import { describe, expect, it } from 'vitest'
import { bootTv } from './boot.ts'
import { tvUrl } from './stack.ts'
import { Tv } from './tv.ts'

// Production serves only production (issue 15): the production server's CSP has no 'unsafe-eval', and the app
// (Lightning core's templates, state routers and animated properties, compiled with `new Function` before the
// build replaced them) runs under that header in real Chromium: boot to live home, then screens opened with the
// remote, with no CSP violation and no error.

interface Violation {
  directive: string
  blocked: string
  sample: string
}

async function openUnderCsp(tv: Tv): Promise<Violation[]> {
  return tv.page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp.slice())
}

describe('the production CSP without eval', () => {
  const boot = bootTv({ bff: { nodeEnv: 'production', apiDocs: false } })

  for (const legacy of [false, true]) {
    it(`runs the ${legacy ? 'ES5 legacy' : 'modern'} bundle through home, balance, bills and packages without a violation`, async () => {
      const who = boot.stack.bySubscriber('normal')
      // No inspector: a production server does not serve it, and it would patch core's Element itself.
      const url = tvUrl(boot.stack, who, { inspector: '0', ...(legacy ? { legacy: '1' } : {}) })
      const page = await boot.browser.newPage()
      await page.evaluateOnNewDocument(() => {
        const seen: Violation[] = []
        ;(window as unknown as { __csp: Violation[] }).__csp = seen
        document.addEventListener('securitypolicyviolation', (e) => {
          seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample })
        })
      })
      const tv = new Tv(page)
      const res = await page.goto(url, { waitUntil: 'load' })
      const csp = res?.headers()['content-security-policy'] ?? ''
      const scriptSrc =
        csp
          .split(';')
          .map((d) => d.trim())
          .find((d) => d.startsWith('script-src ')) ?? ''
      expect(scriptSrc).toMatch(/^script-src 'self'/)
      expect(csp).not.toContain('unsafe-eval')

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

      expect(await openUnderCsp(tv)).toEqual([])
      expect(tv.errors).toEqual([])
      await page.close()
    })
  }
})
