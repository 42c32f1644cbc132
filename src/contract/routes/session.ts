import { Type } from '@sinclair/typebox'
import { ApiPath } from '../apiPath.ts'
import {
  SessionChallenge,
  SessionChallengeRequest,
  SessionRefreshRequest,
  SessionRequest,
  SessionResponse,
} from '../session.ts'
import { ErrorBody as E } from '../common.ts'
import { route } from '../route.ts'

/** Session: a box's log-in with its device key, refresh and log-out. Part of the one route table (../routes.ts). */
export const sessionRoutes = {
  sessionChallenge: route('sessionChallenge', {
    method: 'POST',
    path: ApiPath.sessionChallenge,
    tag: 'session',
    summary: 'A one-time challenge for this box to sign with its device key (first step of a log-in)',
    body: SessionChallengeRequest,
    responses: { 200: SessionChallenge },
  }),
  openSession: route('openSession', {
    method: 'POST',
    path: ApiPath.session,
    tag: 'session',
    upstream: true,
    summary: 'Open a session: the box signs the challenge with its device key; the BOSS checks it and the card pairing',
    body: SessionRequest,
    responses: { 200: SessionResponse, 401: E },
  }),
  refreshSession: route('refreshSession', {
    method: 'POST',
    path: ApiPath.sessionRefresh,
    tag: 'session',
    summary: 'Trade the one-use refresh token for a new pair; a refresh token used twice ends the session',
    body: SessionRefreshRequest,
    responses: { 200: SessionResponse, 401: E },
  }),
  logout: route('logout', {
    method: 'POST',
    path: ApiPath.sessionLogout,
    tag: 'session',
    auth: 'box',
    summary: 'End this session: its access and refresh tokens stop working',
    responses: { 204: Type.Null({ description: 'The session has ended' }) },
  }),
} as const
