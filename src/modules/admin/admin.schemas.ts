import { Type } from 'typebox'
import { DateTime, Nullable, PageQuery, Text, Uuid } from '../../core/http/schemas.js'
import { Preferences, Profile } from '../profiles/profiles.schemas.js'

export const UsersQuery = Type.Object({
  query: Type.Optional(Text({ maxLength: 100, description: 'Nickname (part), Kakao id or user id' })),
  identityVerified: Type.Optional(
    Type.Boolean({ description: 'Only people who did (true) or did not (false) verify' }),
  ),
  ...PageQuery,
})
export const UserParams = Type.Object({ userId: Uuid })
export const AccessReasonQuery = Type.Object({ reason: Type.Optional(Text({ maxLength: 500 })) })
export const ContactQuery = Type.Object({
  reason: Text({ maxLength: 500, nonBlank: true, description: 'Why the contact is needed' }),
})
export const BanBody = Type.Object({ reason: Text({ maxLength: 1000, nonBlank: true, multiline: true }) })
export const MatchesQuery = Type.Object({
  status: Type.Optional(Type.Enum(['pending', 'active', 'closed'])),
  ...PageQuery,
})
export const PageOnlyQuery = Type.Object({ ...PageQuery })

export const AdminUser = Type.Object({
  id: Uuid,
  kakaoUserId: Nullable(Type.String({ description: 'null once the account is deleted' })),
  nickname: Nullable(Type.String()),
  role: Type.Enum(['user', 'admin']),
  banned: Type.Boolean(),
  identityVerified: Type.Boolean({
    description: 'Identity verified (본인인증); the CI and phone are never shown',
  }),
  identityVerifiedAt: Nullable(DateTime),
  deleted: Type.Boolean(),
  deletedAt: Nullable(DateTime),
  lastActiveAt: Nullable(DateTime),
  createdAt: DateTime,
})

const { contact: _contact, ...profileWithoutContact } = Profile.properties
export const AdminUserDetail = Type.Object({
  user: AdminUser,
  profile: Nullable(
    Type.Object({
      ...profileWithoutContact,
      hasContact: Type.Boolean({
        description: 'See GET /admin/users/:userId/contact (logged, with a reason)',
      }),
    }),
  ),
  preferences: Nullable(Preferences),
  matches: Type.Array(
    Type.Object({
      id: Uuid,
      status: Type.String(),
      otherUserId: Uuid,
      createdAt: DateTime,
      activatedAt: Nullable(DateTime),
      closedAt: Nullable(DateTime),
    }),
  ),
  payments: Type.Array(
    Type.Object({
      id: Uuid,
      matchId: Uuid,
      method: Type.Enum(['transfer', 'virtual_account']),
      amount: Type.Integer(),
      code: Nullable(Type.String({ description: 'Bank transfers only' })),
      status: Type.String(),
      createdAt: DateTime,
      verifiedAt: Nullable(DateTime),
    }),
  ),
  reports: Type.Array(
    Type.Object({
      id: Uuid,
      reporterId: Uuid,
      reportedUserId: Uuid,
      reason: Type.String(),
      handled: Type.Boolean(),
      createdAt: DateTime,
    }),
  ),
})

export const AdminContact = Type.Object({
  userId: Uuid,
  contact: Nullable(Type.String()),
  verifiedPhone: Nullable(
    Type.String({ description: 'The mobile number identity verification gave (digits), if any' }),
  ),
})

export const AdminMatch = Type.Object({
  id: Uuid,
  status: Type.Enum(['pending', 'active', 'closed']),
  userA: Uuid,
  userB: Uuid,
  createdAt: DateTime,
  activatedAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  payment: Nullable(Type.Object({ id: Uuid, status: Type.String() })),
})

export const AdminAction = Type.Object({
  id: Type.Integer(),
  actor: Type.String({
    pattern: '^(admin|system:[a-z][a-z0-9_-]*)$',
    description:
      '`admin` (an operator, see adminId) or `system:<name>` (the API itself, e.g. `system:startup`)',
    examples: ['admin', 'system:startup'],
  }),
  adminId: Nullable(Uuid),
  action: Type.String(),
  targetId: Nullable(Type.String()),
  detail: Nullable(Type.Unknown()),
  createdAt: DateTime,
})

export const AccessLogEntry = Type.Object({
  id: Type.Integer(),
  adminId: Uuid,
  subjectUserId: Uuid,
  what: Type.String(),
  reason: Nullable(Type.String()),
  createdAt: DateTime,
})
