import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import { type Database, type Executor, preparedPerDatabase, queryRows } from '../../core/db/client.js'
import {
  type DeliveryRow,
  type DeliveryStatus,
  type NotificationType,
  notificationDeliveries,
  notifications,
} from '../../core/db/schema.js'
import { type PageInput, pageWindow } from '../../core/pagination.js'

/** A page of the user's feed, newest first, starting below `beforeId`; one extra row tells if more follow. */
export async function feedPage(db: Executor, userId: string, beforeId: number | undefined, limit: number) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        beforeId === undefined ? undefined : lt(notifications.id, beforeId),
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit + 1)
}

const unreadCountOf = preparedPerDatabase((db) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .prepare('notifications_unread_count'),
)

/** Polled by every open app: a prepared statement over the person's rows of the (user_id, id) index. */
export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await unreadCountOf(db).execute({ userId })
  return row?.n ?? 0
}

/** Marks the user's unread notifications among `ids` (or all of them) read; others' ids match nothing. */
export async function markRead(
  db: Executor,
  userId: string,
  ids: number[] | 'all',
  now: Date,
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids),
      ),
    )
    .returning({ id: notifications.id })
  return rows.length
}

/** Deletes up to `limit` notifications older than `before` (their deliveries go with them). */
export async function deleteNotificationsBefore(db: Executor, before: Date, limit: number): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`DELETE FROM notifications WHERE id IN (
          SELECT id FROM notifications WHERE created_at < ${before.toISOString()}::timestamptz LIMIT ${limit})
        RETURNING id`,
  )
  return rows.length
}

export async function listDeliveries(
  db: Executor,
  filter: PageInput & { status?: DeliveryStatus | undefined },
) {
  const where = filter.status ? eq(notificationDeliveries.status, filter.status) : undefined
  const { limit, offset } = pageWindow(filter)
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(notificationDeliveries)
      .where(where)
      .orderBy(desc(notificationDeliveries.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(notificationDeliveries).where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

export async function findDelivery(tx: Executor, id: number, lock = false): Promise<DeliveryRow | undefined> {
  const query = tx.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id)).limit(1)
  const [row] = lock ? await query.for('update') : await query
  return row
}

/** Queues a delivery again from scratch: due now, with all its attempts. */
export async function requeueDelivery(tx: Executor, id: number, now: Date): Promise<void> {
  await tx
    .update(notificationDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now })
    .where(eq(notificationDeliveries.id, id))
}

export interface ClaimedDelivery {
  id: number
  userId: string
  type: NotificationType
  attempts: number
  phoneEncrypted: string | null
  /** Verified phone, external notifications on, neither banned nor deleted. */
  reachable: boolean
}

/**
 * Claims up to `limit` due deliveries for this worker: pending ones whose time has come and sending
 * ones whose lease ran out (their sender died). `FOR UPDATE SKIP LOCKED` lets workers on other
 * replicas claim other rows at the same moment, never the same; the claim commits at once, and
 * `next_attempt_at` becomes the end of this worker's lease.
 */
export async function claimDue(
  db: Executor,
  now: Date,
  leaseEnd: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  return queryRows<ClaimedDelivery>(
    db,
    sql`
    WITH due AS (
      SELECT id FROM notification_deliveries
      WHERE status IN ('pending', 'sending') AND next_attempt_at <= ${now.toISOString()}::timestamptz
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE notification_deliveries d
    SET status = 'sending', attempts = d.attempts + 1,
        next_attempt_at = ${leaseEnd.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
    FROM due, users u
    WHERE d.id = due.id AND u.id = d.user_id
    RETURNING d.id::int AS id, d.user_id::text AS "userId", d.type, d.attempts, u.phone_encrypted AS "phoneEncrypted",
      (u.phone_verified AND u.phone_encrypted IS NOT NULL AND u.notify_external
        AND NOT u.banned AND u.deleted_at IS NULL) AS reachable`,
  )
}

/**
 * Records how an attempt ended, only if the row is still this attempt's (status sending, same attempt
 * number): a worker whose lease ran out never overwrites the next claim.
 */
export async function finishAttempt(
  db: Executor,
  claim: { id: number; attempts: number },
  values: Partial<
    Pick<DeliveryRow, 'status' | 'nextAttemptAt' | 'lastError' | 'providerMessageId' | 'sentAt' | 'attempts'>
  > & {
    updatedAt: Date
  },
): Promise<boolean> {
  const rows = await db
    .update(notificationDeliveries)
    .set(values)
    .where(
      and(
        eq(notificationDeliveries.id, claim.id),
        eq(notificationDeliveries.status, 'sending'),
        eq(notificationDeliveries.attempts, claim.attempts),
      ),
    )
    .returning({ id: notificationDeliveries.id })
  return rows.length > 0
}

export async function deleteDelivery(db: Executor, id: number): Promise<void> {
  await db.delete(notificationDeliveries).where(eq(notificationDeliveries.id, id))
}

/** The outbox at a glance (metrics): rows waiting or being sent, and how long the oldest has waited. */
export async function queueState(db: Executor, now: Date) {
  const [row] = await queryRows<{ waiting: number; oldest: string | Date | null }>(
    db,
    sql`SELECT count(*)::int AS waiting, min(created_at) AS oldest
        FROM notification_deliveries WHERE status IN ('pending', 'sending')`,
  )
  const oldest = row?.oldest ? new Date(row.oldest) : null
  return {
    waiting: row?.waiting ?? 0,
    oldestAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
  }
}
