import { and, count, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import {
  adminActions,
  type MatchStatus,
  matches,
  payments,
  piiAccessLog,
  profiles,
  reports,
  users,
} from '../../core/db/schema.js'
import { type PageInput, pageWindow } from '../../core/pagination.js'
import { escapeLike, latestPaymentOf } from '../payments/payments.repository.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Users by nickname (part of it), Kakao id (exact) or user id (exact), and whether they verified their identity. */
export async function searchUsers(
  db: Executor,
  input: PageInput & { query?: string | undefined; identityVerified?: boolean | undefined },
) {
  const q = input.query?.trim()
  const verified = input.identityVerified
  const where: SQL | undefined = and(
    q
      ? or(
          ilike(profiles.nickname, `%${escapeLike(q)}%`),
          eq(users.kakaoUserId, q),
          UUID.test(q) ? eq(users.id, q) : undefined,
        )
      : undefined,
    verified === undefined
      ? undefined
      : verified
        ? isNotNull(users.identityVerifiedAt)
        : isNull(users.identityVerifiedAt),
  )
  const { limit, offset } = pageWindow(input)
  const [items, [total]] = await Promise.all([
    db
      .select({ user: users, nickname: profiles.nickname })
      .from(users)
      .leftJoin(profiles, eq(profiles.userId, users.id))
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(users).leftJoin(profiles, eq(profiles.userId, users.id)).where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

export function matchesOfUser(db: Executor, userId: string) {
  return db
    .select()
    .from(matches)
    .where(or(eq(matches.userA, userId), eq(matches.userB, userId)))
    .orderBy(desc(matches.createdAt))
}

export function paymentsOfUser(db: Executor, userId: string) {
  return db
    .select({ payment: payments })
    .from(payments)
    .innerJoin(matches, eq(matches.id, payments.matchId))
    .where(or(eq(matches.userA, userId), eq(matches.userB, userId)))
    .orderBy(desc(payments.createdAt))
}

export function reportsAbout(db: Executor, userId: string) {
  return db
    .select()
    .from(reports)
    .where(or(eq(reports.reported, userId), eq(reports.reporter, userId)))
    .orderBy(desc(reports.createdAt))
}

export async function listMatches(db: Executor, input: PageInput & { status?: MatchStatus | undefined }) {
  const where = input.status ? eq(matches.status, input.status) : undefined
  const { limit, offset } = pageWindow(input)
  const [items, [total]] = await Promise.all([
    db
      .select({ match: matches, paymentId: latestPaymentOf('id'), paymentStatus: latestPaymentOf('status') })
      .from(matches)
      .where(where)
      .orderBy(desc(matches.createdAt), desc(matches.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(matches).where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

export async function listAdminActions(db: Executor, input: PageInput) {
  const { limit, offset } = pageWindow(input)
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(adminActions)
      .orderBy(desc(adminActions.createdAt), desc(adminActions.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(adminActions),
  ])
  return { items, total: total?.n ?? 0 }
}

export async function recordPiiAccess(
  db: Executor,
  entry: { adminId: string; subjectUserId: string; what: string; reason: string | null; now: Date },
): Promise<void> {
  await db.insert(piiAccessLog).values({
    adminId: entry.adminId,
    subjectUserId: entry.subjectUserId,
    what: entry.what,
    reason: entry.reason,
    createdAt: entry.now,
  })
}

export async function listPiiAccess(db: Executor, input: PageInput) {
  const { limit, offset } = pageWindow(input)
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(piiAccessLog)
      .orderBy(desc(piiAccessLog.createdAt), desc(piiAccessLog.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(piiAccessLog),
  ])
  return { items, total: total?.n ?? 0 }
}

export async function findUserWithProfile(db: Executor, userId: string) {
  const [row] = await db
    .select({ user: users, profile: profiles })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(and(eq(users.id, userId)))
    .limit(1)
  return row
}
