import { and, count, desc, eq, gt, lt, or, sql } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import {
  batchRuns,
  consoleSessions,
  matches,
  PAYMENT_STATUSES,
  payments,
  reports,
  users,
} from '../../core/db/schema.js'

export async function insertSession(db: Executor, row: typeof consoleSessions.$inferInsert): Promise<void> {
  await db.insert(consoleSessions).values(row)
}

export async function findSession(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ session: consoleSessions, user: users })
    .from(consoleSessions)
    .innerJoin(users, eq(users.id, consoleSessions.userId))
    .where(eq(consoleSessions.tokenHash, tokenHash))
    .limit(1)
  return row
}

export async function touchSession(db: Executor, tokenHash: string, now: Date): Promise<void> {
  await db.update(consoleSessions).set({ lastSeenAt: now }).where(eq(consoleSessions.tokenHash, tokenHash))
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(consoleSessions).where(eq(consoleSessions.tokenHash, tokenHash))
}

/** Sessions past either lifetime are of no use to anyone: swept when a new one starts. */
export async function deleteStaleSessions(
  db: Executor,
  createdBefore: Date,
  seenBefore: Date,
): Promise<void> {
  await db
    .delete(consoleSessions)
    .where(or(lt(consoleSessions.createdAt, createdBefore), lt(consoleSessions.lastSeenAt, seenBefore)))
}

/** What the dashboard counts, in one round trip per figure (all indexed). */
export async function dashboardCounts(db: Executor, now: Date) {
  const statuses = PAYMENT_STATUSES as readonly string[]
  const paymentsIn = async (status: string) =>
    (
      await db
        .select({ n: count() })
        .from(payments)
        .where(
          status === 'pending'
            ? and(eq(payments.status, 'pending'), gt(payments.expiresAt, now))
            : eq(payments.status, status as (typeof PAYMENT_STATUSES)[number]),
        )
    )[0]?.n ?? 0
  const [pending, mismatch, toActivate, openReports, lastRun] = await Promise.all([
    paymentsIn('pending'),
    // Shown once the payments module knows the status (PortOne amounts that do not match).
    statuses.includes('amount_mismatch') ? paymentsIn('amount_mismatch') : Promise.resolve(null),
    db
      .select({ n: count() })
      .from(matches)
      .where(
        and(
          eq(matches.status, 'pending'),
          // Spelled out: in a one-table subquery Drizzle would leave the outer column unqualified.
          sql`EXISTS (SELECT 1 FROM payments p WHERE p.match_id = "matches"."id" AND p.status = 'verified')`,
        ),
      )
      .then((r) => r[0]?.n ?? 0),
    db
      .select({ n: count() })
      .from(reports)
      .where(eq(reports.handled, false))
      .then((r) => r[0]?.n ?? 0),
    db
      .select()
      .from(batchRuns)
      .orderBy(desc(batchRuns.createdAt))
      .limit(1)
      .then((r) => r[0]),
  ])
  return { pending, mismatch, toActivate, openReports, lastRun }
}
