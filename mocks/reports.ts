import { http, HttpResponse, type HttpHandler } from 'msw'
import { Value } from '@sinclair/typebox/value'
import {
  ComplaintPath,
  CreateComplaintRequest,
  CreateTicketRequest,
  RateTicketRequest,
  SelfhelpPath,
  TicketPath,
  type Complaint,
  type ComplaintDraft,
  type Ticket,
  type TicketSummary,
} from '../src/contract/index.ts'
import { badRequest, bossUnavailable, errorResponse, notFound } from './errors.ts'
import type { MockDemoDevice } from './fixtures/households.ts'
import { profiles } from './fixtures/profiles.ts'
import {
  complaintCatalogue,
  knowledgeBase,
  mockComplaints,
  mockDiagnosis,
  mockSlots,
  mockTickets,
} from './fixtures/reports.ts'
import type { Scenario } from './scenarios.ts'

/** What the report handlers borrow from createHandlers: routing base, clock, wait and the token check. */
export interface ReportMockContext {
  at: (path: string) => string
  now: () => Date
  wait: () => Promise<void>
  authenticate: (request: Request) => MockDemoDevice | Response
  scenario: Scenario
}

type RouteParams = Record<string, string | readonly string[] | undefined>

/** A household's route as the BFF guards it: the scenario's delay, then the box's token; `answer` gets the device. */
export const householdRoute =
  (ctx: Pick<ReportMockContext, 'wait' | 'authenticate'>) =>
  (answer: (a: { request: Request; params: RouteParams; device: MockDemoDevice }) => Promise<Response> | Response) =>
  async ({ request, params }: { request: Request; params: RouteParams }) => {
    await ctx.wait()
    const device = ctx.authenticate(request)
    if (device instanceof Response) return device
    return answer({ request, params, device })
  }

const toSummary = ({ contactPhoneMasked: _p, timeline: _t, ...s }: Ticket): TicketSummary => s
const iso = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00'

/**
 * Self-help, tickets and complaints as the BFF answers them. Reports made here live in memory for
 * the handler set's life, so a preview can make a ticket and find it in the list. With `boss-down`
 * reads that need the BOSS degrade as the BFF's do, and new reports are accepted as `pending` (202).
 */
export function createReportHandlers(ctx: ReportMockContext): HttpHandler[] {
  const { at, now, scenario } = ctx
  const profile = profiles[scenario.profile]
  const made: Ticket[] = []
  const complaints: Complaint[] = []
  const drafts = new Map<string, ComplaintDraft>()
  let serial = 0

  const route = householdRoute(ctx)
  const tickets = () => [...made, ...mockTickets(profile, now())]
  const body = async (request: Request): Promise<unknown> => request.json().catch(() => undefined)

  return [
    http.get(
      at(SelfhelpPath.symptoms),
      route(() => HttpResponse.json({ items: knowledgeBase.symptoms })),
    ),
    http.get(
      at(SelfhelpPath.code),
      route(({ params }) => {
        const code = String(params.code)
        if (!/^[Ee]\d{3}$/.test(code)) return badRequest('params.code has the wrong format')
        const found = knowledgeBase.errorCodes.find((c) => c.code === code.toUpperCase())
        return found
          ? HttpResponse.json(found)
          : notFound(`Error code ${code.toUpperCase()} is not in the knowledge base`)
      }),
    ),
    http.get(
      at(SelfhelpPath.diagnosis),
      route(({ request }) => {
        const id = new URL(request.url).searchParams.get('symptom') ?? ''
        if (!/^[a-z0-9-]{1,40}$/.test(id)) return badRequest('query.symptom is required')
        const symptom = knowledgeBase.symptoms.find((s) => s.id === id)
        if (!symptom) return notFound(`Symptom ${id} is not in the knowledge base`)
        const d = mockDiagnosis(profile, symptom)
        return HttpResponse.json(
          scenario.bossDown && symptom.checksAccount ? { ...d, finding: 'unknown', offer: 'checks', account: null } : d,
        )
      }),
    ),

    http.get(
      at(TicketPath.form),
      route(() =>
        HttpResponse.json({
          categories: knowledgeBase.repairCategories,
          contactPhoneMasked: scenario.bossDown ? null : '139****0001',
          slots: scenario.bossDown ? [] : mockSlots(now()),
          bossAvailable: !scenario.bossDown,
        }),
      ),
    ),
    http.get(
      at(TicketPath.tickets),
      route(() =>
        HttpResponse.json({
          items: (scenario.bossDown ? made : tickets()).map(toSummary),
          bossAvailable: !scenario.bossDown,
        }),
      ),
    ),
    http.post(
      at(TicketPath.tickets),
      route(async ({ request }) => {
        const b = await body(request)
        if (!Value.Check(CreateTicketRequest, b)) return badRequest('body does not match CreateTicketRequest')
        const category = knowledgeBase.repairCategories.find((c) => c.id === b.category)
        const preset = category?.presets.find((p) => p.id === b.presetId)
        if (!preset) return badRequest(`body.presetId ${b.presetId} is not a preset of ${b.category}`)
        const slot = b.slotId ? mockSlots(now()).find((s) => s.slotId === b.slotId) : undefined
        if (b.slotId && !slot && !scenario.bossDown)
          return badRequest('body.slotId is not offered (full or not your area); pick another slot')
        const at = iso(now())
        const pending = scenario.bossDown
        const t: Ticket = {
          ticketId: pending ? null : `T2026110${String(1000 + ++serial).padStart(4, '0')}`,
          reference: `RTMOCK${String(++serial).padStart(8, '0')}`,
          category: b.category,
          description: preset.text['zh-CN'],
          descriptionText: preset.text,
          status: pending ? 'pending' : 'acknowledged',
          createdAt: at,
          updatedAt: at,
          appointment: slot ? { date: slot.date, period: slot.period } : null,
          rating: null,
          canCancel: !pending,
          canRate: false,
          contactPhoneMasked: b.contactPhone
            ? `${b.contactPhone.slice(0, 3)}****${b.contactPhone.slice(-4)}`
            : '139****0001',
          timeline: [
            {
              status: pending ? 'pending' : 'acknowledged',
              at,
              note: pending ? '报修已受理，正在提交，请稍候' : '您的报修已受理，工单已生成',
            },
          ],
        }
        made.unshift(t)
        return HttpResponse.json(t, { status: pending ? 202 : 201 })
      }),
    ),
    http.get(
      at(TicketPath.ticket),
      route(({ params }) => {
        const t = tickets().find((x) => x.ticketId === params.ticketId || x.reference === params.ticketId)
        if (t && t.status === 'pending') return HttpResponse.json(t)
        if (scenario.bossDown) return bossUnavailable()
        return t ? HttpResponse.json(t) : notFound('No such ticket for this account')
      }),
    ),
    ...(['cancel', 'rating'] as const).map((action) =>
      http.post(
        at(TicketPath[action]),
        route(async ({ request, params }) => {
          if (scenario.bossDown) return bossUnavailable()
          const t = tickets().find((x) => x.ticketId === params.ticketId || x.reference === params.ticketId)
          if (!t) return notFound('No such ticket for this account')
          if (action === 'rating') {
            const b = await body(request)
            if (!Value.Check(RateTicketRequest, b)) return badRequest('body.stars must be 1-5')
            if (!t.canRate) return errorResponse(409, 'CONFLICT', `Not possible in state ${t.status}`)
            return HttpResponse.json({
              ...t,
              status: 'closed',
              rating: b.stars,
              canRate: false,
              timeline: [
                ...t.timeline,
                { status: 'closed', at: iso(now()), note: '回访完成，工单已关闭，感谢您的评价' },
              ],
            })
          }
          if (!t.canCancel) return errorResponse(409, 'CONFLICT', `Not possible in state ${t.status}`)
          return HttpResponse.json({
            ...t,
            status: 'cancelled',
            canCancel: false,
            timeline: [...t.timeline, { status: 'cancelled', at: iso(now()), note: '工单已按您的要求撤销' }],
          })
        }),
      ),
    ),

    http.get(
      at(ComplaintPath.options),
      route(() => HttpResponse.json({ types: complaintCatalogue.types })),
    ),
    http.get(
      at(ComplaintPath.complaints),
      route(() =>
        HttpResponse.json({
          items: scenario.bossDown
            ? complaints.filter((c) => c.status === 'pending')
            : [...complaints, ...mockComplaints(profile, now())],
          bossAvailable: !scenario.bossDown,
        }),
      ),
    ),
    http.post(
      at(ComplaintPath.drafts),
      route(({ request }) => {
        const draftId = `MockDraft${String(drafts.size + 1).padStart(13, '0')}`
        // The preview has no phone: the mock "types" a text at once so the TV's polling shows it.
        const draft: ComplaintDraft = {
          draftId,
          phoneUrl: `${new URL(request.url).origin}/m/complaint/${draftId}`,
          expiresAt: iso(new Date(now().getTime() + 900_000)),
          status: 'submitted',
          text: '（手机输入的示例文字）晚上八点以后经常卡顿，希望尽快处理。',
        }
        drafts.set(draftId, draft)
        return HttpResponse.json(draft, { status: 201 })
      }),
    ),
    http.get(
      at(ComplaintPath.draft),
      route(({ params }) => {
        const d = drafts.get(String(params.draftId))
        return d ? HttpResponse.json(d) : notFound('No such draft (expired, used, or never opened here)')
      }),
    ),
    http.post(
      at(ComplaintPath.complaints),
      route(async ({ request }) => {
        const b = await body(request)
        if (!Value.Check(CreateComplaintRequest, b)) return badRequest('body does not match CreateComplaintRequest')
        const subject = complaintCatalogue.types
          .find((t) => t.id === b.type)
          ?.subjects.find((s) => s.id === b.subjectId)
        if (!subject) return badRequest(`body.subjectId ${b.subjectId} is not a subject of ${b.type}`)
        const draft = b.draftId ? drafts.get(b.draftId) : undefined
        if (b.draftId && !draft) return badRequest('body.draftId is not a draft of this box (expired or used)')
        if (b.draftId) drafts.delete(b.draftId)
        const pending = scenario.bossDown
        const earlier = [...complaints, ...mockComplaints(profile, now())].find(
          (c) => c.type === b.type && c.subjectId === b.subjectId && c.status === 'open',
        )
        const c: Complaint = {
          complaintId: pending ? null : `CP2026112200${String(++serial).padStart(4, '0')}`,
          reference: `RCMOCK${String(++serial).padStart(8, '0')}`,
          type: b.type,
          subjectId: b.subjectId,
          subject: subject.text['zh-CN'],
          text: draft?.text ?? null,
          status: pending ? 'pending' : 'open',
          createdAt: iso(now()),
          repeatOf: pending ? null : (earlier?.complaintId ?? null),
        }
        complaints.unshift(c)
        return HttpResponse.json(c, { status: pending ? 202 : 201 })
      }),
    ),
  ]
}
