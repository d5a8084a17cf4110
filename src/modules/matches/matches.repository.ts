import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../core/db/client.js'
import { blocks, likes, type MatchRow, matches, passes, profiles, users } from '../../core/db/schema.js'
import { latestPaymentOf, settlePaymentsOfClosedMatches } from '../payments/payments.repository.js'
import type { PublicProfileRow } from '../profiles/profiles.service.js'

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

/** Where someone is on a list: the viewer, the week, and the place on the list (from 1). */
export interface RecommendationRef {
  userId: string
  week: string
  position: number
}

/** Is `targetId` on `userId`'s list for `week`? Answers where (`id`), for markResponded. */
export async function findRecommendation(
  tx: Executor,
  userId: string,
  targetId: string,
  week: string,
): Promise<{ id: RecommendationRef } | undefined> {
  const [row] = await queryRows<{ position: number }>(
    tx,
    sql`SELECT array_position(l.targets, t.seq) AS position
        FROM recommendation_lists l JOIN users t ON t.id = ${targetId}::uuid
        WHERE l.user_id = ${userId}::uuid AND l.batch_week = ${week} AND t.seq = ANY (l.targets)`,
  )
  return row ? { id: { userId, week, position: row.position } } : undefined
}

export async function markResponded(tx: Executor, recommendation: RecommendationRef): Promise<void> {
  await tx.execute(
    sql`UPDATE recommendation_lists SET responded = responded | (1::bigint << ${recommendation.position - 1}::int)
        WHERE user_id = ${recommendation.userId}::uuid AND batch_week = ${recommendation.week}`,
  )
}

/** Has `userId` ever been recommended `otherId`? (Blocks and reports are for people you have met.) */
export async function wasRecommended(tx: Executor, userId: string, otherId: string): Promise<boolean> {
  const [row] = await queryRows(
    tx,
    sql`SELECT 1 FROM recommendation_lists l JOIN users o ON o.id = ${otherId}::uuid
        WHERE l.user_id = ${userId}::uuid AND o.seq = ANY (l.targets) LIMIT 1`,
  )
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

/** Records a like; false when it was already there. */
export async function insertLike(
  tx: Executor,
  from: string,
  to: string,
  week: string,
  now: Date,
): Promise<boolean> {
  const inserted = await tx
    .insert(likes)
    .values({ fromUser: from, toUser: to, batchWeek: week, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: likes.id })
  return inserted.length > 0
}

/** Did `from` like `to` for that week (the week of `from`'s list)? */
export async function hasLikedFor(tx: Executor, from: string, to: string, week: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql`1` })
    .from(likes)
    .where(and(eq(likes.fromUser, from), eq(likes.toUser, to), eq(likes.batchWeek, week)))
    .limit(1)
  return row !== undefined
}

export async function insertPass(tx: Executor, from: string, to: string, week: string, now: Date) {
  await tx
    .insert(passes)
    .values({ fromUser: from, toUser: to, batchWeek: week, createdAt: now })
    .onConflictDoNothing()
}

/** Has `from` passed on `to`, for that week or (without one) at all? */
export async function hasPassed(tx: Executor, from: string, to: string, week?: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql`1` })
    .from(passes)
    .where(
      and(
        eq(passes.fromUser, from),
        eq(passes.toUser, to),
        week === undefined ? undefined : eq(passes.batchWeek, week),
      ),
    )
    .limit(1)
  return row !== undefined
}

export interface ReceivedLikeRow extends PublicProfileRow {
  fromUserId: string
  batchWeek: string
  likedAt: Date
}

/**
 * The unanswered likes to `userId` for `weeks`, one per person (their newest), newest first: not liked
 * back or passed on, no match between the two (whatever its state), no block either way, the liker
 * neither banned nor deleted and with a profile.
 */
export async function receivedLikes(
  db: Executor,
  userId: string,
  weeks: string[],
  limit: number,
): Promise<ReceivedLikeRow[]> {
  const rows = await queryRows<ReceivedLikeRow & { likedAt: string | Date }>(
    db,
    sql`
    SELECT * FROM (
      SELECT DISTINCT ON (l.from_user)
        l.from_user::text AS "fromUserId", l.batch_week AS "batchWeek", l.created_at AS "likedAt",
        p.user_id::text AS "userId", p.nickname, p.gender, p.birth_year AS "birthYear", p.height,
        p.region, p.job, p.intro, p.photos, p.visible
      FROM likes l
      JOIN users u ON u.id = l.from_user AND NOT u.banned AND u.deleted_at IS NULL
      JOIN profiles p ON p.user_id = l.from_user
      WHERE l.to_user = ${userId} AND l.batch_week = ANY(${sql.param(weeks)}::text[])
        AND NOT EXISTS (SELECT 1 FROM likes mine WHERE mine.from_user = ${userId} AND mine.to_user = l.from_user)
        AND NOT EXISTS (SELECT 1 FROM passes ps WHERE ps.from_user = ${userId} AND ps.to_user = l.from_user)
        AND NOT EXISTS (
          SELECT 1 FROM matches m
          WHERE LEAST(m.user_a, m.user_b) = LEAST(${userId}::uuid, l.from_user)
            AND GREATEST(m.user_a, m.user_b) = GREATEST(${userId}::uuid, l.from_user))
        AND NOT EXISTS (
          SELECT 1 FROM blocks b
          WHERE (b.blocker_id = ${userId} AND b.blocked_id = l.from_user)
             OR (b.blocker_id = l.from_user AND b.blocked_id = ${userId}))
      ORDER BY l.from_user, l.created_at DESC, l.id DESC
    ) r
    ORDER BY r."likedAt" DESC, r."fromUserId"
    LIMIT ${limit}`,
  )
  // PGlite returns timestamps as Date, node-postgres too; a string would come from a custom parser.
  return rows.map((r) => ({ ...r, likedAt: new Date(r.likedAt) }))
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
export async function createOrFindMatch(
  tx: Executor,
  a: string,
  b: string,
  now: Date,
): Promise<{ match: MatchRow; created: boolean }> {
  const [created] = await tx
    .insert(matches)
    .values({ userA: a, userB: b, status: 'pending', createdAt: now })
    .onConflictDoNothing()
    .returning()
  if (created) return { match: created, created: true }
  const [existing] = await tx.select().from(matches).where(pairCondition(a, b)).limit(1)
  if (!existing) throw new Error('match pair conflict without a match')
  return { match: existing, created: false }
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

export interface ClosedMatches {
  /** The matches closed, with the status each had and its two people. */
  closed: Array<{ id: string; was: string; userA: string; userB: string }>
  /** Verified payments of matches closed before activation: now owed back. */
  refundDue: Array<{ id: string; matchId: string }>
}

/** Closes the pending and active matches that `condition` selects and settles their payments. */
export async function closeMatches(tx: Executor, condition: SQL, now: Date): Promise<ClosedMatches> {
  const closed = await queryRows<{ id: string; was: string; userA: string; userB: string }>(
    tx,
    sql`
    WITH closing AS (
      SELECT id, status FROM matches WHERE (${condition}) AND status IN ('pending', 'active') FOR UPDATE
    )
    UPDATE matches m SET status = 'closed', closed_at = ${now.toISOString()}::timestamptz
    FROM closing c WHERE m.id = c.id
    RETURNING m.id::text AS id, c.status AS was, m.user_a::text AS "userA", m.user_b::text AS "userB"`,
  )
  const refundDue = await settlePaymentsOfClosedMatches(tx, closed, now)
  return { closed, refundDue }
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
