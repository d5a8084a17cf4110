import { eq } from 'drizzle-orm'
import { type MatchRow, matches } from '../../core/db/schema.js'
import type { CoreDeps } from '../../core/deps.js'
import { badRequest, notFound } from '../../core/errors.js'
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
  insertLike,
  isBlockedEitherWay,
  lockPair,
  markResponded,
  matchesOf,
} from './matches.repository.js'

const notRecommended = () =>
  notFound('RECOMMENDATION_NOT_FOUND', 'No such person in your recommendations for that week')
const matchNotFound = () => notFound('MATCH_NOT_FOUND', 'No such match')

const otherUserId = (match: MatchRow, userId: string) => (match.userA === userId ? match.userB : match.userA)
const payment = (id: string | null, status: string | null) =>
  id && status
    ? { id, status: status as 'pending' | 'verified' | 'expired' | 'refund_due' | 'refunded' }
    : null

export function createMatchService({ db, clock, cipher, photoUrl }: CoreDeps) {
  return {
    /**
     * POST /likes: like someone from this or last week's list. Mutual likes make exactly one pending
     * match per pair, also when both like at the same instant (the pair is locked, then the unique
     * pair index decides).
     */
    async like(auth: AuthContext, toUserId: string, batchWeek: string) {
      if (!isValidWeek(batchWeek))
        throw badRequest('INVALID_WEEK', 'batchWeek must be an ISO week YYYY-Www that exists')
      const current = weekOf(clock())
      // Unknown, stale or someone else's: all the same 404, so ids cannot be probed.
      if (batchWeek !== current && batchWeek !== addWeeks(current, -1)) throw notRecommended()
      const me = auth.userId
      if (toUserId === me) throw notRecommended()
      return db.transaction(async (tx) => {
        await lockPair(tx, me, toUserId)
        const recommendation = await findRecommendation(tx, me, toUserId, batchWeek)
        if (!recommendation) throw notRecommended()
        const target = await findUserById(tx, toUserId)
        if (!target || target.banned || target.deletedAt) throw notRecommended()
        if (await isBlockedEitherWay(tx, me, toUserId)) throw notRecommended()

        const now = clock()
        await insertLike(tx, me, toUserId, batchWeek, now)
        await markResponded(tx, recommendation.id)
        if (!(await hasLiked(tx, toUserId, me))) return { ok: true as const, matched: false }
        const match = await createOrFindMatch(tx, me, toUserId, now)
        // An unmatched pair stays unmatched.
        if (match.status === 'closed') return { ok: true as const, matched: false }
        return { ok: true as const, matched: true, matchId: match.id }
      })
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

    /** POST /matches/:matchId/close: either participant unmatches; closing twice is harmless. */
    async close(auth: AuthContext, matchId: string) {
      await db.transaction(async (tx) => {
        const [row] = await matchesOf(tx, auth.userId, matchId)
        if (!row) throw matchNotFound()
        await closeMatches(tx, eq(matches.id, matchId), clock())
      })
      return { ok: true as const }
    },
  }
}

export type MatchService = ReturnType<typeof createMatchService>
