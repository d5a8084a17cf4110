import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { accountErrors } from '../../core/http/schemas.js'
import { type Authenticator, caller } from '../auth/authenticate.js'
import type { AccountService } from './account.service.js'

export const accountRoutes: FastifyPluginAsyncTypebox<{
  account: AccountService
  auth: Authenticator
}> = async (app, { account, auth }) => {
  app.delete(
    '/me',
    {
      preParsing: auth.requireAccount,
      schema: {
        tags: ['me'],
        summary:
          'Delete your account: personal data erased, matches closed; payment records are kept (5 years) without your identity',
        security: [{ bearerAuth: [] }],
        response: { 204: Type.Null({ description: 'Deleted' }), ...accountErrors() },
      },
    },
    async (request, reply) => {
      await account.deleteAccount(caller(request))
      return reply.status(204).send(null)
    },
  )
}
