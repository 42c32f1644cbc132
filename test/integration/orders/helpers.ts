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
