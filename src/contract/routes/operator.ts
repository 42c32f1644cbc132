import { Type } from '@sinclair/typebox'
import { OperatorSessionPath, OperatorPath } from '../apiPath.ts'
import { SessionRevokeRequest, SessionRevokeResult } from '../session.ts'
import { OfferRun, OfferSendRequest, ReportQuery, UsageReport } from '../usage.ts'
import { ErrorBody as E } from '../common.ts'
import { route } from '../route.ts'

/** Operator: usage reports, offers and session revocation (operator login). Part of the one route table (../routes.ts). */
export const operatorRoutes = {
  usageReport: route('usageReport', {
    method: 'GET',
    path: OperatorPath.report,
    tag: 'operator',
    auth: 'operator',
    summary: 'Usage report (default: the last 30 days, every area)',
    querystring: ReportQuery,
    responses: { 200: UsageReport, 503: E },
  }),
  usageCsv: route('usageCsv', {
    method: 'GET',
    path: OperatorPath.csv,
    tag: 'operator',
    auth: 'operator',
    summary: 'One report table as CSV',
    params: Type.Object({ table: Type.String({ maxLength: 64 }) }),
    querystring: ReportQuery,
    produces: 'text/csv',
    responses: { 200: Type.String({ description: 'The table as CSV, one header row' }), 404: E, 503: E },
  }),
  sendOffers: route('sendOffers', {
    method: 'POST',
    path: OperatorPath.offers,
    tag: 'operator',
    auth: 'operator',
    upstream: true,
    summary:
      "Send each package's offer to the households in its audience (the offers table); the BOSS applies consent and the cap",
    body: OfferSendRequest,
    responses: { 200: OfferRun, 403: E, 503: E },
  }),
  revokeSessions: route('revokeSessions', {
    method: 'POST',
    path: OperatorSessionPath.revoke,
    tag: 'operator',
    auth: 'operator',
    summary: 'End every session of a household (customerId) or of a box (deviceId) opened before now',
    body: SessionRevokeRequest,
    responses: { 200: SessionRevokeResult, 403: E },
  }),
} as const
