import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { authErrors, Ok } from '../../core/http/schemas.js'
import type { strictLimit } from '../../core/http/security.js'
import { type Authenticator, caller } from '../auth/authenticate.js'
import type { ConsentGate } from '../consents/consents.gate.js'
import type { Precondition } from '../identity/identity.gate.js'
import {
  LikeBody,
  LikeResult,
  MatchDetail,
  MatchListItem,
  MatchParams,
  ReceivedLike,
} from './matches.schemas.js'
import { MAX_RECEIVED, type MatchService } from './matches.service.js'

export const matchRoutes: FastifyPluginAsyncTypebox<{
  matches: MatchService
  auth: Authenticator
  consents: ConsentGate
  /** IDENTITY_REQUIRED (identity.gate.ts), checked before anything else on the routes that need it. */
  requireIdentity: Precondition
  limit: ReturnType<typeof strictLimit>
}> = async (app, { matches, auth, consents, requireIdentity, limit }) => {
  const security = [{ bearerAuth: [] }]

  app.post(
    '/likes',
    {
      // IDENTITY_REQUIRED before the body is read, CONSENT_REQUIRED after it is validated.
      preParsing: [auth.requireUser, requireIdentity],
      preHandler: consents.toMeet,
      config: limit,
      schema: {
        tags: ['matches'],
        summary:
          'Like someone from your recommendations, or like back someone from GET /likes/received; a mutual like makes a pending match (needs a verified identity when IDENTITY_REQUIRED, then the current terms, privacy and adult consents)',
        security,
        body: LikeBody,
        response: {
          200: LikeResult,
          ...authErrors({
            400: ['INVALID_WEEK'],
            403: ['IDENTITY_REQUIRED', 'CONSENT_REQUIRED'],
            404: ['RECOMMENDATION_NOT_FOUND'],
          }),
        },
      },
    },
    async (request) => matches.like(caller(request), request.body.toUserId, request.body.batchWeek),
  )

  app.post(
    '/likes/pass',
    {
      preParsing: [auth.requireUser, requireIdentity],
      preHandler: consents.toMeet,
      config: limit,
      schema: {
        tags: ['matches'],
        summary:
          'Not interested: decline someone from your recommendations or from GET /likes/received for that week (they are not told; needs a verified identity when IDENTITY_REQUIRED, then the current terms, privacy and adult consents)',
        security,
        body: LikeBody,
        response: {
          204: Type.Null({ description: 'Passed' }),
          ...authErrors({
            400: ['INVALID_WEEK'],
            403: ['IDENTITY_REQUIRED', 'CONSENT_REQUIRED'],
            404: ['RECOMMENDATION_NOT_FOUND'],
            409: ['ALREADY_LIKED'],
          }),
        },
      },
    },
    async (request, reply) => {
      await matches.pass(caller(request), request.body.toUserId, request.body.batchWeek)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/likes/received',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['matches'],
        summary: `People whose like to you from this or last week you have not answered, newest first (at most ${MAX_RECEIVED})`,
        security,
        response: { 200: Type.Array(ReceivedLike), ...authErrors() },
      },
    },
    async (request) => matches.received(caller(request)),
  )

  app.get(
    '/matches',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['matches'],
        summary: 'Your matches, newest first (at most 200)',
        security,
        response: { 200: Type.Array(MatchListItem), ...authErrors() },
      },
    },
    async (request) => matches.list(caller(request)),
  )

  app.get(
    '/matches/:matchId',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['matches'],
        summary: 'One of your matches; once active, the full profile and the shared contact',
        security,
        params: MatchParams,
        response: { 200: MatchDetail, ...authErrors({ 404: ['MATCH_NOT_FOUND'] }) },
      },
    },
    async (request) => matches.get(caller(request), request.params.matchId),
  )

  app.post(
    '/matches/:matchId/close',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['matches'],
        summary: 'Unmatch: close the match (the two are never recommended to each other again)',
        security,
        params: MatchParams,
        response: { 200: Ok, ...authErrors({ 404: ['MATCH_NOT_FOUND'] }) },
      },
    },
    async (request) => matches.close(caller(request), request.params.matchId),
  )
}
