import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import { type Database, type Executor, preparedPerDatabase, queryRows } from '../../core/db/client.js'
import { type BatchRunRow, batchRuns, type UserRow, users } from '../../core/db/schema.js'
import { type PageInput, pageWindow } from '../../core/pagination.js'
import type { PublicProfileRow } from '../profiles/profiles.service.js'

export interface EligibleRow {
  id: string
  /** users.seq: how lists name the person. */
  seq: number
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
      SELECT u.id::text AS id, u.seq, p.gender, p.birth_year, p.region, pr.target_gender, pr.age_min, pr.age_max,
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
 * Calls `visit` with each integer in the text of one or more integer arrays (`{1,2}{3}{}`), so that
 * a slice's lists are read without an array or a string per list.
 */
export function forEachInteger(text: string, visit: (n: number) => void): void {
  let n = -1
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (ch >= 48 && ch <= 57) n = (n < 0 ? 0 : n * 10) + (ch - 48)
    else if (n >= 0) {
      visit(n)
      n = -1
    }
  }
  if (n >= 0) visit(n)
}

/**
 * Who must not be shown to whom, for the viewers whose id is in `range`. `shown`: a row per viewer
 * with the `users.seq` of everyone on their lists of the window, as the text of the weekly arrays one
 * after another (`{12,7}{40,3}`; a few characters per person, and no array object per list). `other`:
 * a row per viewer with the `uuid_send` bytes of each person blocked either way, matched in any state,
 * or liked before the window, concatenated (a like is only ever given to someone recommended that week
 * or the week before, so the lists of the window cover the likes inside it). Each part reads its own
 * index by viewer id.
 */
export async function loadSliceExclusions(
  db: Executor,
  window: { fromWeek: string; week: string },
  range: IdRange,
): Promise<{
  shown: Array<{ user_id: string; targets: string }>
  other: Array<{ user_id: string; targets: Uint8Array }>
}> {
  const { fromWeek, week } = window
  const shown = await queryRows<{ user_id: string; targets: string }>(
    db,
    sql`SELECT user_id::text AS user_id, string_agg(targets::text, '') AS targets FROM recommendation_lists
        WHERE ${inRange(sql`user_id`, range)} AND batch_week >= ${fromWeek} AND batch_week <= ${week}
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
  return { shown, other }
}

/**
 * How often each person (by users.seq) was on someone's list in [fromWeek, week): two texts of
 * integer arrays, seqs and counts in the same order (one row instead of one per person).
 */
export async function loadTimesShown(
  db: Database,
  fromWeek: string,
  week: string,
): Promise<{ seqs: string; times: string }> {
  // Weeks of arrays unnest to ten people per viewer and week: enough memory to count them without
  // spilling to disk (a web request never gets this much).
  const [row] = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '256MB'`)
    return queryRows<{ seqs: string | null; times: string | null }>(
      tx,
      sql`SELECT array_agg(t)::text AS seqs, array_agg(n)::text AS times FROM (
            SELECT t, count(*) AS n FROM recommendation_lists, unnest(targets) AS t
            WHERE batch_week >= ${fromWeek} AND batch_week < ${week} GROUP BY t) x`,
    )
  })
  return { seqs: row?.seqs ?? '', times: row?.times ?? '' }
}

/**
 * Lists already written for the week (by an earlier, interrupted run): who has one, and how often
 * each person (by users.seq) is on them, as in loadTimesShown.
 */
export async function loadExistingLists(db: Executor, week: string) {
  const viewers = await queryRows<{ id: string }>(
    db,
    sql`SELECT user_id::text AS id FROM recommendation_lists WHERE batch_week = ${week}`,
  )
  const [targets] = await queryRows<{ seqs: string | null; times: string | null }>(
    db,
    sql`SELECT array_agg(t)::text AS seqs, array_agg(n)::text AS times FROM (
          SELECT t, count(*) AS n FROM recommendation_lists, unnest(targets) AS t
          WHERE batch_week = ${week} GROUP BY t) x`,
  )
  return { viewers: viewers.map((r) => r.id), seqs: targets?.seqs ?? '', times: targets?.times ?? '' }
}

/** A slice's lists: for viewer i, `targets[i]` (users.seq, best first) and their scores in thousandths. */
export interface ListRows {
  userIds: string[]
  targets: ArrayLike<number>[]
  scores: ArrayLike<number>[]
}

const arrayText = (values: ArrayLike<number>) => `{${Array.prototype.join.call(values, ',')}}`

/**
 * Writes lists, a row per viewer, in the caller's transaction. A plain INSERT: under the batch lock,
 * lists go only to viewers who have none for the week, so a conflict cannot happen; if one ever did,
 * the transaction would fail whole and the next run would fill those viewers. Each list goes as the
 * text of its arrays (`{12,7,40}`), which PostgreSQL reads as one value per row.
 * Commits need not wait for the disk: a slice lost in a crash is rebuilt by the next run.
 */
export async function insertLists(tx: Executor, week: string, now: Date, lists: ListRows): Promise<number> {
  if (lists.userIds.length === 0) return 0
  await tx.execute(sql`SET LOCAL synchronous_commit = off`)
  await tx.execute(sql`
    INSERT INTO recommendation_lists (user_id, batch_week, targets, scores, sent_at)
    SELECT u, ${week}, t::int[], s::smallint[], ${now.toISOString()}::timestamptz
    FROM unnest(${sql.param(lists.userIds)}::uuid[], ${sql.param(lists.targets.map(arrayText))}::text[],
                ${sql.param(lists.scores.map(arrayText))}::text[]) AS x(u, t, s)`)
  let written = 0
  for (const t of lists.targets) written += t.length
  return written
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
  const userId = sql`${sql.placeholder('userId')}::uuid`
  const batchWeek = newest
    ? sql`(SELECT max(l2.batch_week) FROM recommendation_lists l2 WHERE l2.user_id = ${userId})`
    : sql`${sql.placeholder('week')}::text`
  // Each item as the JSON the service needs (only what a public profile shows, never the contact),
  // in the list's order (best first, as stored), without people since banned, deleted or blocked.
  const list = sql`(
    SELECT coalesce(json_agg(json_build_object(
      'targetUserId', t.id,
      'batchWeek', l.batch_week,
      'score', (x.score / 1000.0)::numeric(6, 3),
      'liked', EXISTS (SELECT 1 FROM likes lk WHERE lk.from_user = ${userId} AND lk.to_user = t.id),
      'profile', json_build_object(
        'userId', p.user_id, 'nickname', p.nickname, 'gender', p.gender, 'birthYear', p.birth_year,
        'height', p.height, 'region', p.region, 'job', p.job, 'intro', p.intro, 'photos', p.photos,
        'visible', p.visible)
    ) ORDER BY x.score DESC, x.position), '[]'::json)
    FROM recommendation_lists l
    CROSS JOIN LATERAL unnest(l.targets, l.scores) WITH ORDINALITY AS x(seq, score, position)
    JOIN users t ON t.seq = x.seq
    JOIN profiles p ON p.user_id = t.id
    WHERE l.user_id = ${userId} AND l.batch_week = ${batchWeek}
      AND NOT t.banned AND t.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM blocks b
                      WHERE (b.blocker_id = ${userId} AND b.blocked_id = t.id)
                         OR (b.blocker_id = t.id AND b.blocked_id = ${userId})))`
  // The caller's row and the whole list in one row: one round trip, and one JSON value to decode
  // instead of a dozen columns on each of ten rows.
  return db
    .select({ user: users, items: sql<ListItemRow[]>`${list}` })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')))
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
