import { Type } from 'typebox'
import { Text } from '../../core/http/schemas.js'
import { User } from '../users/users.schemas.js'

export const SyncKakaoBody = Type.Object({
  kakaoUserId: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[A-Za-z0-9_-]+$',
      description:
        'Kakao user id. With KAKAO_VERIFY=idtoken it is optional and must equal the token subject.',
    }),
  ),
  idToken: Type.Optional(
    Text({
      maxLength: 8192,
      nonBlank: true,
      description: 'Kakao OpenID Connect ID token (required with KAKAO_VERIFY=idtoken)',
    }),
  ),
  email: Type.Optional(Text({ maxLength: 320, description: 'Accepted for compatibility; not stored' })),
  nickname: Type.Optional(Text({ maxLength: 100, description: 'Accepted for compatibility; not stored' })),
})

export const SyncKakaoHeaders = Type.Object({
  'x-sync-secret': Type.Optional(
    Text({ maxLength: 1024, description: 'SYNC_SHARED_SECRET, sent by the Next.js server only' }),
  ),
})

export const SyncKakaoResponse = Type.Object({
  jwt: Type.String({ description: 'Bearer token for every protected route' }),
  user: User,
})
