import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import { payments } from '../../core/db/schema.js'

/**
 * What closing matches does to their payments: a verified payment of a match closed before it was
 * activated is owed back (`refund_due`); an unpaid intent lapses (`expired`).
 */
export async function settlePaymentsOfClosedMatches(
  tx: Executor,
  closed: Array<{ id: string; was: string }>,
  now: Date,
): Promise<void> {
  const all = closed.map((m) => m.id)
  const beforeActivation = closed.filter((m) => m.was === 'pending').map((m) => m.id)
  if (beforeActivation.length) {
    await tx
      .update(payments)
      .set({ status: 'refund_due', updatedAt: now })
      .where(and(inArray(payments.matchId, beforeActivation), eq(payments.status, 'verified')))
  }
  if (all.length) {
    await tx
      .update(payments)
      .set({ status: 'expired', updatedAt: now })
      .where(and(inArray(payments.matchId, all), eq(payments.status, 'pending')))
  }
}
