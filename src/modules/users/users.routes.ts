import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { accountErrors, authErrors } from '../../core/http/schemas.js'
import { type Authenticator, caller } from '../auth/authenticate.js'
import type { AccountService } from './account.service.js'
import type { SettingsService } from './settings.service.js'
import { Settings, SettingsInput } from './users.schemas.js'

export const accountRoutes: FastifyPluginAsyncTypebox<{
  account: AccountService
  settings: SettingsService
  auth: Authenticator
}> = async (app, { account, settings, auth }) => {
  app.put(
    '/me/settings',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['me'],
        summary: 'Your settings: external notifications (알림톡/SMS) on or off; GET /me shows them',
        security: [{ bearerAuth: [] }],
        body: SettingsInput,
        response: { 200: Settings, ...authErrors() },
      },
    },
    async (request) => settings.save(caller(request), request.body),
  )

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
