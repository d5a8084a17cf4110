import { Type } from 'typebox'
import type { UserRow } from '../../core/db/schema.js'
import { DateTime, Nullable, Uuid } from '../../core/http/schemas.js'

export const User = Type.Object(
  {
    id: Uuid,
    kakaoUserId: Type.String(),
    role: Type.Enum(['user', 'admin']),
    phoneVerified: Type.Boolean({ description: 'Identity verification (본인인증) gave a mobile number' }),
    identityVerified: Type.Boolean({ description: 'Proved who they are (본인인증)' }),
    identityVerifiedAt: Nullable(DateTime),
    banned: Type.Boolean(),
    createdAt: DateTime,
  },
  { description: 'The signed-in user (SPEC §4.1)' },
)

export function toUser(row: UserRow) {
  return {
    id: row.id,
    kakaoUserId: row.kakaoUserId,
    role: row.role,
    phoneVerified: row.phoneVerified,
    identityVerified: row.identityVerifiedAt !== null,
    identityVerifiedAt: row.identityVerifiedAt?.toISOString() ?? null,
    banned: row.banned,
    createdAt: row.createdAt.toISOString(),
  }
}

export const Settings = Type.Object(
  {
    notifyExternal: Type.Boolean({
      description:
        'Notifications outside the app (Kakao 알림톡, or SMS when it cannot be delivered) to the verified phone number: only "SHH Match: 새 소식이 있어요" and a link, never a name. Default on.',
    }),
  },
  { description: "The caller's settings" },
)
export const SettingsInput = Type.Object({ notifyExternal: Type.Boolean() })

export function toSettings(row: UserRow) {
  return { notifyExternal: row.notifyExternal }
}
