import { http, HttpResponse, type HttpHandler } from 'msw'
import { UsagePath } from '../src/contract/apiPath.ts'
import { OfferConsent, UsageBatch, type UsageAccepted } from '../src/contract/usage.ts'
import { readJsonBody } from './body.ts'
import type { ReportMockContext } from './reports.ts'

/**
 * The usage events route as the BFF answers it: a batch checked against the contract (400 when
 * malformed), 202 with the count. Nothing needs the BOSS, so `boss-down` accepts too. The batches
 * are kept in memory for the handler set's life, for tests that look at what the box sent. The offer
 * consent is kept per handler set too (the BFF asks the BOSS): every household takes offers until it says no.
 */
export function createUsageHandlers(
  ctx: Omit<ReportMockContext, 'scenario' | 'now'>,
  received: UsageBatch[] = [],
): HttpHandler[] {
  let consent: OfferConsent = { offers: true }
  return [
    http.get(ctx.at(UsagePath.offerConsent), async ({ request }) => {
      await ctx.wait()
      const device = ctx.authenticate(request)
      if (device instanceof Response) return device
      return HttpResponse.json(consent)
    }),
    http.put(ctx.at(UsagePath.offerConsent), async ({ request }) => {
      await ctx.wait()
      const device = ctx.authenticate(request)
      if (device instanceof Response) return device
      const body = await readJsonBody<OfferConsent>(request, OfferConsent)
      if (body instanceof Response) return body
      consent = { offers: body.offers }
      return HttpResponse.json(consent)
    }),
    http.post(ctx.at(UsagePath.events), async ({ request }) => {
      await ctx.wait()
      const device = ctx.authenticate(request)
      if (device instanceof Response) return device
      const batch = await readJsonBody<UsageBatch>(request, UsageBatch)
      if (batch instanceof Response) return batch
      received.push(batch)
      const body: UsageAccepted = { accepted: batch.events.length }
      return HttpResponse.json(body, { status: 202 })
    }),
  ]
}
