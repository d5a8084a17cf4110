import { eq, type SQL } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import { type MatchRow, matches } from '../../core/db/schema.js'
import type { CoreDeps } from '../../core/deps.js'
import { badRequest, conflict, notFound } from '../../core/errors.js'
import type { Notifier } from '../../core/notifications.js'
import { addWeeks, isValidWeek, weekOf } from '../../core/time.js'
import type { AuthContext } from '../auth/authenticate.js'
import { sharesContact } from '../consents/consents.repository.js'
import { toActiveMatchProfile, toPublicProfile } from '../profiles/profiles.service.js'
import { findUserById } from '../users/users.repository.js'
import {
  closeMatches,
  createOrFindMatch,
  findRecommendation,
  hasLiked,
  hasLikedFor,
  hasPassed,
  insertLike,
  insertPass,
  isBlockedEitherWay,
  lockPair,
  markResponded,
  matchesOf,
  receivedLikes,
} from './matches.repository.js'

/** GET /likes/received lists at most this many people. */
export const MAX_RECEIVED = 200

/**
 * Closes the matches `condition` selects (their payments settle) and tells the people in them:
 * `match.closed` with only the reason (never who closed, nor that a block or a ban did it) to everyone
 * but `quiet` (whoever acted, or was banned or deleted), and `payment.refund_due` to both people of a
 * match whose verified payment is now owed back.
 */
export async function closeMatchesAndNotify(
  tx: Executor,
  notifier: Notifier,
  condition: SQL,
  now: Date,
  options: { reason: 'closed' | 'expired'; quiet?: readonly string[] },
) {
  const result = await closeMatches(tx, condition, now)
  const quiet = new Set(options.quiet ?? [])
  const people = new Map(result.closed.map((m) => [m.id, [m.userA, m.userB]]))
  for (const m of result.closed) {
    const to = [m.userA, m.userB].filter((id) => !quiet.has(id))
    await notifier.notify(tx, to, 'match.closed', { matchId: m.id, reason: options.reason }, now)
  }
  for (const p of result.refundDue) {
    await notifier.notify(tx, people.get(p.matchId) ?? [], 'payment.refund_due', { paymentId: p.id }, now)
  }
  return result
}

const notRecommended = () =>
  notFound('RECOMMENDATION_NOT_FOUND', 'No such person in your recommendations for that week')
const matchNotFound = () => notFound('MATCH_NOT_FOUND', 'No such match')

const otherUserId = (match: MatchRow, userId: string) => (match.userA === userId ? match.userB : match.userA)
const payment = (id: string | null, status: string | null) =>
  id && status
    ? { id, status: status as 'pending' | 'verified' | 'expired' | 'refund_due' | 'refunded' }
    : null

export function createMatchService({ db, clock, cipher, photoUrl, notifier }: CoreDeps) {
  /** This or last week; anything else is the same 404 as a person who was never in the list. */
  function requireRecentWeek(batchWeek: string): void {
    if (!isValidWeek(batchWeek))
      throw badRequest('INVALID_WEEK', 'batchWeek must be an ISO week YYYY-Www that exists')
    const current = weekOf(clock())
    if (batchWeek !== current && batchWeek !== addWeeks(current, -1)) throw notRecommended()
  }

  /**
   * Inside the pair lock: `other` is someone the caller may answer for `batchWeek` (in the caller's
   * list for that week, or the sender of a like to the caller for that week), still there, and not
   * blocked either way. Unknown, stale or someone else's: all the same 404, so ids cannot be probed.
   */
  async function requireAnswerable(tx: Executor, me: string, other: string, batchWeek: string) {
    const recommendation = await findRecommendation(tx, me, other, batchWeek)
    if (!recommendation && !(await hasLikedFor(tx, other, me, batchWeek))) throw notRecommended()
    const target = await findUserById(tx, other)
    if (!target || target.banned || target.deletedAt) throw notRecommended()
    if (await isBlockedEitherWay(tx, me, other)) throw notRecommended()
    return recommendation
  }

  return {
    /**
     * POST /likes: like someone from this or last week's list, or like back someone whose like for
     * that week is in GET /likes/received. Mutual likes make exactly one pending match per pair, also
     * when both like at the same instant (the pair is locked, then the unique pair index decides).
     */
    async like(auth: AuthContext, toUserId: string, batchWeek: string) {
      requireRecentWeek(batchWeek)
      const me = auth.userId
      if (toUserId === me) throw notRecommended()
      return db.transaction(async (tx) => {
        await lockPair(tx, me, toUserId)
        if (await hasPassed(tx, me, toUserId, batchWeek)) throw notRecommended()
        const recommendation = await requireAnswerable(tx, me, toUserId, batchWeek)
        const now = clock()
        const isNew = await insertLike(tx, me, toUserId, batchWeek, now)
        if (recommendation) await markResponded(tx, recommendation.id)
        if (!(await hasLiked(tx, toUserId, me))) {
          // Someone who passed on the liker never sees their likes, so is not told of a new one.
          if (isNew && !(await hasPassed(tx, toUserId, me))) {
            await notifier.notify(tx, toUserId, 'like.received', { fromUserId: me, batchWeek }, now)
          }
          return { ok: true as const, matched: false }
        }
        const { match, created } = await createOrFindMatch(tx, me, toUserId, now)
        // An unmatched pair stays unmatched.
        if (match.status === 'closed') return { ok: true as const, matched: false }
        if (created) await notifier.notify(tx, [me, toUserId], 'match.created', { matchId: match.id }, now)
        return { ok: true as const, matched: true, matchId: match.id }
      })
    },

    /**
     * POST /likes/pass: "not interested" in someone from the caller's list or someone who liked them,
     * for that week. They leave GET /likes/received, and liking them for that week is 404 from now
     * on. The other person is not told. Passing twice is harmless; passing someone already liked is 409.
     */
    async pass(auth: AuthContext, toUserId: string, batchWeek: string): Promise<void> {
      requireRecentWeek(batchWeek)
      const me = auth.userId
      if (toUserId === me) throw notRecommended()
      await db.transaction(async (tx) => {
        await lockPair(tx, me, toUserId)
        const recommendation = await requireAnswerable(tx, me, toUserId, batchWeek)
        if (await hasLiked(tx, me, toUserId)) {
          throw conflict('ALREADY_LIKED', 'You have liked this person; a like cannot be taken back')
        }
        await insertPass(tx, me, toUserId, batchWeek, clock())
        if (recommendation) await markResponded(tx, recommendation.id)
      })
    },

    /** GET /likes/received: who liked the caller this or last week and is still waiting, newest first. */
    async received(auth: AuthContext) {
      const now = clock()
      const current = weekOf(now)
      const rows = await receivedLikes(db, auth.userId, [current, addWeeks(current, -1)], MAX_RECEIVED)
      return rows.map((r) => ({
        fromUserId: r.fromUserId,
        batchWeek: r.batchWeek,
        likedAt: r.likedAt.toISOString(),
        profile: toPublicProfile(r, now, photoUrl),
      }))
    },

    /** GET /matches: newest first. */
    async list(auth: AuthContext) {
      const now = clock()
      const rows = await matchesOf(db, auth.userId)
      return rows.map((r) => ({
        id: r.match.id,
        status: r.match.status,
        createdAt: r.match.createdAt.toISOString(),
        otherUserId: otherUserId(r.match, auth.userId),
        otherProfile: toPublicProfile(r.profile, now, photoUrl),
        payment: payment(r.paymentId, r.paymentStatus),
      }))
    },

    /** GET /matches/:matchId: the full profile and (if shared) the contact once the match is active. */
    async get(auth: AuthContext, matchId: string) {
      const [row] = await matchesOf(db, auth.userId, matchId)
      if (!row) throw matchNotFound()
      const now = clock()
      const other = otherUserId(row.match, auth.userId)
      let otherProfile: ReturnType<typeof toPublicProfile> | ReturnType<typeof toActiveMatchProfile>
      if (row.match.status === 'active') {
        const contact =
          row.profile.contactEncrypted && (await sharesContact(db, other))
            ? cipher.decrypt(row.profile.contactEncrypted, row.profile.userId)
            : null
        otherProfile = toActiveMatchProfile(row.profile, now, photoUrl, contact)
      } else {
        otherProfile = toPublicProfile(row.profile, now, photoUrl)
      }
      return {
        match: {
          id: row.match.id,
          status: row.match.status,
          createdAt: row.match.createdAt.toISOString(),
          activatedAt: row.match.activatedAt?.toISOString() ?? null,
          closedAt: row.match.closedAt?.toISOString() ?? null,
          otherUserId: other,
          payment: payment(row.paymentId, row.paymentStatus),
        },
        otherProfile,
      }
    },

    /**
     * POST /matches/:matchId/close: either participant unmatches; closing twice is harmless. The other
     * person is told that the match closed, not by whom.
     */
    async close(auth: AuthContext, matchId: string) {
      await db.transaction(async (tx) => {
        const [row] = await matchesOf(tx, auth.userId, matchId)
        if (!row) throw matchNotFound()
        await closeMatchesAndNotify(tx, notifier, eq(matches.id, matchId), clock(), {
          reason: 'closed',
          quiet: [auth.userId],
        })
      })
      return { ok: true as const }
    },
  }
}

export type MatchService = ReturnType<typeof createMatchService>
