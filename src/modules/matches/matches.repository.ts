import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../core/db/client.js'
import {
  blocks,
  likes,
  type MatchRow,
  matches,
  profiles,
  recommendations,
  users,
} from '../../core/db/schema.js'
import { latestPaymentOf, settlePaymentsOfClosedMatches } from '../payments/payments.repository.js'

const PAIR_LOCK_NAMESPACE = 727_003
/** GET /matches shows the newest this many (a list endpoint is always bounded). */
export const MAX_LISTED = 200

/** The pair's matches, in either order. */
export const pairCondition = (a: string, b: string) =>
  or(and(eq(matches.userA, a), eq(matches.userB, b)), and(eq(matches.userA, b), eq(matches.userB, a)))

/**
 * Serialises everything done to one pair until the transaction ends. Two people liking each other
 * at the same instant would otherwise each miss the other's uncommitted like.
 */
export async function lockPair(tx: Executor, a: string, b: string): Promise<void> {
  const key = a < b ? `${a}:${b}` : `${b}:${a}`
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${PAIR_LOCK_NAMESPACE}, hashtext(${key}))`)
}

export async function findRecommendation(tx: Executor, userId: string, targetId: string, week: string) {
  const [row] = await tx
    .select({ id: recommendations.id })
    .from(recommendations)
    .where(
      and(
        eq(recommendations.userId, userId),
        eq(recommendations.batchWeek, week),
        eq(recommendations.targetUserId, targetId),
      ),
    )
    .limit(1)
  return row
}

export async function markResponded(tx: Executor, recommendationId: number): Promise<void> {
  await tx.update(recommendations).set({ responded: true }).where(eq(recommendations.id, recommendationId))
}

/** Has `userId` ever been recommended `otherId`? (Blocks and reports are for people you have met.) */
export async function wasRecommended(tx: Executor, userId: string, otherId: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql`1` })
    .from(recommendations)
    .where(and(eq(recommendations.userId, userId), eq(recommendations.targetUserId, otherId)))
    .limit(1)
  return row !== undefined
}

export async function isBlockedEitherWay(tx: Executor, a: string, b: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql`1` })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)),
        and(eq(blocks.blockerId, b), eq(blocks.blockedId, a)),
      ),
    )
    .limit(1)
  return row !== undefined
}

export async function insertLike(
  tx: Executor,
  from: string,
  to: string,
  week: string,
  now: Date,
): Promise<void> {
  await tx
    .insert(likes)
    .values({ fromUser: from, toUser: to, batchWeek: week, createdAt: now })
    .onConflictDoNothing()
}

export async function hasLiked(tx: Executor, from: string, to: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql`1` })
    .from(likes)
    .where(and(eq(likes.fromUser, from), eq(likes.toUser, to)))
    .limit(1)
  return row !== undefined
}

/** Creates the pair's match, or returns the one that exists: the unique pair index decides, not a prior read. */
export async function createOrFindMatch(tx: Executor, a: string, b: string, now: Date): Promise<MatchRow> {
  const [created] = await tx
    .insert(matches)
    .values({ userA: a, userB: b, status: 'pending', createdAt: now })
    .onConflictDoNothing()
    .returning()
  if (created) return created
  const [existing] = await tx.select().from(matches).where(pairCondition(a, b)).limit(1)
  if (!existing) throw new Error('match pair conflict without a match')
  return existing
}

/** The other person of a match, as seen by `userId`. */
export const otherOf = (userId: string) =>
  sql<string>`CASE WHEN ${matches.userA} = ${userId} THEN ${matches.userB} ELSE ${matches.userA} END`

/**
 * The user's matches (or one of them) with the other person's profile and the latest payment.
 * People since banned or deleted are left out: nobody sees them any more.
 */
export function matchesOf(db: Executor, userId: string, matchId?: string) {
  return db
    .select({
      match: matches,
      profile: profiles,
      paymentId: latestPaymentOf('id'),
      paymentStatus: latestPaymentOf('status'),
    })
    .from(matches)
    .innerJoin(users, eq(users.id, otherOf(userId)))
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(
      and(
        or(eq(matches.userA, userId), eq(matches.userB, userId)),
        matchId ? eq(matches.id, matchId) : undefined,
        eq(users.banned, false),
        sql`${users.deletedAt} IS NULL`,
      ),
    )
    .orderBy(desc(matches.createdAt), desc(matches.id))
    .limit(MAX_LISTED)
}

/**
 * Closes the pending and active matches that `condition` selects and settles their payments.
 * Returns the matches closed, with the status each had.
 */
export async function closeMatches(
  tx: Executor,
  condition: SQL,
  now: Date,
): Promise<Array<{ id: string; was: string }>> {
  const closed = await queryRows<{ id: string; was: string }>(
    tx,
    sql`
    WITH closing AS (
      SELECT id, status FROM matches WHERE (${condition}) AND status IN ('pending', 'active') FOR UPDATE
    )
    UPDATE matches m SET status = 'closed', closed_at = ${now.toISOString()}::timestamptz
    FROM closing c WHERE m.id = c.id
    RETURNING m.id::text AS id, c.status AS was`,
  )
  await settlePaymentsOfClosedMatches(tx, closed, now)
  return closed
}

/** The match, locked until the transaction ends; only if `userId` (when given) takes part in it. */
export async function lockMatch(
  tx: Executor,
  matchId: string,
  userId?: string,
): Promise<MatchRow | undefined> {
  const [row] = await tx
    .select()
    .from(matches)
    .where(
      and(
        eq(matches.id, matchId),
        userId ? or(eq(matches.userA, userId), eq(matches.userB, userId)) : undefined,
      ),
    )
    .limit(1)
    .for('update')
  return row
}

export async function activateMatch(tx: Executor, matchId: string, now: Date): Promise<void> {
  await tx.update(matches).set({ status: 'active', activatedAt: now }).where(eq(matches.id, matchId))
}
