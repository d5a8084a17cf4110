import { Type } from 'typebox'
import type { UserRow } from '../../core/db/schema.js'
import { DateTime, Uuid } from '../../core/http/schemas.js'

export const User = Type.Object(
  {
    id: Uuid,
    kakaoUserId: Type.String(),
    role: Type.Enum(['user', 'admin']),
    phoneVerified: Type.Boolean(),
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
    banned: row.banned,
    createdAt: row.createdAt.toISOString(),
  }
}
