import { TicketPath } from '../apiPath.ts'
import {
  CreateTicketRequest,
  RateTicketRequest,
  Ticket,
  TicketForm,
  TicketIdParams,
  TicketListResponse,
} from '../tickets.ts'
import { ErrorBody as E } from '../common.ts'
import { household, route } from '../route.ts'

/** Repair tickets: the form, filing, the timeline, cancelling and rating. Part of the one route table (../routes.ts). */
export const ticketsRoutes = {
  ticketForm: route('ticketForm', {
    method: 'GET',
    path: TicketPath.form,
    tag: 'tickets',
    ...household,
    summary: 'Categories with preset descriptions, the contact phone (masked) and free visit slots',
    responses: { 200: TicketForm, 404: E, 409: E },
  }),
  tickets: route('tickets', {
    method: 'GET',
    path: TicketPath.tickets,
    tag: 'tickets',
    ...household,
    summary: "My tickets: pending ones first, then the BOSS's, newest first",
    responses: { 200: TicketListResponse, 404: E, 409: E },
  }),
  ticket: route('ticket', {
    method: 'GET',
    path: TicketPath.ticket,
    tag: 'tickets',
    ...household,
    summary: 'One ticket with its timeline',
    params: TicketIdParams,
    responses: { 200: Ticket, 404: E, 409: E },
  }),
  createTicket: route('createTicket', {
    method: 'POST',
    path: TicketPath.tickets,
    tag: 'tickets',
    ...household,
    idempotent: true,
    summary:
      'Report a fault: 201 registered with the BOSS, 202 accepted and pending (delivered when the BOSS can take it)',
    body: CreateTicketRequest,
    responses: { 201: Ticket, 202: Ticket, 404: E, 409: E },
  }),
  cancelTicket: route('cancelTicket', {
    method: 'POST',
    path: TicketPath.cancel,
    tag: 'tickets',
    ...household,
    summary: 'Cancel an open ticket',
    params: TicketIdParams,
    responses: { 200: Ticket, 404: E, 409: E },
  }),
  rateTicket: route('rateTicket', {
    method: 'POST',
    path: TicketPath.rating,
    tag: 'tickets',
    ...household,
    summary: 'Rate a resolved ticket (回访), which closes it',
    params: TicketIdParams,
    body: RateTicketRequest,
    responses: { 200: Ticket, 404: E, 409: E },
  }),
} as const
