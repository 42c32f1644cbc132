import { ServiceInfoPath } from '../apiPath.ts'
import { ServiceInfo } from '../serviceInfo.ts'
import { route } from '../route.ts'

/** Service info: FAQ, service points and the hotline. Part of the one route table (../routes.ts). */
export const serviceInfoRoutes = {
  serviceInfo: route('serviceInfo', {
    method: 'GET',
    path: ServiceInfoPath.serviceInfo,
    tag: 'service-info',
    summary: 'FAQ by topic, service points and the hotline, in every language',
    responses: { 200: ServiceInfo },
  }),
} as const
