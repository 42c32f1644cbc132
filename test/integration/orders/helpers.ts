import { randomUUID } from 'node:crypto'
import { api, type Stack } from '../harness.ts'

export type Stats = {
  requests: Record<string, number>
  orders: { count: number; byOrderNo: Record<string, number> }
  charges: { count: number; totalFen: number; byRef: Record<string, { count: number; totalFen: number }> }
}
export const stats = async (stack: Stack) => (await (await fetch(`${stack.bossUrl}/admin/stats`)).json()) as Stats
export const balance = async (stack: Stack, customerId: string) =>
  ((await (await fetch(`${stack.bossUrl}/admin/accounts/${customerId}`)).json()) as { balanceFen: number }).balanceFen
export const newKey = () => randomUUID()

/** `key` null sends no Idempotency-Key header at all. */
export function order(stack: Stack, token: string, body: unknown, key: string | null = newKey()) {
  return api(stack, 'POST', '/api/v1/orders', { token, body, headers: key !== null ? { 'idempotency-key': key } : {} })
}

/** Price of a product for a period, as the BOSS's catalogue has it (asked directly, not through the BFF). */
export async function catalogPrice(stack: Stack, token: string, productId: string, months: number): Promise<number> {
  const res = await api(stack, 'GET', `/api/v1/products/${productId}`, { token })
  return res.body.prices.find((p: { periodMonths: number }) => p.periodMonths === months).priceFen
}
