import { and, count, desc, eq, exists, inArray, isNull, lt, not, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { type Database, type Executor, preparedPerDatabase, queryRows } from '../../core/db/client.js'
import {
  type BatchRunRow,
  batchRuns,
  blocks,
  exposureLog,
  likes,
  profiles,
  recommendations,
  type UserRow,
  users,
} from '../../core/db/schema.js'
import { type PageInput, pageWindow } from '../../core/pagination.js'
import type { PublicProfileRow } from '../profiles/profiles.service.js'

export interface EligibleRow {
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

/**
 * What the week's eligibility depends on: recent activity, the current consents and, with
 * IDENTITY_REQUIRED, a verified identity.
 */
export interface Eligibility {
  activeSince: Date
  consents: readonly RequiredVersion[]
  identityRequired: boolean
}

/**
 * Who may see or be seen this week, over `users u`, `profiles p` and `preferences pr`: a saved
 * profile and preferences (the joins), not banned or deleted, recently active, the latest
 * acceptance of each required document (`consents`: terms, privacy, adult) is its current version,
 * and, with IDENTITY_REQUIRED, a verified identity. The one place to add a condition.
 */
export function eligibleCondition({ activeSince, consents, identityRequired }: Eligibility): SQL {
  const required = sql.join(
    consents.map((c) => sql`(${c.type}, ${c.version})`),
    sql`, `,
  )
  const condition = sql`NOT u.banned AND u.deleted_at IS NULL AND u.last_active_at >= ${activeSince.toISOString()}::timestamptz
    AND NOT EXISTS (
      SELECT 1 FROM (VALUES ${required}) AS req(kind, version)
      WHERE (SELECT c.version FROM consents c WHERE c.user_id = u.id AND c.kind = req.kind
             ORDER BY c.created_at DESC, c.id DESC LIMIT 1) IS DISTINCT FROM req.version)`
  return identityRequired ? sql`${condition} AND u.identity_verified_at IS NOT NULL` : condition
}

/** A document a person must have accepted in this version. */
export interface RequiredVersion {
  type: string
  version: string
}

/** One page of eligible people in id order, after `afterId` (keyset paging keeps memory flat). */
export function loadEligiblePage(
  db: Executor,
  eligibility: Eligibility,
  afterId: string | null,
  limit: number,
): Promise<EligibleRow[]> {
  return queryRows<EligibleRow>(
    db,
    sql`
      SELECT u.id::text AS id, p.gender, p.birth_year, p.region, pr.target_gender, pr.age_min, pr.age_max,
             pr.regions, pr.keywords,
             ((jsonb_array_length(p.photos) > 0)::int + (p.intro IS NOT NULL)::int
              + (p.job IS NOT NULL)::int + (p.height IS NOT NULL)::int) AS parts
      FROM users u
      JOIN profiles p ON p.user_id = u.id
      JOIN preferences pr ON pr.user_id = u.id
      WHERE ${eligibleCondition(eligibility)}${afterId ? sql` AND u.id > ${afterId}::uuid` : sql``}
      ORDER BY u.id
      LIMIT ${limit}`,
  )
}

/** A range of viewer ids, [from, to); `to` null: to the end. */
export interface IdRange {
  from: string
  to: string | null
}

const inRange = (column: SQL, range: IdRange) =>
  range.to
    ? sql`${column} >= ${range.from}::uuid AND ${column} < ${range.to}::uuid`
    : sql`${column} >= ${range.from}::uuid`

/**
 * Who must not be shown to whom, for the viewers whose id is in `range`, as rows of a viewer and
 * people as bytes: `exposure` rows hold the viewer's weekly arrays in PostgreSQL's binary array form
 * (`array_send`: a 20-byte header with the length at byte 12, then a 4-byte length and 16 bytes per
 * id), concatenated (one row per viewer: far fewer rows to decode), `other` rows the
 * `uuid_send` bytes of each person blocked either way, matched in any state, or liked before the
 * window, concatenated (a like is only ever given to someone recommended that week, so the
 * exposure rows cover the likes inside the window). Each part reads its own index by viewer id;
 * the exposure arrays go out as stored, without unnesting millions of ids on the server.
 */
export async function loadSliceExclusions(
  db: Executor,
  window: { fromWeek: string; week: string },
  range: IdRange,
): Promise<{
  exposure: Array<{ user_id: string; targets: Uint8Array }>
  other: Array<{ user_id: string; targets: Uint8Array }>
}> {
  const { fromWeek, week } = window
  const exposure = await queryRows<{ user_id: string; targets: Uint8Array }>(
    db,
    sql`SELECT user_id::text AS user_id, string_agg(array_send(targets), ''::bytea) AS targets FROM exposure_log
        WHERE ${inRange(sql`user_id`, range)} AND week >= ${fromWeek} AND week <= ${week}
        GROUP BY user_id`,
  )
  const other = await queryRows<{ user_id: string; targets: Uint8Array }>(
    db,
    sql`
      SELECT user_id::text AS user_id, string_agg(uuid_send(target), ''::bytea) AS targets FROM (
        SELECT from_user AS user_id, to_user AS target FROM likes
        WHERE ${inRange(sql`from_user`, range)} AND batch_week < ${fromWeek}
        UNION ALL SELECT blocker_id, blocked_id FROM blocks WHERE ${inRange(sql`blocker_id`, range)}
        UNION ALL SELECT blocked_id, blocker_id FROM blocks WHERE ${inRange(sql`blocked_id`, range)}
        UNION ALL SELECT user_a, user_b FROM matches WHERE ${inRange(sql`user_a`, range)}
        UNION ALL SELECT user_b, user_a FROM matches WHERE ${inRange(sql`user_b`, range)}
      ) x
      GROUP BY user_id`,
  )
  return { exposure, other }
}

/** How often each person was shown to someone in [fromWeek, week). */
export function loadTimesShown(
  db: Database,
  fromWeek: string,
  week: string,
): Promise<Array<{ id: string; times: number }>> {
  // Twelve weeks of arrays unnest to ten ids per viewer and week: enough memory to aggregate them
  // without spilling to disk (a web request never gets this much).
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '256MB'`)
    return queryRows(
      tx,
      sql`SELECT t::text AS id, count(*)::int AS times FROM exposure_log, unnest(targets) AS t
          WHERE week >= ${fromWeek} AND week < ${week} GROUP BY t`,
    )
  })
}

/**
 * Lists already written for the week (by an earlier, interrupted run): who has one, and how often
 * each person appears. Read from the week's exposure rows, written with each list in the same
 * transaction and found by the week index (recommendations, holding every week ever, has none).
 */
export async function loadExistingLists(db: Executor, week: string) {
  const viewers = await queryRows<{ id: string }>(
    db,
    sql`SELECT user_id::text AS id FROM exposure_log WHERE week = ${week} AND reason = 'weekly_rec'`,
  )
  const targets = await queryRows<{ id: string; times: number }>(
    db,
    sql`SELECT t::text AS id, count(*)::int AS times FROM exposure_log, unnest(targets) AS t
        WHERE week = ${week} AND reason = 'weekly_rec' GROUP BY t`,
  )
  return { viewers: viewers.map((r) => r.id), targets }
}

export interface ListRows {
  userIds: string[]
  targetIds: string[]
  scores: number[]
}

/**
 * Writes lists and their exposure rows (one per viewer), in the caller's transaction. Plain INSERTs
 * for the lists (twice as fast as ON CONFLICT here): under the batch lock, lists go only to viewers
 * who have none for the week, so a conflict cannot happen; if one ever did, the transaction would
 * fail whole and the next run would fill those viewers. A viewer's exposure row for the week may
 * exist without a list (written by hand), so the people shown are appended to it.
 * Commits need not wait for the disk: a slice lost in a crash is rebuilt by the next run.
 */
export async function insertLists(tx: Executor, week: string, now: Date, lists: ListRows): Promise<number> {
  const userIds = sql.param(lists.userIds)
  const targetIds = sql.param(lists.targetIds)
  const at = now.toISOString()
  await tx.execute(sql`SET LOCAL synchronous_commit = off`)
  await tx.execute(sql`
    INSERT INTO recommendations (user_id, target_user_id, batch_week, score, sent_at)
    SELECT u, t, ${week}, s, ${at}::timestamptz
    FROM unnest(${userIds}::uuid[], ${targetIds}::uuid[], ${sql.param(lists.scores)}::numeric[]) AS x(u, t, s)`)
  await tx.execute(sql`
    INSERT INTO exposure_log AS e (user_id, week, reason, targets, seen_at)
    SELECT u, ${week}, 'weekly_rec', array_agg(t ORDER BY o), ${at}::timestamptz
    FROM unnest(${userIds}::uuid[], ${targetIds}::uuid[]) WITH ORDINALITY AS x(u, t, o)
    GROUP BY u
    ON CONFLICT (user_id, week, reason) DO UPDATE SET targets = e.targets || excluded.targets`)
  return lists.userIds.length
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

/** Records a slice as written, in the transaction that wrote it (slices may commit out of order). */
export async function markSliceDone(
  tx: Executor,
  id: string,
  slice: number,
  users: number,
  written: number,
): Promise<void> {
  await tx
    .update(batchRuns)
    .set({
      slicesDone: sql`array_append(${batchRuns.slicesDone}, ${slice}::int)`,
      usersProcessed: sql`${batchRuns.usersProcessed} + ${users}`,
      recommendationsWritten: sql`${batchRuns.recommendationsWritten} + ${written}`,
    })
    .where(eq(batchRuns.id, id))
}

/** Batch runs, newest first (the console's list). */
export async function listRuns(db: Executor, input: PageInput) {
  const { limit, offset } = pageWindow(input)
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(batchRuns)
      .orderBy(desc(batchRuns.createdAt), desc(batchRuns.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(batchRuns),
  ])
  return { items, total: total?.n ?? 0 }
}

export async function findRun(db: Executor, id: string): Promise<BatchRunRow | undefined> {
  const [row] = await db.select().from(batchRuns).where(eq(batchRuns.id, id)).limit(1)
  return row
}

/** Has a run built `week`'s lists to the end? */
export async function hasSucceededRun(db: Executor, week: string): Promise<boolean> {
  const [row] = await db
    .select({ id: batchRuns.id })
    .from(batchRuns)
    .where(and(eq(batchRuns.week, week), eq(batchRuns.status, 'succeeded')))
    .limit(1)
  return row !== undefined
}

/** Runs left `queued` or `running` by a process that died (only asked while holding the batch lock, or to peek), newest first. */
export function findAbandonedRuns(db: Executor): Promise<BatchRunRow[]> {
  return db
    .select()
    .from(batchRuns)
    .where(or(eq(batchRuns.status, 'queued'), eq(batchRuns.status, 'running')))
    .orderBy(desc(batchRuns.createdAt))
}

/** Marks runs that will not be resumed as failed: only called while holding the batch lock. */
export async function failRuns(db: Executor, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return
  await db
    .update(batchRuns)
    .set({ status: 'failed', error: 'interrupted (the process running it stopped)', finishedAt: now })
    .where(inArray(batchRuns.id, ids))
}

function buildListQuery(db: Database, newest: boolean) {
  const userId = sql.placeholder('userId')
  const target = alias(users, 'target')
  const batchWeek = newest
    ? sql`(SELECT max(r2.batch_week) FROM ${recommendations} r2 WHERE r2.user_id = ${userId})`
    : sql.placeholder('week')
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
  // Each item as the JSON the service needs (only what a public profile shows, never the contact).
  const item = sql`json_build_object(
    'targetUserId', ${recommendations.targetUserId},
    'batchWeek', ${recommendations.batchWeek},
    'score', ${recommendations.score},
    'liked', ${exists(liked)},
    'profile', json_build_object(
      'userId', ${profiles.userId}, 'nickname', ${profiles.nickname}, 'gender', ${profiles.gender},
      'birthYear', ${profiles.birthYear}, 'height', ${profiles.height}, 'region', ${profiles.region},
      'job', ${profiles.job}, 'intro', ${profiles.intro}, 'photos', ${profiles.photos},
      'visible', ${profiles.visible}))`
  const list = db
    .select({
      items: sql`coalesce(json_agg(${item} ORDER BY ${recommendations.score} DESC, ${recommendations.id}), '[]'::json)`,
    })
    .from(recommendations)
    .innerJoin(target, eq(target.id, recommendations.targetUserId))
    .innerJoin(profiles, eq(profiles.userId, recommendations.targetUserId))
    .where(
      and(
        eq(recommendations.userId, userId),
        eq(recommendations.batchWeek, batchWeek),
        eq(target.banned, false),
        isNull(target.deletedAt),
        not(exists(blockedEitherWay)),
      ),
    )
  // The caller's row and the whole list in one row: one round trip, and one JSON value to decode
  // instead of a dozen columns on each of ten rows.
  return db
    .select({ user: users, items: sql<ListItemRow[]>`(${list})` })
    .from(users)
    .where(eq(users.id, userId))
    .prepare(newest ? 'recs_list_newest' : 'recs_list_week')
}

const listQueries = preparedPerDatabase((db) => ({
  newest: buildListQuery(db, true),
  week: buildListQuery(db, false),
}))

export interface ListItemRow {
  targetUserId: string
  batchWeek: string
  score: number
  liked: boolean
  profile: PublicProfileRow
}

/**
 * The caller's row (undefined when there is no such user) and their list for a week (default: the
 * newest week they have one for), best first, without people since banned, deleted or blocked either
 * way. The most requested route: one prepared statement, so PostgreSQL plans it once per connection,
 * and one round trip, the caller's row included (the route checks it before answering).
 */
export async function listWithCaller(
  db: Database,
  userId: string,
  week?: string,
): Promise<{ user: UserRow | undefined; items: ListItemRow[] }> {
  const prepared = listQueries(db)
  const [row] =
    week === undefined
      ? await prepared.newest.execute({ userId })
      : await prepared.week.execute({ userId, week })
  return { user: row?.user, items: row?.items ?? [] }
}
