import { recordAdminAction } from '../../core/audit.js'
import type { Database } from '../../core/db/client.js'
import type { BatchRunRow } from '../../core/db/schema.js'
import { badRequest, notFound } from '../../core/errors.js'
import { type PageInput, pageOf } from '../../core/pagination.js'
import { addWeeks, type Clock, isValidWeek, weekOf } from '../../core/time.js'
import type { Admit, AuthContext } from '../auth/authenticate.js'
import { toPublicProfile } from '../profiles/profiles.service.js'
import { findUserById } from '../users/users.repository.js'
import type { BatchRunner } from './recommendations.batch.js'
import { findRun, listRuns, listWithCaller } from './recommendations.repository.js'

const invalidWeek = (week: string) =>
  badRequest('INVALID_WEEK', `"${week.slice(0, 16)}" is not an ISO week of the form YYYY-Www that exists`)

function requireWeek(week: string): string {
  if (!isValidWeek(week)) throw invalidWeek(week)
  return week
}

export function toBatchRun(row: BatchRunRow) {
  return {
    id: row.id,
    week: row.week,
    status: row.status,
    trigger: row.trigger,
    requestedBy: row.requestedBy,
    usersTotal: row.usersTotal,
    usersProcessed: row.usersProcessed,
    usersDone: row.usersProcessed,
    slicesTotal: row.slicesTotal,
    slicesDone: row.slicesDone.length,
    recommendationsWritten: row.recommendationsWritten,
    durationMs: row.durationMs,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }
}

export function createRecommendationService(deps: {
  db: Database
  clock: Clock
  runner: BatchRunner
  photoUrl: (key: string) => string
  identityRequired: boolean
}) {
  const { db, clock, runner, photoUrl, identityRequired } = deps
  return {
    /**
     * GET /recommendations: the caller's list for a week (default: their newest), best first. The
     * caller's row is read with the list and handed to `admit` (the account checks) before anything
     * is returned; with an invalid week it is read alone, so account errors still come first.
     */
    async list(userId: string, week: string | undefined, admit: Admit) {
      if (week !== undefined && !isValidWeek(week)) {
        admit(await findUserById(db, userId))
        throw invalidWeek(week)
      }
      const { user, items } = await listWithCaller(db, userId, week)
      admit(user)
      // Until they verify, nobody is recommended to them (also from a list made before the rule).
      if (identityRequired && user.identityVerifiedAt === null) return []
      const now = clock()
      return items.map((r) => ({
        targetUserId: r.targetUserId,
        batchWeek: r.batchWeek,
        score: r.score,
        liked: r.liked,
        profile: toPublicProfile(r.profile, now, photoUrl),
      }))
    },

    /** POST /admin/recs/run: starts a batch (audited as `recs.run`); 409 while one is running. */
    async startRun(admin: AuthContext, week?: string) {
      const current = weekOf(clock())
      const chosen = week === undefined ? current : requireWeek(week)
      if (chosen !== current && chosen !== addWeeks(current, 1)) {
        throw badRequest('WEEK_NOT_ALLOWED', `Only this week (${current}) or the next can be built`)
      }
      const { run } = await runner.start({
        week: chosen,
        trigger: 'admin',
        requestedBy: admin.userId,
        onCreated: (tx, created) =>
          recordAdminAction(tx, {
            adminId: admin.userId,
            action: 'recs.run',
            targetId: created.id,
            detail: { week: chosen },
          }),
      })
      return { runId: run.id, week: run.week, status: run.status }
    },

    /** The console's list of batch runs, newest first. */
    async runs(input: PageInput) {
      const { items, total } = await listRuns(db, input)
      return pageOf(input, items.map(toBatchRun), total)
    },

    /** GET /admin/recs/runs/:runId */
    async getRun(runId: string) {
      const run = await findRun(db, runId)
      if (!run) throw notFound('RUN_NOT_FOUND', 'No such batch run')
      return toBatchRun(run)
    },
  }
}

export type RecommendationService = ReturnType<typeof createRecommendationService>
