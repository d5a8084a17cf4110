import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import {
  createTestContext,
  type SignedIn,
  signIn,
  type TestContext,
  testConfig,
} from '../../../test/helpers/context.js'
import {
  CURRENT_CONSENTS,
  createCrowd,
  createPerson,
  recommend,
  runBatch,
} from '../../../test/helpers/factories.js'
import { openDatabase, queryRows } from '../../core/db/client.js'
import {
  adminActions,
  batchRuns,
  blocks,
  likes,
  matches,
  notifications,
  profiles,
  recommendationLists,
  users,
} from '../../core/db/schema.js'
import { createNotifier } from '../../core/notifications.js'
import { addWeeks, weekOf } from '../../core/time.js'
import { createBatchRunner, databaseBatchLock, sliceOf } from './recommendations.batch.js'

const WEEK_MS = 7 * 24 * 60 * 60 * 1000
let ctx: TestContext
let admin: SignedIn
before(async () => {
  ctx = await createTestContext({ REC_K: '2', REC_ACTIVE_DAYS: '365', ADMIN_KAKAO_IDS: '1' })
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  ctx.clock.set('2026-11-26T05:00:00Z')
  admin = await signIn(ctx.app, '1')
})

/** Every pair on a list: viewer, person shown, week and score (in thousandths). */
const recRows = (week?: string) =>
  queryRows<{ userId: string; targetUserId: string; batchWeek: string; score: number }>(
    ctx.database.db,
    sql`SELECT l.user_id::text AS "userId", t.id::text AS "targetUserId", l.batch_week AS "batchWeek", x.score
        FROM recommendation_lists l
        CROSS JOIN LATERAL unnest(l.targets, l.scores) AS x(seq, score)
        JOIN users t ON t.seq = x.seq
        ${week ? sql`WHERE l.batch_week = ${week}` : sql``}`,
  )
const listOf = async (userId: string, week: string) =>
  (await recRows(week))
    .filter((r) => r.userId === userId)
    .map((r) => r.targetUserId)
    .sort()

describe('the weekly batch', () => {
  it('fills every eligible user with K, records the run, and adds nothing when run again', async () => {
    const crowd = await createCrowd(ctx.app, 4, 4)
    const week = weekOf(ctx.clock.now())
    const first = await runBatch(ctx.app, admin)
    assert.equal(first.status, 'succeeded')
    assert.equal(first.usersTotal, 8)
    assert.equal(first.recommendationsWritten, 16)
    for (const p of [...crowd.men, ...crowd.women]) assert.equal((await listOf(p.userId, week)).length, 2)
    const lists = await ctx.database.db.select().from(recommendationLists)
    assert.equal(lists.length, 8, 'one row per viewer and week')
    for (const l of lists) {
      assert.equal(l.batchWeek, week)
      assert.equal(l.targets.length, 2)
      assert.deepEqual(
        l.scores,
        [...l.scores].sort((a, b) => b - a),
        'best first',
      )
      assert.equal(l.responded, 0)
    }
    const shown = (
      await ctx.app.inject({ method: 'GET', url: `/admin/recs/runs/${first.runId}`, headers: admin.headers })
    ).json()
    assert.equal(shown.usersDone, 8)
    assert.equal(shown.usersTotal, 8)
    assert.equal(shown.usersProcessed, 8)
    assert.equal(shown.slicesDone, shown.slicesTotal)

    const before = (await recRows(week)).map((r) => `${r.userId}>${r.targetUserId}:${r.score}`).sort()
    const second = await runBatch(ctx.app, admin)
    assert.equal(second.status, 'succeeded')
    assert.equal(second.recommendationsWritten, 0)
    assert.equal(second.usersTotal, 0)
    const after = (await recRows(week)).map((r) => `${r.userId}>${r.targetUserId}:${r.score}`).sort()
    assert.deepEqual(after, before, 'an existing list never changes')
    // Everyone with a list is told once, in the transaction that wrote it.
    const told = await ctx.database.db.select().from(notifications)
    assert.deepEqual(
      told.map((n) => n.userId).sort(),
      [...crowd.men, ...crowd.women].map((p) => p.userId).sort(),
    )
    assert.ok(told.every((n) => n.type === 'recs.ready' && (n.data as { week: string }).week === week))
    const [run] = await ctx.database.db.select().from(batchRuns).where(eq(batchRuns.id, first.runId))
    assert.equal(run?.usersProcessed, 8)
    assert.ok((run?.durationMs ?? -1) >= 0)
    assert.ok(run?.startedAt && run.finishedAt)
  })

  it('never shows the same person twice within 12 weeks', async () => {
    const crowd = await createCrowd(ctx.app, 3, 3)
    const weeks: string[] = []
    for (let i = 0; i < 4; i++) {
      weeks.push(weekOf(ctx.clock.now()))
      await runBatch(ctx.app, await signIn(ctx.app, '1'))
      ctx.clock.advance(WEEK_MS)
    }
    const rows = await recRows()
    const seen = new Set<string>()
    for (const r of rows) {
      const pair = `${r.userId}>${r.targetUserId}`
      assert.ok(!seen.has(pair), `${pair} repeated`)
      seen.add(pair)
    }
    // Three candidates each, two a week: the second week has one left, then none.
    const man = crowd.men[0] as SignedIn
    assert.deepEqual(
      weeks.map((w) => rows.filter((r) => r.userId === man.userId && r.batchWeek === w).length),
      [2, 1, 0, 0],
    )
  })

  it('shows people again after the 12-week window, and keeps the lists of earlier weeks', async () => {
    const crowd = await createCrowd(ctx.app, 1, 1)
    const first = weekOf(ctx.clock.now())
    await runBatch(ctx.app, admin)
    ctx.clock.advance(12 * WEEK_MS)
    admin = await signIn(ctx.app, '1')
    const later = await runBatch(ctx.app, admin)
    assert.equal(later.recommendationsWritten, 0, 'week 13 is still inside the window')
    ctx.clock.advance(WEEK_MS)
    const again = await runBatch(ctx.app, await signIn(ctx.app, '1'))
    assert.equal(again.recommendationsWritten, 2, 'week 14: shown again')
    const man = await signIn(ctx.app, '910') // crowd.men[0], whose token has expired since
    assert.equal(man.userId, (crowd.men[0] as SignedIn).userId)
    const old = await ctx.app.inject({
      method: 'GET',
      url: `/recommendations?week=${first}`,
      headers: man.headers,
    })
    assert.deepEqual(
      old.json().map((i: { targetUserId: string }) => i.targetUserId),
      [(crowd.women[0] as SignedIn).userId],
      'the first week is still there to look back at',
    )
  })

  it('resumes a run that died half-way: same run, lists already written unchanged, no duplicates', async () => {
    const crowd = await createCrowd(ctx.app, 4, 4)
    const week = weekOf(ctx.clock.now())
    await runBatch(ctx.app, admin)
    // The state a crash leaves: half the lists written, the run still marked running.
    const dropped = [...crowd.men.slice(0, 2), ...crowd.women.slice(0, 2)].map((p) => p.userId)
    const kept = [...crowd.men.slice(2), ...crowd.women.slice(2)]
    const keptLists = await Promise.all(kept.map((p) => listOf(p.userId, week)))
    for (const id of dropped) {
      await ctx.database.db.delete(recommendationLists).where(eq(recommendationLists.userId, id))
    }
    const [stale] = await ctx.database.db
      .insert(batchRuns)
      .values({ week, trigger: 'schedule', status: 'running' })
      .returning()
    const [older] = await ctx.database.db
      .insert(batchRuns)
      .values({ week: addWeeks(week, -1), trigger: 'schedule', status: 'running' })
      .returning()

    const resumed = await runBatch(ctx.app, admin)
    assert.equal(resumed.runId, stale?.id, 'the abandoned run of the week is the one taken up')
    assert.equal(resumed.status, 'succeeded')
    assert.equal(resumed.usersTotal, 4)
    assert.equal(resumed.recommendationsWritten, 8)
    for (const id of dropped) assert.equal((await listOf(id, week)).length, 2)
    assert.deepEqual(await Promise.all(kept.map((p) => listOf(p.userId, week))), keptLists)
    const [marked] = await ctx.database.db
      .select()
      .from(batchRuns)
      .where(eq(batchRuns.id, older?.id as string))
    assert.equal(marked?.status, 'failed', "another week's abandoned run is over")
    assert.equal((await recRows(week)).length, 16)
  })

  it('skips the slices a killed run had marked done, and resumes at start-up', async () => {
    await createCrowd(ctx.app, 6, 6)
    const week = weekOf(ctx.clock.now())
    await ctx.app.activity.flush()
    const log = { info() {}, error() {} }
    const runner = createBatchRunner({
      notifier: createNotifier({ externalTypes: new Set() }),
      database: ctx.database,
      clock: ctx.clock.now,
      log,
      k: 2,
      activeDays: 365,
      sliceViewers: 3,
      consentVersions: testConfig().consentVersions,
    })
    // A run that died after writing slice 0 (whose viewers then lost their lists, to tell a
    // skipped slice from a rebuilt one).
    const [stale] = await ctx.database.db
      .insert(batchRuns)
      .values({
        week,
        trigger: 'schedule',
        status: 'running',
        slicesTotal: 4,
        slicesDone: [0],
        usersProcessed: 3,
      })
      .returning()
    const resumed = await runner.resumeAbandoned()
    assert.equal(resumed?.run.id, stale?.id)
    const run = await resumed?.done
    assert.equal(run?.status, 'succeeded')
    assert.deepEqual([...(run?.slicesDone ?? [])].sort(), [0, 1, 2, 3])
    const everyone = await ctx.database.db.select({ id: profiles.userId }).from(profiles)
    const withList = new Set((await recRows(week)).map((r) => r.userId))
    const told = new Set((await ctx.database.db.select().from(notifications)).map((n) => n.userId))
    for (const { id } of everyone) {
      const inSliceZero = sliceOf(id, 4) === 0
      assert.equal(withList.has(id), !inSliceZero, `${id} (slice ${sliceOf(id, 4)})`)
      assert.equal(told.has(id), withList.has(id), 'told exactly when this run wrote their list')
    }
    const [row] = await ctx.database.db
      .select()
      .from(batchRuns)
      .where(eq(batchRuns.id, stale?.id as string))
    assert.equal(row?.usersTotal, row?.usersProcessed)
    assert.equal(await runner.resumeAbandoned(), null, 'nothing left to resume')
  })

  it('leaves out the banned, deleted, inactive, blocked, matched, already liked and recently shown', async () => {
    const app = await ctx.build({ REC_K: '10', REC_ACTIVE_DAYS: '14', ADMIN_KAKAO_IDS: '1' })
    const me = await createPerson(app, { kakaoId: '500', gender: 'M', birthYear: 1994 })
    const women: Record<string, SignedIn> = {}
    for (const name of [
      'ok',
      'banned',
      'deleted',
      'inactive',
      'blockedByMe',
      'blockedMe',
      'matched',
      'liked',
      'shownRecently',
    ]) {
      women[name] = await createPerson(app, {
        kakaoId: `6${Object.keys(women).length}`,
        gender: 'F',
        birthYear: 1996,
      })
    }
    const id = (name: string) => (women[name] as SignedIn).userId
    const db = ctx.database.db
    await db
      .update(users)
      .set({ banned: true })
      .where(eq(users.id, id('banned')))
    await db
      .update(users)
      .set({ deletedAt: ctx.clock.now() })
      .where(eq(users.id, id('deleted')))
    await db
      .update(users)
      .set({ lastActiveAt: new Date(ctx.clock.now().getTime() - 15 * 24 * 3600 * 1000) })
      .where(eq(users.id, id('inactive')))
    await db.insert(blocks).values({ blockerId: me.userId, blockedId: id('blockedByMe') })
    await db.insert(blocks).values({ blockerId: id('blockedMe'), blockedId: me.userId })
    await db.insert(matches).values({ userA: id('matched'), userB: me.userId, status: 'closed' })
    await db
      .insert(likes)
      .values({ fromUser: me.userId, toUser: id('liked'), batchWeek: addWeeks(weekOf(ctx.clock.now()), -20) })
    await recommend(ctx.database, me, women.shownRecently as SignedIn, addWeeks(weekOf(ctx.clock.now()), -12))

    await runBatch(app, admin)
    assert.deepEqual(await listOf(me.userId, weekOf(ctx.clock.now())), [id('ok')])
  })

  it('includes someone who signed up and filled in their profile just before the run', async () => {
    await createCrowd(ctx.app, 0, 2)
    // Straight through the routes, with no flush of the activity buffer in between.
    const newcomer = await signIn(ctx.app, '777')
    for (const [url, payload] of [
      ['/profile', { nickname: '새내기', gender: 'M', birthYear: 1995, region: '서울' }],
      ['/preferences', { targetGender: 'F', ageMin: 19, ageMax: 60 }],
      ['/me/consents', CURRENT_CONSENTS],
    ] as const) {
      const res = await ctx.app.inject({ method: 'PUT', url, headers: newcomer.headers, payload })
      assert.equal(res.statusCode, 200, res.body)
    }
    const run = await runBatch(ctx.app, admin)
    assert.equal(run.status, 'succeeded')
    assert.equal((await listOf(newcomer.userId, weekOf(ctx.clock.now()))).length, 2)
  })

  it('writes the activity it has buffered before reading who is active', async () => {
    const app = await ctx.build({ REC_K: '2', REC_ACTIVE_DAYS: '14', ADMIN_KAKAO_IDS: '1' })
    await createCrowd(app, 0, 2)
    const returning = await createPerson(app, { kakaoId: '778', gender: 'M', birthYear: 1995 })
    const monthAgo = new Date(ctx.clock.now().getTime() - 30 * 24 * 3600_000)
    await ctx.database.db.update(users).set({ lastActiveAt: monthAgo }).where(eq(users.id, returning.userId))
    // Back after a month: one request, noted in the activity buffer, and the batch starts at once.
    assert.equal(
      (await app.inject({ method: 'GET', url: '/me', headers: returning.headers })).statusCode,
      200,
    )
    const run = await runBatch(app, admin)
    assert.equal(run.status, 'succeeded')
    assert.equal((await listOf(returning.userId, weekOf(ctx.clock.now()))).length, 2)
  })

  it('runs one batch at a time: a second start while one runs is refused, over HTTP with 409', async () => {
    await createCrowd(ctx.app, 4, 4)
    const log = { info() {}, error() {} }
    const runner = createBatchRunner({
      notifier: createNotifier({ externalTypes: new Set() }),
      database: ctx.database,
      clock: ctx.clock.now,
      log,
      k: 2,
      activeDays: 365,
      consentVersions: testConfig().consentVersions,
    })
    const week = weekOf(ctx.clock.now())
    const first = runner.start({ week, trigger: 'cli' })
    const second = runner.start({ week, trigger: 'cli' })
    await assert.rejects(second, (err: { statusCode?: number; code?: string }) => {
      assert.equal(err.statusCode, 409)
      assert.equal(err.code, 'RECS_ALREADY_RUNNING')
      return true
    })
    assert.equal((await (await first).done).status, 'succeeded')

    const busy = await ctx.build({ ADMIN_KAKAO_IDS: '1' }, { batchLock: { tryAcquire: async () => null } })
    const refused = await busy.inject({
      method: 'POST',
      url: '/admin/recs/run',
      headers: admin.headers,
      payload: {},
    })
    assert.equal(refused.statusCode, 409)
    assert.equal(refused.json().error.code, 'RECS_ALREADY_RUNNING')
    assert.equal((await ctx.database.db.select().from(batchRuns)).length, 1)
    assert.equal(
      (await ctx.database.db.select().from(adminActions)).length,
      0,
      'a refused start is not audited',
    )
  })

  it('takes the advisory lock, so another replica cannot run at the same time', async () => {
    // On PostgreSQL the replica has its own connection pool; PGlite is one session in one process.
    const pool = ctx.database.pool
    const replicaDb = pool
      ? await openDatabase((pool.options as { connectionString: string }).connectionString)
      : ctx.database
    try {
      const log = { info() {}, error() {} }
      const week = weekOf(ctx.clock.now())
      const replica = createBatchRunner({
        notifier: createNotifier({ externalTypes: new Set() }),
        database: replicaDb,
        clock: ctx.clock.now,
        log,
        k: 2,
        activeDays: 365,
        consentVersions: testConfig().consentVersions,
      })
      // This replica holds the lock (as a running batch does) until it lets go.
      const release = await databaseBatchLock(ctx.database).tryAcquire()
      assert.ok(release)
      await assert.rejects(replica.start({ week, trigger: 'schedule' }), /already running/)
      await release()
      const next = await replica.start({ week, trigger: 'schedule' })
      assert.equal((await next.done).status, 'succeeded')
    } finally {
      if (replicaDb !== ctx.database) await replicaDb.close()
    }
  })
})
