import { recordAdminAction } from '../../core/audit.js'
import type { MatchStatus, UserRow } from '../../core/db/schema.js'
import type { CoreDeps } from '../../core/deps.js'
import { conflict, notFound } from '../../core/errors.js'
import { type PageInput, pageOf } from '../../core/pagination.js'
import { toCsv } from '../../core/spreadsheet.js'
import type { AuthContext } from '../auth/authenticate.js'
import { forgetBannedCi } from '../identity/identity.repository.js'
import type { PhotoService } from '../photos/photos.service.js'
import { findPreferences } from '../profiles/profiles.repository.js'
import { toPreferences, toProfile } from '../profiles/profiles.service.js'
import { banUser } from '../safety/safety.service.js'
import { forgetBannedIdentity } from '../users/account.repository.js'
import { findUserById, setBanned } from '../users/users.repository.js'
import {
  findUserWithProfile,
  listAdminActions,
  listMatches,
  listPiiAccess,
  matchesOfUser,
  paymentsOfUser,
  recordPiiAccess,
  reportsAbout,
  searchUsers,
} from './admin.repository.js'

const MAX_EXPORTED_ACTIONS = 10_000
const userNotFound = () => notFound('USER_NOT_FOUND', 'No such user')
const iso = (d: Date | null) => d?.toISOString() ?? null

const toAdminUser = (u: UserRow, nickname: string | null) => ({
  id: u.id,
  kakaoUserId: u.deletedAt ? null : u.kakaoUserId,
  nickname,
  role: u.role,
  banned: u.banned,
  identityVerified: u.identityVerifiedAt !== null,
  identityVerifiedAt: iso(u.identityVerifiedAt),
  deleted: u.deletedAt !== null,
  deletedAt: iso(u.deletedAt),
  lastActiveAt: iso(u.lastActiveAt),
  createdAt: u.createdAt.toISOString(),
})

export function createAdminService({
  db,
  clock,
  cipher,
  identities,
  notifier,
  photos,
}: CoreDeps & { photos: Pick<PhotoService, 'ownUrls'> }) {
  return {
    /** GET /admin/users */
    async users(input: PageInput & { query?: string | undefined; identityVerified?: boolean | undefined }) {
      const { items, total } = await searchUsers(db, input)
      return pageOf(
        input,
        items.map((r) => toAdminUser(r.user, r.nickname)),
        total,
      )
    },

    /** GET /admin/users/:userId: everything about a person except the contact; the read is logged. */
    async user(admin: AuthContext, userId: string, reason: string | undefined) {
      return db.transaction(async (tx) => {
        const row = await findUserWithProfile(tx, userId)
        if (!row) throw userNotFound()
        const now = clock()
        await recordPiiAccess(tx, {
          adminId: admin.userId,
          subjectUserId: userId,
          what: 'profile',
          reason: reason ?? null,
          now,
        })
        const [prefs, userMatches, userPayments, userReports, ownPhotos] = await Promise.all([
          findPreferences(tx, userId),
          matchesOfUser(tx, userId),
          paymentsOfUser(tx, userId),
          reportsAbout(tx, userId),
          photos.ownUrls(tx, userId),
        ])
        const profile = row.profile ? toProfile(row.profile, now, cipher, ownPhotos) : null
        return {
          user: toAdminUser(row.user, row.profile?.nickname ?? null),
          profile: profile ? { ...profile, contact: undefined, hasContact: profile.contact !== null } : null,
          preferences: prefs ? toPreferences(prefs) : null,
          matches: userMatches.map((m) => ({
            id: m.id,
            status: m.status,
            otherUserId: m.userA === userId ? m.userB : m.userA,
            createdAt: m.createdAt.toISOString(),
            activatedAt: iso(m.activatedAt),
            closedAt: iso(m.closedAt),
          })),
          payments: userPayments.map(({ payment: p }) => ({
            id: p.id,
            matchId: p.matchId,
            method: p.method,
            amount: p.amount,
            code: p.code,
            status: p.status,
            createdAt: p.createdAt.toISOString(),
            verifiedAt: iso(p.verifiedAt),
          })),
          reports: userReports.map((r) => ({
            id: r.id,
            reporterId: r.reporter,
            reportedUserId: r.reported,
            reason: r.reason,
            handled: r.handled,
            createdAt: r.createdAt.toISOString(),
          })),
        }
      })
    },

    /**
     * GET /admin/users/:userId/contact: the contact the person shared and the phone their identity
     * verification gave, shown only with a reason, and logged.
     */
    async contact(admin: AuthContext, userId: string, reason: string) {
      return db.transaction(async (tx) => {
        const row = await findUserWithProfile(tx, userId)
        if (!row) throw userNotFound()
        await recordPiiAccess(tx, {
          adminId: admin.userId,
          subjectUserId: userId,
          what: 'contact',
          reason,
          now: clock(),
        })
        const stored = row.profile?.contactEncrypted
        const phone = row.user.phoneEncrypted
        return {
          userId,
          contact: stored ? cipher.decrypt(stored, userId) : null,
          verifiedPhone: phone ? cipher.decrypt(phone, userId) : null,
        }
      })
    },

    /** POST /admin/users/:userId/ban and /unban */
    async setBan(admin: AuthContext, userId: string, banned: boolean, reason: string) {
      if (userId === admin.userId) throw conflict('CANNOT_BAN_SELF', 'You cannot ban or unban yourself')
      await db.transaction(async (tx) => {
        const user = await findUserById(tx, userId)
        if (!user || user.deletedAt) throw userNotFound()
        if (user.role === 'admin') throw conflict('CANNOT_BAN_ADMIN', 'An administrator cannot be banned')
        if (user.banned === banned) {
          throw conflict(
            banned ? 'USER_ALREADY_BANNED' : 'USER_NOT_BANNED',
            banned ? 'Already banned' : 'Not banned',
          )
        }
        if (banned) await banUser(tx, notifier, userId, clock())
        else {
          await setBanned(tx, userId, false)
          // A person banned before deleting an account came back banned through these hashes.
          await forgetBannedIdentity(tx, identities.known(user.kakaoUserId))
          if (user.ciHash) await forgetBannedCi(tx, user.ciHash)
        }
        await recordAdminAction(tx, {
          adminId: admin.userId,
          action: banned ? 'user.ban' : 'user.unban',
          targetId: userId,
          detail: { reason: reason.trim() },
        })
      })
      return { ok: true as const }
    },

    /** GET /admin/matches */
    async matches(input: PageInput & { status?: MatchStatus | undefined }) {
      const { items, total } = await listMatches(db, input)
      return pageOf(
        input,
        items.map(({ match: m, paymentId, paymentStatus }) => ({
          id: m.id,
          status: m.status,
          userA: m.userA,
          userB: m.userB,
          createdAt: m.createdAt.toISOString(),
          activatedAt: iso(m.activatedAt),
          closedAt: iso(m.closedAt),
          payment: paymentId && paymentStatus ? { id: paymentId, status: paymentStatus } : null,
        })),
        total,
      )
    },

    /** GET /admin/actions: the audit log, newest first. */
    async actions(input: PageInput) {
      const { items, total } = await listAdminActions(db, input)
      return pageOf(
        input,
        items.map((a) => ({
          id: a.id,
          actor: a.actor,
          adminId: a.adminId,
          action: a.action,
          targetId: a.targetId,
          detail: a.detail,
          createdAt: a.createdAt.toISOString(),
        })),
        total,
      )
    },

    /** The audit log as CSV (the newest 10,000 entries), every text cell spreadsheet-safe. */
    async actionsCsv() {
      const { items } = await listAdminActions(db, { page: 1, pageSize: MAX_EXPORTED_ACTIONS })
      return toCsv(
        ['id', 'createdAt', 'actor', 'adminId', 'action', 'targetId', 'detail'],
        items.map((a) => [
          a.id,
          a.createdAt.toISOString(),
          a.actor,
          a.adminId,
          a.action,
          a.targetId,
          a.detail ? JSON.stringify(a.detail) : null,
        ]),
      )
    },

    /** GET /admin/access-log: every admin read of personal data. */
    async accessLog(input: PageInput) {
      const { items, total } = await listPiiAccess(db, input)
      return pageOf(
        input,
        items.map((e) => ({
          id: e.id,
          adminId: e.adminId,
          subjectUserId: e.subjectUserId,
          what: e.what,
          reason: e.reason,
          createdAt: e.createdAt.toISOString(),
        })),
        total,
      )
    },
  }
}

export type AdminService = ReturnType<typeof createAdminService>
