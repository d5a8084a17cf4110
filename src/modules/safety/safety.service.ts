import { eq, or, type SQL } from 'drizzle-orm'
import { recordAdminAction } from '../../core/audit.js'
import type { Database, Executor } from '../../core/db/client.js'
import { matches, type ReportReason } from '../../core/db/schema.js'
import { conflict, isUniqueViolation, notFound } from '../../core/errors.js'
import type { Notifier } from '../../core/notifications.js'
import { pageOf } from '../../core/pagination.js'
import type { Clock } from '../../core/time.js'
import type { AuthContext } from '../auth/authenticate.js'
import { pairCondition, wasRecommended } from '../matches/matches.repository.js'
import { closeMatchesAndNotify } from '../matches/matches.service.js'
import { endSessions, findUserById, setBanned } from '../users/users.repository.js'
import {
  blocksOf,
  deleteBlock,
  findReport,
  insertBlock,
  insertReport,
  listReports,
  markHandled,
} from './safety.repository.js'

const unknownPerson = () =>
  notFound('USER_NOT_FOUND', 'No such person among those you were recommended or matched with')

/**
 * Blocks and reports are for people the caller has met: someone in their recommendations or a match.
 * Anyone else gets the same 404 as an id that does not exist, so ids cannot be probed.
 */
async function requireMet(tx: Executor, me: string, other: string): Promise<void> {
  if (me === other) throw unknownPerson()
  const user = await findUserById(tx, other)
  if (!user || user.deletedAt) throw unknownPerson()
  if (await wasRecommended(tx, me, other)) return
  const [match] = await tx
    .select({ id: matches.id })
    .from(matches)
    .where(pairCondition(me, other) as SQL)
    .limit(1)
  if (!match) throw unknownPerson()
}

/**
 * Bans a user: every session ends (lifting the ban later does not revive old tokens), pending and
 * active matches close (payments settle; the other people are told the match closed, not why).
 */
export async function banUser(tx: Executor, notifier: Notifier, userId: string, now: Date): Promise<void> {
  await setBanned(tx, userId, true)
  await endSessions(tx, userId)
  await closeMatchesAndNotify(
    tx,
    notifier,
    or(eq(matches.userA, userId), eq(matches.userB, userId)) as SQL,
    now,
    {
      reason: 'closed',
      quiet: [userId],
    },
  )
}

export function createSafetyService({
  db,
  clock,
  notifier,
}: {
  db: Database
  clock: Clock
  notifier: Notifier
}) {
  return {
    /** POST /blocks: hides the two from each other from now on and closes any open match between them. */
    async block(auth: AuthContext, userId: string) {
      return db.transaction(async (tx) => {
        await requireMet(tx, auth.userId, userId)
        const now = clock()
        await insertBlock(tx, auth.userId, userId, now)
        // The other person learns that the match closed, never that a block closed it.
        await closeMatchesAndNotify(tx, notifier, pairCondition(auth.userId, userId) as SQL, now, {
          reason: 'closed',
          quiet: [auth.userId],
        })
        const [block] = (await blocksOf(tx, auth.userId)).filter((b) => b.userId === userId)
        if (!block) throw new Error('block not written')
        return { userId: block.userId, nickname: block.nickname, createdAt: block.createdAt.toISOString() }
      })
    },

    /** DELETE /blocks/:userId */
    async unblock(auth: AuthContext, userId: string) {
      if (!(await deleteBlock(db, auth.userId, userId)))
        throw notFound('BLOCK_NOT_FOUND', 'You have not blocked this person')
    },

    /** GET /blocks */
    async blocks(auth: AuthContext) {
      const rows = await blocksOf(db, auth.userId)
      return rows.map((b) => ({
        userId: b.userId,
        nickname: b.nickname,
        createdAt: b.createdAt.toISOString(),
      }))
    },

    /** POST /reports: one open report per person reported; reporting does not block. */
    async report(
      auth: AuthContext,
      input: { reportedUserId: string; reason: ReportReason; detail?: string | undefined },
    ) {
      try {
        return await db.transaction(async (tx) => {
          await requireMet(tx, auth.userId, input.reportedUserId)
          const row = await insertReport(tx, {
            reporter: auth.userId,
            reported: input.reportedUserId,
            reason: input.reason,
            detail: input.detail?.trim() || null,
            now: clock(),
          })
          return {
            id: row.id,
            reportedUserId: row.reported,
            reason: row.reason,
            detail: row.detail,
            handled: row.handled,
            createdAt: row.createdAt.toISOString(),
          }
        })
      } catch (err) {
        if (isUniqueViolation(err, 'reports_open_pair_uq')) {
          throw conflict('REPORT_ALREADY_OPEN', 'You already have an open report about this person')
        }
        throw err
      }
    },

    /** GET /admin/reports */
    async adminList(filter: { handled?: boolean | undefined; page: number; pageSize: number }) {
      const { items, total } = await listReports(db, filter)
      return pageOf(
        filter,
        items.map((r) => ({
          id: r.id,
          reporterId: r.reporter,
          reportedUserId: r.reported,
          reason: r.reason,
          detail: r.detail,
          handled: r.handled,
          handledAt: r.handledAt?.toISOString() ?? null,
          handledBy: r.handledBy,
          createdAt: r.createdAt.toISOString(),
        })),
        total,
      )
    },

    /** POST /admin/reports/:reportId/handle: dismiss, or ban the reported user; audited in the same transaction. */
    async handle(
      admin: AuthContext,
      reportId: string,
      input: { action: 'dismiss' | 'ban'; memo?: string | undefined },
    ) {
      await db.transaction(async (tx) => {
        const report = await findReport(tx, reportId)
        if (!report) throw notFound('REPORT_NOT_FOUND', 'No such report')
        const now = clock()
        if (!(await markHandled(tx, reportId, admin.userId, now))) {
          throw conflict('REPORT_ALREADY_HANDLED', 'This report has already been handled')
        }
        const memo = input.memo?.trim() || null
        await recordAdminAction(tx, {
          adminId: admin.userId,
          action: `report.${input.action}`,
          targetId: reportId,
          detail: { reportedUserId: report.reported, memo },
        })
        if (input.action === 'ban') {
          const reported = await findUserById(tx, report.reported)
          if (reported?.role === 'admin')
            throw conflict('CANNOT_BAN_ADMIN', 'An administrator cannot be banned')
          if (reported && !reported.banned) {
            await banUser(tx, notifier, reported.id, now)
            await recordAdminAction(tx, {
              adminId: admin.userId,
              action: 'user.ban',
              targetId: reported.id,
              detail: { reportId, memo },
            })
          }
        }
      })
      return { ok: true as const }
    },
  }
}

export type SafetyService = ReturnType<typeof createSafetyService>
