import { HealthPath } from '../apiPath.ts'
import { LiveResponse, ReadyResponse } from '../health.ts'
import { route } from '../route.ts'

/** Health: liveness and readiness, for the load balancer and the operator. Part of the one route table (../routes.ts). */
export const healthRoutes = {
  live: route('live', {
    method: 'GET',
    path: HealthPath.live,
    tag: 'health',
    summary: 'The process is alive',
    responses: { 200: LiveResponse },
  }),
  ready: route('ready', {
    method: 'GET',
    path: HealthPath.ready,
    tag: 'health',
    summary: 'The store works and the BOSS answers (503 otherwise)',
    responses: { 200: ReadyResponse, 503: ReadyResponse },
  }),
} as const
