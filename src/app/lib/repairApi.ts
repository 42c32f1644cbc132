/** The self-help, ticket and complaint calls of the TV, on the contract's paths. */
import type {
  Complaint,
  ComplaintDraft,
  ComplaintOptions,
  CreateComplaintRequest,
  CreateTicketRequest,
  Diagnosis,
  LocalText,
  StbErrorCode,
  SymptomListResponse,
  Ticket,
  TicketForm,
  TicketListResponse,
} from '../../contract/index.ts'
import {
  ComplaintPath as COMPLAINTS,
  pathOf,
  SelfhelpPath as SELFHELP,
  TicketPath as TICKETS,
} from '../../contract/apiPath.ts'
import { api } from './backend.ts'
import { currentLanguage } from './i18n.ts'
import { sending } from './okBurst.ts'

/** The knowledge base carries both languages; the TV shows the current one. */
export function local(text: LocalText): string {
  return text[currentLanguage()] || text['zh-CN']
}

export const repairApi = {
  symptoms: () => api().get<SymptomListResponse>(SELFHELP.symptoms),
  errorCode: (code: string) => api().get<StbErrorCode>(pathOf(SELFHELP.code, { code })),
  diagnosis: (symptom: string) => api().get<Diagnosis>(SELFHELP.diagnosis, { symptom }),
  ticketForm: () => api().get<TicketForm>(TICKETS.form),
  tickets: () => api().get<TicketListResponse>(TICKETS.tickets),
  ticket: (id: string) => api().get<Ticket>(pathOf(TICKETS.ticket, { ticketId: id })),
  /** Keyed by the client (api.ts); pass the key again when the viewer retries the same report. */
  createTicket: (body: CreateTicketRequest, idempotencyKey?: string) =>
    sending(() => api().post<Ticket>(TICKETS.tickets, body, { idempotencyKey })),
  cancelTicket: (id: string) => sending(() => api().post<Ticket>(pathOf(TICKETS.cancel, { ticketId: id }), {})),
  rateTicket: (id: string, stars: number) =>
    sending(() => api().post<Ticket>(pathOf(TICKETS.rating, { ticketId: id }), { stars })),
  complaintOptions: () => api().get<ComplaintOptions>(COMPLAINTS.options),
  openDraft: () => sending(() => api().post<ComplaintDraft>(COMPLAINTS.drafts, {})),
  draft: (id: string) => api().get<ComplaintDraft>(pathOf(COMPLAINTS.draft, { draftId: id })),
  createComplaint: (body: CreateComplaintRequest, idempotencyKey?: string) =>
    sending(() => api().post<Complaint>(COMPLAINTS.complaints, body, { idempotencyKey })),
}
