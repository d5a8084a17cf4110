import { and, desc, eq, exists, isNull, lt, not, or, sql } from 'drizzle-orm'
import type { Database, Executor } from '../../core/db/client.js'
import {
  type BatchRunRow,
  batchRuns,
  blocks,
  exposureLog,
  likes,
  profiles,
  recommendations,
  users,
} from '../../core/db/schema.js'

/** Both drivers answer raw SQL with `{ rows }`. */
async function rows<T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

export interface EligibleRow {
  /** Position in the snapshot (0..n-1); the other snapshot queries refer to people by it. */
  n: number
  id: string
  gender: 'M' | 'F'
  birth_year: number
  region: string | null
  target_gender: 'M' | 'F'
  age_min: number
  age_max: number
  regions: string[]
  keywords: string[]
  /** How many of photo, intro, job and height are filled in (0–4). */
  parts: number
}

export interface BatchSnapshot {
  /** Everyone who may see or be seen: a saved profile and preferences, not banned or deleted, recently active. */
  eligible: EligibleRow[]
  /**
   * Who must not be shown to whom, per viewer: targets as comma-separated positions. Shown in the
   * exposure window (or already this week), liked already, blocked either way, matched in any state.
   */
  exclusions: Array<{ n: number; targets: string }>
  /** How often each person was shown to someone in the window before this week. */
  timesShown: Array<{ n: number; times: number }>
  /** People who already have a list for the week (an earlier, partial run). */
  listed: number[]
  /** How often each person appears in the lists already written for the week. */
  load: Array<{ n: number; times: number }>
}

/**
 * Reads everything the batch needs in one consistent snapshot. People are numbered by their id
 * order inside the snapshot, so exclusions travel as small integers instead of UUID pairs (12 weeks
 * of exposure are millions of rows).
 */
export async function loadBatchSnapshot(
  db: Database,
  window: { activeSince: Date; fromWeek: string; week: string },
): Promise<BatchSnapshot> {
  const { fromWeek, week } = window
  const eligibleSet = sql`
    SELECT u.id, (row_number() OVER (ORDER BY u.id) - 1)::int AS n
    FROM users u
    JOIN profiles p ON p.user_id = u.id
    JOIN preferences pr ON pr.user_id = u.id
    WHERE NOT u.banned AND u.deleted_at IS NULL AND u.last_active_at >= ${window.activeSince.toISOString()}::timestamptz`
  return db.transaction(
    async (tx) => {
      const eligible = await rows<EligibleRow>(
        tx,
        sql`
          WITH e AS (${eligibleSet})
          SELECT e.n, e.id::text AS id, p.gender, p.birth_year, p.region, pr.target_gender, pr.age_min, pr.age_max,
                 pr.regions, pr.keywords,
                 ((jsonb_array_length(p.photos) > 0)::int + (p.intro IS NOT NULL)::int
                  + (p.job IS NOT NULL)::int + (p.height IS NOT NULL)::int) AS parts
          FROM e JOIN profiles p ON p.user_id = e.id JOIN preferences pr ON pr.user_id = e.id
          ORDER BY e.n`,
      )
      const exclusions = await rows<{ n: number; targets: string }>(
        tx,
        sql`
          WITH e AS (${eligibleSet})
          SELECT v.n, string_agg(t.n::text, ',') AS targets FROM (
            SELECT user_id, target_user_id AS target FROM exposure_log WHERE week >= ${fromWeek} AND week <= ${week}
            UNION ALL SELECT from_user, to_user FROM likes
            UNION ALL SELECT blocker_id, blocked_id FROM blocks
            UNION ALL SELECT blocked_id, blocker_id FROM blocks
            UNION ALL SELECT user_a, user_b FROM matches
            UNION ALL SELECT user_b, user_a FROM matches
          ) x
          JOIN e v ON v.id = x.user_id
          JOIN e t ON t.id = x.target
          GROUP BY v.n`,
      )
      const timesShown = await rows<{ n: number; times: number }>(
        tx,
        sql`
          WITH e AS (${eligibleSet})
          SELECT e.n, count(*)::int AS times FROM exposure_log x JOIN e ON e.id = x.target_user_id
          WHERE x.week >= ${fromWeek} AND x.week < ${week} GROUP BY e.n`,
      )
      const listed = await rows<{ n: number }>(
        tx,
        sql`
          WITH e AS (${eligibleSet})
          SELECT DISTINCT e.n FROM recommendations r JOIN e ON e.id = r.user_id WHERE r.batch_week = ${week}`,
      )
      const load = await rows<{ n: number; times: number }>(
        tx,
        sql`
          WITH e AS (${eligibleSet})
          SELECT e.n, count(*)::int AS times FROM recommendations r JOIN e ON e.id = r.target_user_id
          WHERE r.batch_week = ${week} GROUP BY e.n`,
      )
      return { eligible, exclusions, timesShown, listed: listed.map((r) => r.n), load }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}

export interface ListRows {
  userIds: string[]
  targetIds: string[]
  scores: number[]
}

/** Writes lists and their exposure rows; an existing row is never changed. Returns rows written. */
export async function insertLists(db: Executor, week: string, now: Date, lists: ListRows): Promise<number> {
  const userIds = sql.param(lists.userIds)
  const targetIds = sql.param(lists.targetIds)
  const scores = sql.param(lists.scores)
  const at = now.toISOString()
  const written = await rows<{ id: number }>(
    db,
    sql`
      INSERT INTO recommendations (user_id, target_user_id, batch_week, score, sent_at)
      SELECT u, t, ${week}, s, ${at}::timestamptz
      FROM unnest(${userIds}::uuid[], ${targetIds}::uuid[], ${scores}::numeric[]) AS x(u, t, s)
      ON CONFLICT DO NOTHING
      RETURNING id`,
  )
  await db.execute(sql`
    INSERT INTO exposure_log (user_id, target_user_id, reason, week, seen_at)
    SELECT u, t, 'weekly_rec', ${week}, ${at}::timestamptz
    FROM unnest(${userIds}::uuid[], ${targetIds}::uuid[]) AS x(u, t)
    ON CONFLICT DO NOTHING`)
  return written.length
}

/** SPEC: exposure is kept 8–12 weeks; older rows only cost space. */
export async function deleteExposureBefore(db: Executor, week: string): Promise<void> {
  await db.delete(exposureLog).where(lt(exposureLog.week, week))
}

export async function createRun(
  db: Executor,
  values: { week: string; trigger: BatchRunRow['trigger']; requestedBy: string | null; now: Date },
): Promise<BatchRunRow> {
  const [row] = await db
    .insert(batchRuns)
    .values({
      week: values.week,
      trigger: values.trigger,
      requestedBy: values.requestedBy,
      status: 'queued',
      createdAt: values.now,
    })
    .returning()
  if (!row) throw new Error('batch run insert returned no row')
  return row
}

export async function updateRun(db: Executor, id: string, values: Partial<BatchRunRow>): Promise<void> {
  await db.update(batchRuns).set(values).where(eq(batchRuns.id, id))
}

/** Adds a written chunk to the run's progress (chunks may commit out of order). */
export async function addRunProgress(
  db: Executor,
  id: string,
  users: number,
  written: number,
): Promise<void> {
  await db
    .update(batchRuns)
    .set({
      usersProcessed: sql`${batchRuns.usersProcessed} + ${users}`,
      recommendationsWritten: sql`${batchRuns.recommendationsWritten} + ${written}`,
    })
    .where(eq(batchRuns.id, id))
}

export async function findRun(db: Executor, id: string): Promise<BatchRunRow | undefined> {
  const [row] = await db.select().from(batchRuns).where(eq(batchRuns.id, id)).limit(1)
  return row
}

/** Runs left `queued` or `running` by a process that died: only called while holding the batch lock. */
export async function failAbandonedRuns(db: Executor, now: Date): Promise<void> {
  await db
    .update(batchRuns)
    .set({ status: 'failed', error: 'interrupted (the process running it stopped)', finishedAt: now })
    .where(or(eq(batchRuns.status, 'queued'), eq(batchRuns.status, 'running')))
}

/** The newest week the user has a list for. */
export async function latestWeekFor(db: Executor, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ week: recommendations.batchWeek })
    .from(recommendations)
    .where(eq(recommendations.userId, userId))
    .orderBy(desc(recommendations.batchWeek))
    .limit(1)
  return row?.week
}

/** The user's list for a week, best first, without people since banned, deleted or blocked either way. */
export function listFor(db: Executor, userId: string, week: string) {
  const blockedEitherWay = db
    .select({ one: sql`1` })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, userId), eq(blocks.blockedId, recommendations.targetUserId)),
        and(eq(blocks.blockerId, recommendations.targetUserId), eq(blocks.blockedId, userId)),
      ),
    )
  const liked = db
    .select({ one: sql`1` })
    .from(likes)
    .where(and(eq(likes.fromUser, userId), eq(likes.toUser, recommendations.targetUserId)))
  return db
    .select({
      targetUserId: recommendations.targetUserId,
      batchWeek: recommendations.batchWeek,
      score: recommendations.score,
      liked: exists(liked).mapWith(Boolean),
      profile: profiles,
    })
    .from(recommendations)
    .innerJoin(users, eq(users.id, recommendations.targetUserId))
    .innerJoin(profiles, eq(profiles.userId, recommendations.targetUserId))
    .where(
      and(
        eq(recommendations.userId, userId),
        eq(recommendations.batchWeek, week),
        eq(users.banned, false),
        isNull(users.deletedAt),
        not(exists(blockedEitherWay)),
      ),
    )
    .orderBy(desc(recommendations.score), recommendations.id)
}
