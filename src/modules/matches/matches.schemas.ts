import { Type } from 'typebox'
import { PAYMENT_STATUSES } from '../../core/db/schema.js'
import { DateTime, Nullable, Text, Uuid } from '../../core/http/schemas.js'
import { MatchProfile, PublicProfile } from '../profiles/profiles.schemas.js'

export const LikeBody = Type.Object({
  toUserId: Uuid,
  batchWeek: Text({
    maxLength: 16,
    description: 'The week the person was recommended to you (this or last)',
  }),
})

export const ReceivedLike = Type.Object({
  fromUserId: Uuid,
  batchWeek: Type.String({
    description: 'Send it back with POST /likes (or /likes/pass) to answer this like',
  }),
  likedAt: DateTime,
  profile: PublicProfile,
})

export const LikeResult = Type.Object({
  ok: Type.Literal(true),
  matched: Type.Boolean({ description: 'The other person had already liked you: a pending match exists' }),
  matchId: Type.Optional(Uuid),
})

const MatchStatus = Type.Enum(['pending', 'active', 'closed'])
const PaymentSummary = Nullable(Type.Object({ id: Uuid, status: Type.Enum([...PAYMENT_STATUSES]) }))

export const MatchListItem = Type.Object({
  id: Uuid,
  status: MatchStatus,
  createdAt: DateTime,
  otherUserId: Uuid,
  otherProfile: PublicProfile,
  payment: PaymentSummary,
})

export const MatchDetail = Type.Object({
  match: Type.Object({
    id: Uuid,
    status: MatchStatus,
    createdAt: DateTime,
    activatedAt: Nullable(DateTime),
    closedAt: Nullable(DateTime),
    otherUserId: Uuid,
    payment: PaymentSummary,
  }),
  otherProfile: MatchProfile,
})

export const MatchParams = Type.Object({ matchId: Uuid })
