import { and, count, desc, eq, gte, ilike, inArray, lte, or, sql } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import { matches, type PaymentRow, payments } from '../../core/db/schema.js'
import { pageWindow } from '../../core/pagination.js'

/**
 * What closing matches does to their payments: a verified payment of a match closed before it was
 * activated is owed back (`refund_due`); an unpaid intent lapses (`expired`). Returns the payments
 * now owed back.
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
    await tx
      .update(payments)
      .set({ status: 'expired', updatedAt: now })
      .where(and(inArray(payments.matchId, all), eq(payments.status, 'pending')))
  }
  return refundDue
}

const LIVE = ['pending', 'verified'] as const

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
    .where(and(eq(payments.matchId, matchId), inArray(payments.status, [...LIVE])))
    .limit(1)
  return row
}

/** Inserts an intent; undefined when a live payment for the match, or a live one with this code, exists. */
export async function insertPayment(
  tx: Executor,
  values: { matchId: string; amount: number; code: string; expiresAt: Date; now: Date },
): Promise<PaymentRow | undefined> {
  const [row] = await tx
    .insert(payments)
    .values({
      matchId: values.matchId,
      amount: values.amount,
      code: values.code,
      expiresAt: values.expiresAt,
      createdAt: values.now,
      updatedAt: values.now,
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
    query?: string | undefined
    page: number
    pageSize: number
  },
) {
  const search = filter.query?.trim()
  const where = and(
    filter.status ? eq(payments.status, filter.status) : undefined,
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
    .where(and(inArray(payments.status, ['pending', 'expired', 'verified']), gte(payments.createdAt, since)))
}

/** `%` and `_` typed by an operator are searched for, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
