import type { Database } from '../../core/db/client.js'
import type { BatchRunRow } from '../../core/db/schema.js'
import { badRequest, notFound } from '../../core/errors.js'
import { addWeeks, type Clock, isValidWeek, weekOf } from '../../core/time.js'
import { recordAdminAction } from '../admin/admin-actions.repository.js'
import type { AuthContext } from '../auth/authenticate.js'
import { toPublicProfile } from '../profiles/profiles.service.js'
import type { BatchRunner } from './recommendations.batch.js'
import { findRun, listFor } from './recommendations.repository.js'

function requireWeek(week: string): string {
  if (!isValidWeek(week)) {
    throw badRequest(
      'INVALID_WEEK',
      `"${week.slice(0, 16)}" is not an ISO week of the form YYYY-Www that exists`,
    )
  }
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
    recommendationsWritten: row.recommendationsWritten,
    durationMs: row.durationMs,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }
}

export function createRecommendationService(deps: { db: Database; clock: Clock; runner: BatchRunner }) {
  const { db, clock, runner } = deps
  return {
    /** GET /recommendations: the caller's list for a week (default: their newest), best first. */
    async list(auth: AuthContext, week?: string) {
      const rows = await listFor(db, auth.userId, week === undefined ? undefined : requireWeek(week))
      const now = clock()
      return rows.map((r) => ({
        targetUserId: r.targetUserId,
        batchWeek: r.batchWeek,
        score: Number(r.score),
        liked: r.liked,
        profile: toPublicProfile(r.profile, now),
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

    /** GET /admin/recs/runs/:runId */
    async getRun(runId: string) {
      const run = await findRun(db, runId)
      if (!run) throw notFound('RUN_NOT_FOUND', 'No such batch run')
      return toBatchRun(run)
    },
  }
}

export type RecommendationService = ReturnType<typeof createRecommendationService>
