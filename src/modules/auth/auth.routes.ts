import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { accountErrors, errorResponses } from '../../core/http/schemas.js'
import type { syncLimit } from '../../core/http/security.js'
import { SyncKakaoBody, SyncKakaoHeaders, SyncKakaoResponse } from './auth.schemas.js'
import type { AuthService } from './auth.service.js'
import { type Authenticator, caller } from './authenticate.js'

export const authRoutes: FastifyPluginAsyncTypebox<{
  auth: AuthService
  authenticator: Authenticator
  limit: ReturnType<typeof syncLimit>
}> = async (app, { auth, authenticator, limit }) => {
  app.post(
    '/auth/sync-kakao',
    {
      config: limit,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with Kakao: verify the Kakao ID token, upsert the user, issue our JWT',
        headers: SyncKakaoHeaders,
        body: SyncKakaoBody,
        response: {
          200: SyncKakaoResponse,
          ...errorResponses({
            400: ['ID_TOKEN_REQUIRED', 'KAKAO_USER_ID_REQUIRED'],
            401: [
              'INVALID_SYNC_SECRET',
              'INVALID_ID_TOKEN',
              'ID_TOKEN_EXPIRED',
              'ID_TOKEN_REPLAYED',
              'KAKAO_ID_MISMATCH',
            ],
            403: ['USER_BANNED'],
            503: ['KAKAO_UNAVAILABLE'],
          }),
        },
      },
    },
    async (request) =>
      auth.syncKakao({
        kakaoUserId: request.body.kakaoUserId,
        idToken: request.body.idToken,
        syncSecret: request.headers['x-sync-secret'],
      }),
  )

  app.post(
    '/auth/logout',
    {
      preParsing: authenticator.requireAccount,
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere: every token issued to you so far stops working',
        security: [{ bearerAuth: [] }],
        response: { 204: Type.Null({ description: 'Signed out' }), ...accountErrors() },
      },
    },
    async (request, reply) => {
      await auth.logout(caller(request))
      return reply.status(204).send(null)
    },
  )
}
