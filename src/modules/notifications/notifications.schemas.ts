import { type Static, type TSchema, Type } from 'typebox'
import { DELIVERY_STATUSES, type NotificationType } from '../../core/db/schema.js'
import { DateTime, Nullable, PageQuery, Uuid, WeekLabel } from '../../core/http/schemas.js'

/** Notification ids fit a JavaScript number (bigserial, far below 2^53 in any real table). */
const NotificationId = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })

const entry = <T extends NotificationType, D extends TSchema>(type: T, data: D) =>
  Type.Object({
    id: NotificationId,
    type: Type.Literal(type),
    data,
    createdAt: DateTime,
    readAt: Nullable(DateTime),
  })

/** One feed entry; `data` depends on `type` (a discriminated union, so the front end gets types). */
export const Notification = Type.Union([
  entry('recs.ready', Type.Object({ week: WeekLabel })),
  entry('like.received', Type.Object({ fromUserId: Uuid, batchWeek: WeekLabel })),
  entry('match.created', Type.Object({ matchId: Uuid })),
  entry('payment.created', Type.Object({ matchId: Uuid, paymentId: Uuid })),
  entry('payment.verified', Type.Object({ matchId: Uuid, paymentId: Uuid })),
  entry('match.activated', Type.Object({ matchId: Uuid })),
  entry('match.closed', Type.Object({ matchId: Uuid, reason: Type.Enum(['closed', 'expired']) })),
  entry('payment.refund_due', Type.Object({ paymentId: Uuid })),
  entry('photo.rejected', Type.Object({ photoId: Uuid, reason: Type.String() })),
])
export type Notification = Static<typeof Notification>

export const FEED_DEFAULT_LIMIT = 20
export const FEED_MAX_LIMIT = 100

export const FeedQuery = Type.Object({
  cursor: Type.Optional(
    Type.String({
      pattern: '^[1-9][0-9]{0,15}$',
      maxLength: 16,
      description: 'nextCursor of the previous page',
    }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: FEED_MAX_LIMIT, default: FEED_DEFAULT_LIMIT }),
})

export const Feed = Type.Object({
  items: Type.Array(Notification),
  nextCursor: Nullable(
    Type.String({ description: 'Pass as cursor for the next (older) page; null at the end' }),
  ),
})

export const UnreadCount = Type.Object({ count: Type.Integer({ minimum: 0 }) })

export const ReadBody = Type.Object(
  {
    ids: Type.Optional(
      Type.Array(NotificationId, {
        minItems: 1,
        maxItems: 100,
        description: 'Your notifications to mark read',
      }),
    ),
    all: Type.Optional(Type.Literal(true, { description: 'Mark every notification of yours read' })),
  },
  { description: 'Either `ids` or `all: true`' },
)

export const ReadResult = Type.Object({
  updated: Type.Integer({ minimum: 0, description: 'How many were unread and are now read' }),
})

export const DeliveriesQuery = Type.Object({
  status: Type.Optional(Type.Enum([...DELIVERY_STATUSES])),
  ...PageQuery,
})

export const DeliveryParams = Type.Object({ deliveryId: NotificationId })

export const Delivery = Type.Object({
  id: Type.Integer(),
  notificationId: Type.Integer(),
  userId: Uuid,
  type: Type.String(),
  channel: Type.Literal('alimtalk'),
  status: Type.Enum([...DELIVERY_STATUSES]),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(DateTime),
  lastError: Nullable(Type.String()),
  providerMessageId: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
  sentAt: Nullable(DateTime),
})
