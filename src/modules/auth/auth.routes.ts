import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../core/http/schemas.js'
import { SyncKakaoBody, SyncKakaoHeaders, SyncKakaoResponse } from './auth.schemas.js'
import type { AuthService } from './auth.service.js'

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService }> = async (app, { auth }) => {
  app.post(
    '/auth/sync-kakao',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with Kakao: verify the Kakao ID token, upsert the user, issue our JWT',
        headers: SyncKakaoHeaders,
        body: SyncKakaoBody,
        response: { 200: SyncKakaoResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      auth.syncKakao({
        kakaoUserId: request.body.kakaoUserId,
        idToken: request.body.idToken,
        syncSecret: request.headers['x-sync-secret'],
      }),
  )
}
