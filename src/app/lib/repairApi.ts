/**
 * The self-help, ticket and complaint calls of the TV. Paths are literal copies checked against the
 * contract at compile time (importing its values would pull TypeBox into the TV bundle).
 */
import type {
  Complaint,
  ComplaintDraft,
  ComplaintOptions,
  ComplaintPath,
  CreateComplaintRequest,
  CreateTicketRequest,
  Diagnosis,
  LocalText,
  SelfhelpPath,
  StbErrorCode,
  SymptomListResponse,
  Ticket,
  TicketForm,
  TicketListResponse,
  TicketPath,
} from '../../contract/index.ts'
import { api } from './backend.ts'
import { currentLanguage } from './i18n.ts'
import { sending } from './okBurst.ts'

const SELFHELP = {
  symptoms: '/api/v1/selfhelp/symptoms',
  code: '/api/v1/selfhelp/codes/:code',
  diagnosis: '/api/v1/selfhelp/diagnosis',
} as const satisfies typeof SelfhelpPath
const TICKETS = {
  form: '/api/v1/tickets/form',
  tickets: '/api/v1/tickets',
  ticket: '/api/v1/tickets/:ticketId',
  cancel: '/api/v1/tickets/:ticketId/cancel',
  rating: '/api/v1/tickets/:ticketId/rating',
} as const satisfies typeof TicketPath
const COMPLAINTS = {
  options: '/api/v1/complaints/options',
  complaints: '/api/v1/complaints',
  drafts: '/api/v1/complaints/drafts',
  draft: '/api/v1/complaints/drafts/:draftId',
  phonePage: '/m/complaint/:draftId',
} as const satisfies typeof ComplaintPath

const withId = (path: string, name: string, id: string) => path.replace(':' + name, encodeURIComponent(id))

/** The knowledge base carries both languages; the TV shows the current one. */
export function local(text: LocalText): string {
  return text[currentLanguage()] || text['zh-CN']
}

export const repairApi = {
  symptoms: () => api().get<SymptomListResponse>(SELFHELP.symptoms),
  errorCode: (code: string) => api().get<StbErrorCode>(withId(SELFHELP.code, 'code', code)),
  diagnosis: (symptom: string) => api().get<Diagnosis>(SELFHELP.diagnosis, { symptom }),
  ticketForm: () => api().get<TicketForm>(TICKETS.form),
  tickets: () => api().get<TicketListResponse>(TICKETS.tickets),
  ticket: (id: string) => api().get<Ticket>(withId(TICKETS.ticket, 'ticketId', id)),
  /** Keyed by the client (api.ts); pass the key again when the viewer retries the same report. */
  createTicket: (body: CreateTicketRequest, idempotencyKey?: string) =>
    sending(() => api().post<Ticket>(TICKETS.tickets, body, { idempotencyKey })),
  cancelTicket: (id: string) => sending(() => api().post<Ticket>(withId(TICKETS.cancel, 'ticketId', id), {})),
  rateTicket: (id: string, stars: number) =>
    sending(() => api().post<Ticket>(withId(TICKETS.rating, 'ticketId', id), { stars })),
  complaintOptions: () => api().get<ComplaintOptions>(COMPLAINTS.options),
  openDraft: () => sending(() => api().post<ComplaintDraft>(COMPLAINTS.drafts, {})),
  draft: (id: string) => api().get<ComplaintDraft>(withId(COMPLAINTS.draft, 'draftId', id)),
  createComplaint: (body: CreateComplaintRequest, idempotencyKey?: string) =>
    sending(() => api().post<Complaint>(COMPLAINTS.complaints, body, { idempotencyKey })),
}
