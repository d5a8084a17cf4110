import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { authErrors } from '../../core/http/schemas.js'
import { type Authenticator, caller } from '../auth/authenticate.js'
import { Consents, ConsentsInput } from './consents.schemas.js'
import type { ConsentService } from './consents.service.js'

export const consentRoutes: FastifyPluginAsyncTypebox<{
  consents: ConsentService
  auth: Authenticator
}> = async (app, { consents, auth }) => {
  app.put(
    '/me/consents',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['me'],
        summary:
          'Record the documents accepted (terms, privacy, refund, adult, contactShare); kept as history',
        security: [{ bearerAuth: [] }],
        body: ConsentsInput,
        response: { 200: Consents, ...authErrors() },
      },
    },
    async (request) => consents.update(caller(request), request.body),
  )
}
