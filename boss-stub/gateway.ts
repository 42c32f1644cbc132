import type { DatabaseSync } from 'node:sqlite'
import type { Socket } from 'node:net'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { BossError, type ResponseBody, type RspCode } from './protocol/codes.ts'
import { answer, openEnvelope, peekReqSeq, peekSvcCode } from './protocol/envelope.ts'
import { serviceRegistry } from './services/registry.ts'
import type { FaultSwitch } from './faults.ts'
import type { RequestStats } from './admin/stats.ts'

export type GatewayDeps = {
  db: DatabaseSync
  secrets: Record<string, string>
  faults: FaultSwitch
  stats: RequestStats
  /** sockets held open by commitThenTimeout, destroyed on close */
  held: Set<Socket>
  log: (msg: string, err?: unknown) => void
  ticketSpeed?: number
  /** base URL of the QR pay page, known once the stub listens */
  publicUrl?: () => string
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** `POST /boss/gateway`: the one BOSS endpoint. Business outcomes are HTTP 200; only outages are 5xx. */
export function registerGateway(app: FastifyInstance, deps: GatewayDeps): void {
  app.register(async (scope) => {
    // Parse JSON ourselves: a malformed body must be a 1002 envelope, not fastify's HTTP 400.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body))
    scope.post('/boss/gateway', async (request, reply) => {
      let raw: unknown
      try {
        raw = JSON.parse(typeof request.body === 'string' ? request.body : '')
      } catch {
        // not JSON: answered below as 1002 (or a raw 500 in HTTP-fault mode)
      }
      const svc = peekSvcCode(raw)
      const reqSeq = peekReqSeq(raw)
      const faults = deps.faults.forService(svc)
      if (faults.down) {
        deps.stats.count(svc || '-', faults.downMode === 'drop' ? 'DROP' : 'HTTP503')
        if (faults.downMode === 'drop') return drop(reply)
        return reply.code(503).send({ error: 'BOSS unavailable' })
      }
      if (faults.latencyMs > 0) await sleep(faults.latencyMs)
      if (faults.errorRate > 0 && Math.random() < faults.errorRate) {
        const http = faults.errorKind === 'http500' || (faults.errorKind === 'mixed' && Math.random() < 0.5)
        deps.stats.count(svc || '-', http ? 'HTTP500' : '9999')
        if (http) return reply.code(500).send({ error: 'Internal Server Error' })
        return send(reply, '9999', reqSeq, {})
      }

      const now = new Date()
      let code: RspCode = '0000'
      let body: ResponseBody
      let desc: string | undefined
      let moneyMoving = false
      try {
        if (raw === undefined) throw new BossError('1002', '报文不是合法的 JSON')
        const req = openEnvelope(raw, deps.secrets, now)
        const service = serviceRegistry.get(req.head.SVC_CODE)
        if (!service) throw new BossError('1003')
        moneyMoving = service.moneyMoving
        body = service.handle(req.body, {
          db: deps.db,
          now,
          chnlId: req.head.CHNL_ID,
          reqSeq: req.head.REQ_SEQ,
          ticketSpeed: deps.ticketSpeed,
          publicUrl: deps.publicUrl?.(),
        })
      } catch (err) {
        if (err instanceof BossError) {
          code = err.code
          desc = err.message
          body = err.body
        } else {
          deps.log(`BOSS ${svc} failed`, err)
          code = '9999'
          body = {}
        }
      }
      deps.stats.count(svc || '-', code)
      if (moneyMoving && faults.commitThenTimeout) return hold(reply, deps.held, faults.holdMs)
      return send(reply, code, reqSeq, body, desc)
    })
  })
}

function send(reply: FastifyReply, code: RspCode, reqSeq: string, body: ResponseBody, desc?: string) {
  return reply
    .code(200)
    .header('content-type', 'application/json; charset=utf-8')
    .send(answer(code, reqSeq, body, new Date(), desc))
}

/** The change is committed; the answer never comes. The socket is destroyed after holdMs (or on close). */
function hold(reply: FastifyReply, held: Set<Socket>, holdMs: number) {
  reply.hijack()
  const socket = reply.raw.socket
  if (!socket) return
  held.add(socket)
  const timer = setTimeout(() => socket.destroy(), holdMs)
  socket.once('close', () => {
    clearTimeout(timer)
    held.delete(socket)
  })
}

function drop(reply: FastifyReply) {
  reply.hijack()
  reply.raw.socket?.destroy()
}
