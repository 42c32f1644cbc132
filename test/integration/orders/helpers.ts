import { randomUUID } from 'node:crypto'
import { routes, type OrderRequest } from '../../../src/contract/index.ts'
import { api, bff, loose, type ApiAnswer, type Stack } from '../harness.ts'

export type Stats = {
  requests: Record<string, number>
  orders: { count: number; byOrderNo: Record<string, number> }
  charges: { count: number; totalFen: number; byRef: Record<string, { count: number; totalFen: number }> }
}
export const stats = async (stack: Stack) => (await (await fetch(`${stack.bossUrl}/admin/stats`)).json()) as Stats
export const balance = async (stack: Stack, customerId: string) =>
  ((await (await fetch(`${stack.bossUrl}/admin/accounts/${customerId}`)).json()) as { balanceFen: number }).balanceFen
export const newKey = () => randomUUID()

/**
 * An order sent through the typed client, so its Idempotency-Key and a body of the document's shape are required
 * (leaving either out does not compile); the answer is handed back loose, as the suites read refusals and orders alike.
 */
export function order(stack: Stack, token: string, body: OrderRequest, key: string = newKey()): Promise<ApiAnswer> {
  return loose(bff(stack, routes.createOrder, { token, idempotencyKey: key, body }))
}

/** A request the typed client would not let through (no Idempotency-Key when `key` is null, a malformed body): sent raw. */
export function forgedOrder(stack: Stack, token: string, body: unknown, key: string | null = newKey()) {
  return api(stack, 'POST', routes.createOrder.path, {
    token,
    body,
    headers: key !== null ? { 'idempotency-key': key } : {},
  })
}
