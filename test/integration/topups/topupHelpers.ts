import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { buildBff } from '../../../src/bff/app.ts'
import { routes, type CardTopupRequest, type QrTopupRequest } from '../../../src/contract/index.ts'
import { api, bff, loose, type ApiAnswer, type Stack } from '../harness.ts'

/** Helpers of the top-up suites: calls with an Idempotency-Key, and the stub's own figures. */

export const newKey = (): string => `tv-${randomUUID()}`

export function post<T = any>(
  stack: Pick<Stack, 'bffUrl'>,
  path: string,
  token: string,
  body: unknown,
  key: string | null = newKey(),
): Promise<ApiAnswer<T>> {
  return api<T>(stack, 'POST', path, { token, body, headers: key === null ? {} : { 'idempotency-key': key } })
}

/**
 * Top-ups sent through the typed client: the Idempotency-Key and a body of the document's shape are required
 * (leaving either out does not compile); the answer comes back loose, as the suites read refusals and top-ups alike.
 */
export function topupCard(
  stack: Pick<Stack, 'bffUrl'>,
  token: string,
  body: CardTopupRequest,
  key: string = newKey(),
): Promise<ApiAnswer> {
  return loose(bff(stack, routes.topupCard, { token, idempotencyKey: key, body }))
}

export function topupQr(
  stack: Pick<Stack, 'bffUrl'>,
  token: string,
  body: QrTopupRequest,
  key: string = newKey(),
): Promise<ApiAnswer> {
  return loose(bff(stack, routes.topupQr, { token, idempotencyKey: key, body }))
}

export interface StubAccount {
  balanceFen: number
  arrearsFen: number
  acctStatus: string
  status: string
}

export async function stubAccount(stack: Pick<Stack, 'bossUrl'>, customerId: string): Promise<StubAccount> {
  return (await fetch(`${stack.bossUrl}/admin/accounts/${customerId}`)).json() as Promise<StubAccount>
}

export interface StubStats {
  requests: Record<string, number>
  topups: { count: number; totalFen: number; bySerial: Record<string, { count: number; totalFen: number }> }
}

export async function stubStats(stack: Pick<Stack, 'bossUrl'>): Promise<StubStats> {
  return (await fetch(`${stack.bossUrl}/admin/stats`)).json() as Promise<StubStats>
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls a top-up as the TV does until it leaves `pending` (or the time is up). */
export async function pollTopup(
  stack: Pick<Stack, 'bffUrl'>,
  token: string,
  topupId: string,
  timeoutMs = 10_000,
): Promise<any> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const res = await api(stack, 'GET', `/api/v1/topups/${topupId}`, { token })
    if (res.status !== 200) throw new Error(`poll: ${res.status} ${JSON.stringify(res.body)}`)
    if (res.body.status !== 'pending' || Date.now() > until) return res.body
    await sleep(200)
  }
}

/** The phone: opens the QR code's page, then submits its Pay (or Cancel) form as a browser would. */
export async function payOnPhone(payUrl: string, action: 'confirm' | 'cancel' = 'confirm'): Promise<string> {
  const page = await fetch(payUrl)
  if (page.status !== 200 || !/^text\/html/.test(page.headers.get('content-type') ?? ''))
    throw new Error(`pay page: ${page.status}`)
  const html = await page.text()
  const form = new RegExp(`<form method="post" action="([^"]+/${action})">`).exec(html)
  if (!form) throw new Error(`no ${action} form on the pay page`)
  const res = await fetch(new URL(form[1], payUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
  })
  return res.text()
}

/** A second BFF process-equivalent on the same config and store file: what a restart leaves behind. */
export async function restartBff(stack: Stack): Promise<{ url: string; app: FastifyInstance }> {
  await stack.bff.close()
  const app = await buildBff(stack.config, { logDestination: new Writable({ write: (_c, _e, cb) => cb() }) })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, app }
}

export interface StubCard {
  cardNo: string
  password: string
  faceValueFen: number
  regionCode: string
  status: string
  scenario: string
}

/** Unused city-wide cards of the seed (beyond the fixed demo ones), from the stub's admin list. */
export async function freshCards(stack: Pick<Stack, 'bossUrl'>, count: number): Promise<StubCard[]> {
  const res = await fetch(`${stack.bossUrl}/admin/prepaid-cards?status=unused&region=320100&scenario=valid&limit=100`)
  const cards = ((await res.json()) as StubCard[]).filter((c) => !c.cardNo.startsWith('91000000000000'))
  if (cards.length < count) throw new Error(`only ${cards.length} fresh cards`)
  return cards
}
