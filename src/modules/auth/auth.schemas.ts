import { Type } from 'typebox'
import { Text } from '../../core/http/schemas.js'
import { User } from '../users/users.schemas.js'

const KakaoUserId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })
const compatibility = {
  email: Type.Optional(Text({ maxLength: 320, description: 'Accepted for compatibility; not stored' })),
  nickname: Type.Optional(Text({ maxLength: 100, description: 'Accepted for compatibility; not stored' })),
}

/** One of two bodies, so a client cannot send neither an ID token nor a Kakao id (`{}`). */
export const SyncKakaoBody = Type.Union([
  Type.Object(
    {
      idToken: Text({ maxLength: 8192, nonBlank: true, description: 'Kakao OpenID Connect ID token' }),
      kakaoUserId: Type.Optional({ ...KakaoUserId, description: 'If sent, must equal the token subject' }),
      ...compatibility,
    },
    {
      title: 'IdTokenSync',
      description: 'Production (KAKAO_VERIFY=idtoken): the Kakao ID token proves who signs in',
    },
  ),
  Type.Object(
    {
      kakaoUserId: { ...KakaoUserId, description: 'Kakao user id, trusted as sent' },
      idToken: Type.Optional(Type.Never({ description: 'Send the ID token in the other form of this body' })),
      ...compatibility,
    },
    { title: 'DevSync', description: 'Development only (KAKAO_VERIFY=none): the body names the Kakao id' },
  ),
])

export const SyncKakaoHeaders = Type.Object({
  'x-sync-secret': Type.Optional(
    Text({ maxLength: 1024, description: 'SYNC_SHARED_SECRET, sent by the Next.js server only' }),
  ),
})

export const SyncKakaoResponse = Type.Object({
  jwt: Type.String({ description: 'Bearer token for every protected route' }),
  expiresAt: Type.String({
    format: 'date-time',
    description: 'When `jwt` expires (JWT_EXPIRE_MINUTES after sign-in); sign in again after it',
  }),
  user: User,
})
