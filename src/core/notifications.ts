import { sql } from 'drizzle-orm'
import type { Executor } from './db/client.js'
import type { NotificationType } from './db/schema.js'

export type { NotificationType } from './db/schema.js'

/** What each notification type carries. None names who did what to whom beyond the ids the owner may see. */
export interface NotificationPayloads {
  'recs.ready': { week: string }
  'like.received': { fromUserId: string; batchWeek: string }
  'match.created': { matchId: string }
  /** To the partner of whoever asked for the payment. */
  'payment.created': { matchId: string; paymentId: string }
  'payment.verified': { matchId: string; paymentId: string }
  'match.activated': { matchId: string }
  /** Never says who closed the match, nor that a block or a ban did. */
  'match.closed': { matchId: string; reason: 'closed' | 'expired' }
  'payment.refund_due': { paymentId: string }
  /** To the owner only; the reason is the operator's, as shown on their own photo list. */
  'photo.rejected': { photoId: string; reason: string }
}

/**
 * The notification writer every service calls inside its own transaction, so that a notification
 * exists exactly when the event it reports does. Notifications of the types in NOTIFY_EXTERNAL_TYPES
 * also get an outbox row (notification_deliveries) for people with a verified phone number who allow
 * external notifications; a worker sends those (modules/notifications).
 */
export interface Notifier {
  /**
   * Writes `type` with `data` to each of `userIds` (one statement however many: the weekly batch
   * passes a slice's viewers). Returns how many notifications were written.
   */
  notify<T extends NotificationType>(
    tx: Executor,
    userIds: string | readonly string[],
    type: T,
    data: NotificationPayloads[T],
    now: Date,
  ): Promise<number>
}

export function createNotifier({
  externalTypes,
}: {
  externalTypes: ReadonlySet<NotificationType>
}): Notifier {
  return {
    async notify(tx, userIds, type, data, now) {
      // In id order, the rows land in the (user_id, id) index one after another instead of all over it.
      const ids = typeof userIds === 'string' ? [userIds] : [...new Set(userIds)].sort()
      if (ids.length === 0) return 0
      const rows = sql`
        INSERT INTO notifications (user_id, type, data, created_at)
        SELECT u, ${type}, ${JSON.stringify(data)}::jsonb, ${now.toISOString()}::timestamptz
        FROM unnest(${sql.param(ids)}::uuid[]) AS u`
      if (!externalTypes.has(type)) {
        await tx.execute(rows)
        return ids.length
      }
      await tx.execute(sql`
        WITH written AS (${rows} RETURNING id, user_id)
        INSERT INTO notification_deliveries
          (notification_id, user_id, type, status, next_attempt_at, created_at, updated_at)
        SELECT w.id, w.user_id, ${type}, 'pending', ${now.toISOString()}::timestamptz,
               ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        FROM written w JOIN users u ON u.id = w.user_id
        WHERE u.phone_verified AND u.phone_encrypted IS NOT NULL AND u.notify_external
          AND NOT u.banned AND u.deleted_at IS NULL`)
      return ids.length
    },
  }
}
