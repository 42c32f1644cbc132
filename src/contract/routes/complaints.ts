import { ComplaintPath } from '../apiPath.ts'
import {
  Complaint,
  ComplaintDraft,
  ComplaintListResponse,
  ComplaintOptions,
  CreateComplaintRequest,
  DraftIdParams,
} from '../complaints.ts'
import { ErrorBody as E } from '../common.ts'
import { household, route } from '../route.ts'

/** Complaints: options, filing and the phone page for typing the text. Part of the one route table (../routes.ts). */
export const complaintsRoutes = {
  complaintOptions: route('complaintOptions', {
    method: 'GET',
    path: ComplaintPath.options,
    tag: 'complaints',
    auth: 'box',
    summary: 'Complaint types with their preset subjects',
    responses: { 200: ComplaintOptions },
  }),
  complaints: route('complaints', {
    method: 'GET',
    path: ComplaintPath.complaints,
    tag: 'complaints',
    ...household,
    summary: "My complaints: pending ones first, then the BOSS's, newest first",
    responses: { 200: ComplaintListResponse, 404: E },
  }),
  createComplaint: route('createComplaint', {
    method: 'POST',
    path: ComplaintPath.complaints,
    tag: 'complaints',
    ...household,
    idempotent: true,
    summary:
      'Make a complaint or suggestion: 201 registered with the BOSS (repeatOf set for a repeat), 202 accepted and pending',
    body: CreateComplaintRequest,
    responses: { 201: Complaint, 202: Complaint, 404: E },
  }),
  createDraft: route('createDraft', {
    method: 'POST',
    path: ComplaintPath.drafts,
    tag: 'complaints',
    ...household,
    summary: 'Open a phone page for typing the complaint text (show phoneUrl as a QR code)',
    responses: { 201: ComplaintDraft, 404: E },
  }),
  draft: route('draft', {
    method: 'GET',
    path: ComplaintPath.draft,
    tag: 'complaints',
    ...household,
    summary: 'Poll a draft: the text once the viewer sent it from the phone',
    params: DraftIdParams,
    responses: { 200: ComplaintDraft, 404: E },
  }),
} as const
