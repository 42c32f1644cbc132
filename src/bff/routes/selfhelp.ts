import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  Diagnosis,
  type DiagnosisFinding,
  type DiagnosisOffer,
  type ExpiredPackage,
  routes,
} from '../../contract/index.ts'
import { notFound } from '../errors.ts'
import { unlessBossDown } from '../outbox/accept.ts'
import type { BffServices } from '../services.ts'

const selfhelpRoutes: FastifyPluginAsyncTypebox<BffServices> = async (app, r) => {
  app.get(routes.symptoms.path, { schema: routes.symptoms.schema }, async () => ({ items: r.knowledge.symptoms }))

  app.get(routes.stbErrorCode.path, { schema: routes.stbErrorCode.schema }, async (request) => {
    const found = r.knowledge.errorCode(request.params.code)
    if (!found) throw notFound(`Error code ${request.params.code.toUpperCase()} is not in the knowledge base`)
    return found
  })

  app.get(routes.diagnosis.path, { schema: routes.diagnosis.schema }, async (request): Promise<Diagnosis> => {
    const symptom = r.knowledge.symptom(request.query.symptom)
    if (!symptom) throw notFound(`Symptom ${request.query.symptom} is not in the knowledge base`)
    const base = { symptom, repairCategory: symptom.repairCategory }
    if (!symptom.checksAccount) return { ...base, finding: 'none', offer: 'checks', account: null, expiredPackages: [] }
    const c = request.customer.customerId
    const { value, bossAvailable } = await unlessBossDown(async () => {
      const [account, expired] = await Promise.all([r.accounts.balance(c), r.diagnosis.recentlyExpired(c)])
      return { account, expired }
    }, null)
    if (!bossAvailable || !value)
      return { ...base, finding: 'unknown', offer: 'checks', account: null, expiredPackages: [] }
    const { account, expired } = value
    let finding: DiagnosisFinding = 'none'
    let offer: DiagnosisOffer = 'checks'
    if (account.status === 'suspended') [finding, offer] = ['suspended', 'top-up']
    else if (expired.length > 0) [finding, offer] = ['package-expired', 'renew']
    else if (account.status === 'arrears') [finding, offer] = ['arrears', 'top-up']
    const expiredPackages: ExpiredPackage[] = expired
    return {
      ...base,
      finding,
      offer,
      account: { status: account.status, arrearsFen: account.arrearsFen },
      expiredPackages,
    }
  })
}
export default selfhelpRoutes
