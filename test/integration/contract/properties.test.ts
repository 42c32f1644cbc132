import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerChecker, type LoggedAnswer } from '../../conformance/answers.ts'
import type { OpenApiDocument } from '../../conformance/openApi.ts'
import { login, startStack, type Stack, type Subscriber } from '../harness.ts'
import { documentOperations, invalidCase, validCase, type DocumentOperation } from './documentCases.ts'
import { send, type Credentials } from './documentProbe.ts'
import { boxCommands, LogIn, type Model, type Real } from './sequences.ts'

/**
 * Property-based test of the OpenAPI document against the real BFF and boss-stub: requests generated from the
 * document's own schemas (fast-check), valid and with one declared rule broken, for every operation, and box
 * sequences (log in, quote, order, read the order; report, read, rate, cancel; log out). It fails on any 5xx,
 * any status or body the document does not declare (test/conformance's checker), a request the document calls
 * valid refused as invalid (400, 415), or one it calls invalid taken (2xx).
 * Repeatable: a fixed seed, printed. Longer: API_PROPERTY_RUNS=20 (times the runs), API_PROPERTY_SEED=<n>.
 */
const SEED = Number(process.env.API_PROPERTY_SEED ?? 21)
const SCALE = Number(process.env.API_PROPERTY_RUNS ?? 1)
const RUNS_PER_OPERATION = 10 * SCALE
const SEQUENCES = 40 * SCALE

let stack: Stack
let operations: DocumentOperation[]
let check: (a: LoggedAnswer) => string[]
let creds: Credentials
let sub: Subscriber

beforeAll(async () => {
  // Tickets move on ten times a second, so a sequence can rate the ticket it reported.
  stack = await startStack({ bff: { apiDocs: true }, ticketSpeed: 18_000 })
  const doc = (await (await fetch(`${stack.bffUrl}/api/docs/json`)).json()) as OpenApiDocument
  operations = documentOperations(doc)
  check = answerChecker(doc)
  sub = stack.bySubscriber('normal')
  let token = await login(stack, sub)
  creds = {
    operator: `${stack.config.usage.operatorUser}:${stack.config.usage.operatorPassword}`,
    // Log-out ends the session it is sent with; generated revocations may end ours: log in again then.
    token: async (o) => (o.route.endsWith('/logout') ? login(stack, sub) : token),
  }

  console.log(`API property test: seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation, ${SEQUENCES} sequences`)
  renew = async () => {
    token = await login(stack, sub)
  }
})
afterAll(async () => {
  await stack?.close()
})
let renew: () => Promise<void>

/**
 * The rules a JSON schema of the document cannot hold, each stated where the integrator reads it: a 400 naming one
 * of these is the one answer a schema-valid request may get. Anything else refused as invalid fails the test.
 */
const RULES_BEYOND_SCHEMA = [
  /^body\.presetId \S+ is not a preset of /, // presets come from GET /tickets/form
  /^body\.subjectId \S+ is not a subject of /, // subjects come from GET /complaints/options
  /^body\.events\.\d+\.\w+ is required for a \w+ event$/, // per type, in the event schema's description
  /^(query|body)\.(from|to) /, // a report's range: days of the calendar, from not after to
]
function beyondSchema(a: LoggedAnswer): boolean {
  const message = /"message":"([^"]*)"/.exec(a.body ?? '')?.[1] ?? ''
  return RULES_BEYOND_SCHEMA.some((rule) => rule.test(message))
}

/** Problems with one answer: a 5xx, anything the document does not declare. */
function problems(a: LoggedAnswer): string[] {
  const out = check(a)
  if (a.status >= 500) out.push(`${a.method} ${a.route} → ${a.status}: ${String(a.body).slice(0, 200)}`)
  return out
}

describe('requests made from the OpenAPI document (fast-check)', () => {
  it('every operation: a valid request gets a documented answer, never a 5xx, never 400/415', async () => {
    for (const o of operations) {
      await fc.assert(
        fc.asyncProperty(validCase(o), async (c) => {
          let a = await send(stack.bffUrl, o, c, creds)
          if (a.status === 401 && o.op.security?.[0]?.bearer) {
            await renew() // a generated revocation may have ended the session
            a = await send(stack.bffUrl, o, c, creds)
          }
          const found = problems(a)
          if ((a.status === 400 && !beyondSchema(a)) || a.status === 415)
            found.push(`${o.method} ${o.route} refused a valid request: ${a.body}`)
          expect(found, JSON.stringify(c)).toEqual([])
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      )
    }
  })

  it('every operation: a request breaking one declared rule gets a documented 4xx', async () => {
    for (const o of operations) {
      const cases = invalidCase(o)
      if (!cases) continue
      await fc.assert(
        fc.asyncProperty(cases, async (c) => {
          const a = await send(stack.bffUrl, o, c, creds)
          const found = problems(a)
          if (a.status < 400) found.push(`${o.method} ${o.route} took a request with its ${c.broken} broken`)
          expect(found, JSON.stringify(c)).toEqual([])
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      )
    }
  })

  it('box sequences: session → quote → order → order read back; ticket → read → rating; log-out', async () => {
    let answers = 0
    await fc.assert(
      fc.asyncProperty(boxCommands, async (cmds) => {
        const found: string[] = []
        const real: Real = {
          stack,
          sub,
          token: '',
          products: [],
          orders: [],
          tickets: [],
          judge: (a) => {
            answers++
            found.push(...problems(a))
          },
        }
        const model: Model = { loggedIn: false, loggedOut: false, orders: 0, tickets: 0 }
        await new LogIn().run(model, real) // a box is logged in before the viewer does anything
        await fc.asyncModelRun(() => ({ model, real }), cmds)
        expect(found).toEqual([])
      }),
      { seed: SEED, numRuns: SEQUENCES, endOnFailure: true },
    )
    console.log(`${SEQUENCES} sequences, ${answers} answers judged`)
    expect(answers).toBeGreaterThan(SEQUENCES * 2)
  })
})
