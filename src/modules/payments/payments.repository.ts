import { and, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../core/db/client.js'
import {
  LIVE_PAYMENT_STATUSES,
  matches,
  type PaymentMethod,
  type PaymentRow,
  payments,
  portoneWebhooks,
} from '../../core/db/schema.js'
import { pageWindow } from '../../core/pagination.js'

/**
 * What closing matches does to their payments: a verified payment of a match closed before it was
 * activated is owed back (`refund_due`), as is a deposit of the wrong amount (`amount_mismatch`);
 * an unpaid intent lapses (`expired`). Returns the payments now owed back.
 */
export async function settlePaymentsOfClosedMatches(
  tx: Executor,
  closed: Array<{ id: string; was: string }>,
  now: Date,
): Promise<Array<{ id: string; matchId: string }>> {
  const all = closed.map((m) => m.id)
  const beforeActivation = closed.filter((m) => m.was === 'pending').map((m) => m.id)
  let refundDue: Array<{ id: string; matchId: string }> = []
  if (beforeActivation.length) {
    refundDue = await tx
      .update(payments)
      .set({ status: 'refund_due', updatedAt: now })
      .where(and(inArray(payments.matchId, beforeActivation), eq(payments.status, 'verified')))
      .returning({ id: payments.id, matchId: payments.matchId })
  }
  if (all.length) {
    const mismatched = await tx
      .update(payments)
      .set({ status: 'refund_due', updatedAt: now })
      .where(and(inArray(payments.matchId, all), eq(payments.status, 'amount_mismatch')))
      .returning({ id: payments.id, matchId: payments.matchId })
    refundDue = [...refundDue, ...mismatched]
    await tx
      .update(payments)
      .set({ status: 'expired', updatedAt: now })
      .where(and(inArray(payments.matchId, all), eq(payments.status, 'pending')))
  }
  return refundDue
}

/**
 * The `id` or `status` (as text) of the newest payment of the match row of the enclosing query.
 * Every column is written out qualified: Drizzle leaves `matches.id` unqualified in a single-table
 * query, and a bare "id" inside this subquery would mean the payment's own id.
 */
export const latestPaymentOf = (column: 'id' | 'status') =>
  sql<string | null>`(SELECT p.${sql.identifier(column)}::text FROM ${payments} p
                      WHERE p.match_id = ${matches}.id ORDER BY p.created_at DESC LIMIT 1)`

/** Unpaid intents past their expiry become `expired` (whenever payments are read, and hourly). Returns how many. */
export async function expireOverdue(tx: Executor, now: Date, matchId?: string): Promise<number> {
  const rows = await tx
    .update(payments)
    .set({ status: 'expired', updatedAt: now })
    .where(
      and(
        eq(payments.status, 'pending'),
        lte(payments.expiresAt, now),
        matchId === undefined ? undefined : eq(payments.matchId, matchId),
      ),
    )
    .returning({ id: payments.id })
  return rows.length
}

export async function findLivePayment(tx: Executor, matchId: string): Promise<PaymentRow | undefined> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.matchId, matchId), inArray(payments.status, [...LIVE_PAYMENT_STATUSES])))
    .limit(1)
  return row
}

/** Inserts an intent; undefined when a live payment for the match, or a live one with this code, exists. */
export async function insertPayment(
  tx: Executor,
  values: {
    id?: string
    matchId: string
    method?: PaymentMethod
    amount: number
    code: string | null
    expiresAt: Date
    now: Date
    requestedBy: string
    virtualAccount?: { bank: string; accountNumber: string; holder: string; expiresAt: Date }
  },
): Promise<PaymentRow | undefined> {
  const va = values.virtualAccount
  const [row] = await tx
    .insert(payments)
    .values({
      ...(values.id ? { id: values.id } : {}),
      matchId: values.matchId,
      method: values.method ?? 'transfer',
      amount: values.amount,
      code: values.code,
      expiresAt: values.expiresAt,
      createdAt: values.now,
      updatedAt: values.now,
      requestedBy: values.requestedBy,
      ...(va
        ? {
            vaBank: va.bank,
            vaAccountNumber: va.accountNumber,
            vaHolder: va.holder,
            vaExpiresAt: va.expiresAt,
          }
        : {}),
    })
    .onConflictDoNothing()
    .returning()
  return row
}

export async function findPayment(tx: Executor, id: string, lock = false): Promise<PaymentRow | undefined> {
  const query = tx.select().from(payments).where(eq(payments.id, id)).limit(1)
  const [row] = lock ? await query.for('update') : await query
  return row
}

export async function updatePayment(tx: Executor, id: string, values: Partial<PaymentRow>): Promise<void> {
  await tx.update(payments).set(values).where(eq(payments.id, id))
}

export async function hasVerifiedPayment(tx: Executor, matchId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.matchId, matchId), eq(payments.status, 'verified')))
    .limit(1)
  return row !== undefined
}

export async function listPayments(
  db: Executor,
  filter: {
    status?: PaymentRow['status'] | undefined
    method?: PaymentMethod | undefined
    query?: string | undefined
    page: number
    pageSize: number
  },
) {
  const search = filter.query?.trim()
  const where = and(
    filter.status ? eq(payments.status, filter.status) : undefined,
    filter.method ? eq(payments.method, filter.method) : undefined,
    search
      ? or(
          ilike(payments.code, `%${escapeLike(search.replace(/[\s-]/g, ''))}%`),
          ilike(payments.depositorName, `%${escapeLike(search)}%`),
        )
      : undefined,
  )
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(payments)
      .where(where)
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(pageWindow(filter).limit)
      .offset(pageWindow(filter).offset),
    db.select({ n: count() }).from(payments).where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

/** Payments a statement line may refer to: payable, expired (late deposits) or verified, from the last 90 days. */
export async function reconcilablePayments(db: Executor, since: Date) {
  return db
    .select({ id: payments.id, code: payments.code, amount: payments.amount, status: payments.status })
    .from(payments)
    .where(
      and(
        eq(payments.method, 'transfer'),
        isNotNull(payments.code),
        inArray(payments.status, ['pending', 'expired', 'verified']),
        gte(payments.createdAt, since),
      ),
    )
}

/**
 * Virtual-account payments whose webhook may have been lost: unpaid (pending, or expired here while
 * a deposit may have arrived just before), asked for before `before` and not older than `since`;
 * and refunds asked of PortOne before `before` and not confirmed yet. Oldest first, at most `limit`.
 */
export async function paymentsToRecheck(db: Executor, before: Date, since: Date, limit: number) {
  const unpaid = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.method, 'virtual_account'),
        isNull(payments.paidAt),
        inArray(payments.status, ['pending', 'expired']),
        lte(payments.createdAt, before),
        gte(payments.createdAt, since),
      ),
    )
    .orderBy(payments.createdAt)
    .limit(limit)
  const refunding = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.method, 'virtual_account'),
        isNotNull(payments.refundRequestedAt),
        lte(payments.refundRequestedAt, before),
      ),
    )
    .orderBy(payments.refundRequestedAt)
    .limit(limit)
  return [...unpaid, ...refunding].map((r) => r.id)
}

/** Notes a webhook delivery as acted on; false when it already was (a repeated `webhook-id`). */
export async function recordWebhook(
  tx: Executor,
  values: { webhookId: string; type: string; paymentId: string | null; now: Date },
): Promise<boolean> {
  const rows = await tx
    .insert(portoneWebhooks)
    .values({
      webhookId: values.webhookId,
      type: values.type,
      paymentId: values.paymentId,
      receivedAt: values.now,
    })
    .onConflictDoNothing()
    .returning({ id: portoneWebhooks.webhookId })
  return rows.length > 0
}

/** Forgets up to `limit` webhook deliveries received before `before`. Returns how many. */
export async function deleteWebhooksBefore(db: Executor, before: Date, limit: number): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`DELETE FROM portone_webhooks WHERE webhook_id IN (
          SELECT webhook_id FROM portone_webhooks WHERE received_at < ${before.toISOString()}::timestamptz
          LIMIT ${limit})
        RETURNING webhook_id AS id`,
  )
  return rows.length
}

export async function webhookSeen(db: Executor, webhookId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: portoneWebhooks.webhookId })
    .from(portoneWebhooks)
    .where(eq(portoneWebhooks.webhookId, webhookId))
    .limit(1)
  return row !== undefined
}

/** `%` and `_` typed by an operator are searched for, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
