import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { OperatorSessionPath } from '../../contract/index.ts'
import { routes } from '../../contract/routes.ts'
import { requireOperatorLogin, sameOriginOnly } from '../plugins/operatorLogin.ts'
import { toIsoBeijing } from '../time.ts'
import type { BffServices } from '../services.ts'

/**
 * The operator's session desk: end every session of a household or of a box at once (card swap at the counter,
 * a box reported stolen, a dispute), on every BFF instance (the revocation lives in the shared store).
 * Behind the operator's login; a box's bearer token gets 401 here.
 */
const operatorSessionRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, s) => {
  await requireOperatorLogin(app, {
    store: s.store,
    user: s.config.usage.operatorUser,
    password: s.config.usage.operatorPassword,
    realm: 'tvhall operator',
  })

  app.post(OperatorSessionPath.revoke, { schema: routes.revokeSessions.schema }, async (request) => {
    sameOriginOnly(request, 'Sessions are ended')
    const at = toIsoBeijing(s.now())
    const body = request.body
    if ('customerId' in body) {
      await app.revokeHousehold(body.customerId)
      request.log.warn({ customerId: body.customerId }, "operator ended the household's sessions")
      return { revoked: 'household' as const, id: body.customerId, at }
    }
    await app.revokeBox(body.deviceId)
    request.log.warn({ deviceId: body.deviceId }, "operator ended the box's sessions")
    return { revoked: 'box' as const, id: body.deviceId, at }
  })
}
export default operatorSessionRoutes
