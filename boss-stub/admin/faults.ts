import type { FastifyInstance } from 'fastify'
import type { FaultSwitch } from '../faults.ts'

export function registerFaultRoutes(app: FastifyInstance, faults: FaultSwitch): void {
  app.get('/admin/faults', async () => faults.get())
  app.put('/admin/faults', async (request, reply) => {
    const error = faults.set(request.body)
    if (error) return reply.code(400).send({ error })
    return faults.get()
  })
  app.post('/admin/faults/reset', async () => {
    faults.reset()
    return faults.get()
  })
}
