import { UsagePath } from '../apiPath.ts'
import { OfferConsent, UsageAccepted, UsageBatch } from '../usage.ts'
import { ErrorBody as E } from '../common.ts'
import { household, route } from '../route.ts'

/** Usage: the box's usage events and the household's consent to offers. Part of the one route table (../routes.ts). */
export const usageRoutes = {
  usageEvents: route('usageEvents', {
    method: 'POST',
    path: UsagePath.events,
    tag: 'usage',
    auth: 'box',
    summary: 'A batch of usage events (screens, flows, self-help outcomes, errors shown); stored once per batchId',
    body: UsageBatch,
    responses: { 202: UsageAccepted, 503: E },
  }),
  offerConsent: route('offerConsent', {
    method: 'GET',
    path: UsagePath.offerConsent,
    tag: 'usage',
    ...household,
    summary: 'Whether the household takes offers chosen from its use of the hall',
    responses: { 200: OfferConsent },
  }),
  setOfferConsent: route('setOfferConsent', {
    method: 'PUT',
    path: UsagePath.offerConsent,
    tag: 'usage',
    ...household,
    summary: 'Take or refuse offers chosen from the household’s use of the hall (repeating it changes nothing)',
    body: OfferConsent,
    responses: { 200: OfferConsent },
  }),
} as const
