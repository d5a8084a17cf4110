import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { adminErrors, authErrors } from '../../core/http/schemas.js'
import { type Authenticator, caller, tokenSubject } from '../auth/authenticate.js'
import {
  BatchRun,
  RecommendationItem,
  RecommendationsQuery,
  RunAccepted,
  RunParams,
  RunRecsBody,
} from './recommendations.schemas.js'
import type { RecommendationService } from './recommendations.service.js'

export const recommendationRoutes: FastifyPluginAsyncTypebox<{
  recommendations: RecommendationService
  auth: Authenticator
}> = async (app, { recommendations, auth }) => {
  const security = [{ bearerAuth: [] }]

  app.get(
    '/recommendations',
    {
      // The caller's row is read with the list (one round trip) and admitted before the answer.
      preParsing: auth.requireToken,
      schema: {
        tags: ['recommendations'],
        summary: "The caller's weekly recommendations, best first",
        security,
        querystring: RecommendationsQuery,
        response: { 200: Type.Array(RecommendationItem), ...authErrors({ 400: ['INVALID_WEEK'] }) },
      },
    },
    async (request) =>
      recommendations.list(tokenSubject(request), request.query.week, auth.admitter(request)),
  )

  app.post(
    '/admin/recs/run',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Start the weekly recommendation batch now (202; poll the run)',
        security,
        body: RunRecsBody,
        response: {
          202: RunAccepted,
          ...adminErrors({ 400: ['INVALID_WEEK', 'WEEK_NOT_ALLOWED'], 409: ['RECS_ALREADY_RUNNING'] }),
        },
      },
    },
    async (request, reply) => {
      const accepted = await recommendations.startRun(caller(request), request.body.week)
      return reply.status(202).send(accepted)
    },
  )

  app.get(
    '/admin/recs/runs/:runId',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'A batch run and its progress',
        security,
        params: RunParams,
        response: { 200: BatchRun, ...adminErrors({ 404: ['RUN_NOT_FOUND'] }) },
      },
    },
    async (request) => recommendations.getRun(request.params.runId),
  )
}
