import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import type { ErrorBody } from '../../contract/common.ts'
import { routes } from '../../contract/routes.ts'
import { OperatorPath } from '../../contract/apiPath.ts'
import {
  REPORT_TABLES,
  type OfferRun,
  type OfferSendRequest,
  type ReportQuery,
  type ReportTable,
  type UsageReport,
} from '../../contract/usage.ts'
import type { UsageStore } from '../analytics/eventStore.ts'
import { beijingDay } from '../time.ts'
import { toCsv } from '../analytics/reports.ts'
import { ApiError, badRequest } from '../errors.ts'
import type { Store } from '../store/store.ts'
import { requireOperatorLogin, sameOriginOnly } from '../plugins/operatorLogin.ts'

export interface OperatorReportOptions {
  /** Unset on instances that are not the usage writer: the reports live with the DuckDB file. */
  usage: UsageStore | undefined
  store: Store
  user: string
  password: string
  now: () => Date
  /** Sends the range's offers (analytics/offers.ts); unset where `usage` is. */
  sendOffers?: (q: { from: string; to: string; area?: string; day: string }) => Promise<OfferRun>
}

const PAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../analytics/page')
const CHART_JS = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js')

/**
 * The operator's usage reports: a desktop page, its JSON and every table as CSV, behind the operator's
 * own login (HTTP basic). A box's bearer token is no operator login: boxes get 401 here.
 */
export default async function operatorReportRoutes(app: FastifyInstance, o: OperatorReportOptions) {
  await requireOperatorLogin(app, {
    store: o.store,
    user: o.user,
    password: o.password,
    realm: 'tvhall operator reports',
  })

  const page = readFileSync(join(PAGE_DIR, 'usage.html'), 'utf8')
  const script = readFileSync(join(PAGE_DIR, 'usage.js'), 'utf8')
  const chart = readFileSync(CHART_JS, 'utf8')
  const hide = { hide: true }

  app.get(OperatorPath.page, { schema: hide }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page),
  )
  app.get(OperatorPath.script, { schema: hide }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').send(script),
  )
  app.get(OperatorPath.chart, { schema: hide }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'max-age=86400').send(chart),
  )

  const notWriter = () =>
    new ApiError(
      503,
      'INTERNAL',
      'Usage reports are served by the instance that writes the usage store (USAGE_WRITER=1)',
    )
  // Default: the last 30 days, every area.
  const range = (q: ReportQuery, what = 'query') => {
    // The pattern lets 2026-13-45 through: a day that is not on the calendar is the caller's mistake, not a 500.
    for (const key of ['from', 'to'] as const) {
      const day = q[key]
      if (day !== undefined && !isCalendarDay(day))
        throw badRequest(`${what}.${key} ${day} is not a day of the calendar`)
    }
    const to = q.to ?? beijingDay(o.now().toISOString())
    const from = q.from ?? beijingDay(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString())
    if (from > to) throw badRequest(`${what}.from must not be after ${what}.to`)
    return { from, to, area: q.area }
  }
  const report = async (q: ReportQuery): Promise<UsageReport> => {
    if (!o.usage) throw notWriter()
    return o.usage.report(range(q))
  }

  app.get<{ Querystring: ReportQuery; Reply: UsageReport | ErrorBody }>(
    routes.usageReport.path,
    { schema: routes.usageReport.schema },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await report(request.query)),
  )

  app.get<{ Querystring: ReportQuery; Params: { table: string } }>(
    routes.usageCsv.path,
    { schema: routes.usageCsv.schema },
    async (request, reply) => {
      const table = request.params.table
      if (!REPORT_TABLES.includes(table as ReportTable))
        throw new ApiError(404, 'NOT_FOUND', `No report table ${table}`)
      const r = await report(request.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="usage-${table}-${r.from}-${r.to}.csv"`)
        .send(toCsv(r.tables[table] ?? []))
    },
  )

  app.post<{ Body: OfferSendRequest; Reply: OfferRun | ErrorBody }>(
    routes.sendOffers.path,
    { schema: routes.sendOffers.schema },
    async (request, reply) => {
      sameOriginOnly(request, 'Offers are sent')
      if (!o.sendOffers) throw notWriter()
      const run = await o.sendOffers({ ...range(request.body, 'body'), day: beijingDay(o.now().toISOString()) })
      return reply.header('cache-control', 'no-store').send(run)
    },
  )
}

/** 2026-02-28 yes, 2026-02-30 and 8703-31-57 no. */
function isCalendarDay(day: string): boolean {
  const t = Date.parse(`${day}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day
}
