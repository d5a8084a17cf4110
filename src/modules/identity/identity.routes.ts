import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { authErrors } from '../../core/http/schemas.js'
import type { strictLimit } from '../../core/http/security.js'
import { type Authenticator, caller } from '../auth/authenticate.js'
import { CompleteBody, CompleteResponse, StartResponse } from './identity.schemas.js'
import type { IdentityService } from './identity.service.js'

export const identityRoutes: FastifyPluginAsyncTypebox<{
  identity: IdentityService
  auth: Authenticator
  limit: ReturnType<typeof strictLimit>
}> = async (app, { identity, auth, limit }) => {
  const security = [{ bearerAuth: [] }]

  app.post(
    '/me/identity-verification/start',
    {
      preParsing: auth.requireUser,
      config: limit,
      schema: {
        tags: ['me'],
        summary:
          "Start identity verification (본인인증): the values for PortOne's browser SDK; works before a profile exists",
        security,
        body: Type.Object({}, { description: 'Nothing (an empty object or no body)' }),
        response: { 200: StartResponse, ...authErrors({ 503: ['IDENTITY_PROVIDER_UNAVAILABLE'] }) },
      },
    },
    async (request) => identity.start(caller(request)),
  )

  app.post(
    '/me/identity-verification/complete',
    {
      preParsing: auth.requireUser,
      config: limit,
      schema: {
        tags: ['me'],
        summary:
          'Finish identity verification: the server reads the result from PortOne (never from the client) and keeps ' +
          'the birth year, gender, phone (encrypted) and a keyed hash of the CI',
        security,
        body: CompleteBody,
        response: {
          200: CompleteResponse,
          ...authErrors({
            400: ['IDENTITY_NOT_VERIFIED'],
            403: ['UNDERAGE'],
            404: ['VERIFICATION_NOT_FOUND'],
            409: ['VERIFICATION_USED', 'IDENTITY_IN_USE', 'IDENTITY_MISMATCH'],
            503: ['IDENTITY_PROVIDER_UNAVAILABLE'],
          }),
        },
      },
    },
    async (request) => identity.complete(caller(request), request.body),
  )
}
