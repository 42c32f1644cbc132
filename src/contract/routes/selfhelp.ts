import { SelfhelpPath } from '../apiPath.ts'
import { Diagnosis, DiagnosisQuery, ErrorCodeParams, StbErrorCode, SymptomListResponse } from '../selfhelp.ts'
import { ErrorBody as E } from '../common.ts'
import { household, route } from '../route.ts'

/** Self-help: symptoms, error codes on the box and the diagnosis against the account. Part of the one route table (../routes.ts). */
export const selfhelpRoutes = {
  symptoms: route('symptoms', {
    method: 'GET',
    path: SelfhelpPath.symptoms,
    tag: 'selfhelp',
    auth: 'box',
    summary: 'Symptoms with their step-by-step checks (knowledge base)',
    responses: { 200: SymptomListResponse },
  }),
  stbErrorCode: route('stbErrorCode', {
    method: 'GET',
    path: SelfhelpPath.code,
    tag: 'selfhelp',
    auth: 'box',
    summary: 'What an error code on the box means and what to do',
    params: ErrorCodeParams,
    responses: { 200: StbErrorCode, 404: E },
  }),
  diagnosis: route('diagnosis', {
    method: 'GET',
    path: SelfhelpPath.diagnosis,
    tag: 'selfhelp',
    ...household,
    summary:
      'A symptom held against the account: arrears, suspension or an expired package explain "not authorised" before any repair visit',
    querystring: DiagnosisQuery,
    responses: { 200: Diagnosis, 404: E },
  }),
} as const
