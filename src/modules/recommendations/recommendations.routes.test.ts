import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../../../test/helpers/context.js'
import { createPerson, runBatch, waitForRun } from '../../../test/helpers/factories.js'
import { adminActions, blocks, likes, recommendationLists, users } from '../../core/db/schema.js'
import { addWeeks, weekOf } from '../../core/time.js'

let ctx: TestContext
let admin: SignedIn
let man: SignedIn
let shy: SignedIn
let open: SignedIn
before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  ctx.clock.set('2026-11-26T05:00:00Z')
  admin = await signIn(ctx.app, '1')
  man = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994, keywords: ['등산'] })
  shy = await createPerson(ctx.app, {
    kakaoId: '200',
    gender: 'F',
    birthYear: 1996,
    visible: { age: false, region: false, job: false, intro: false, height: false },
  })
  open = await createPerson(ctx.app, {
    kakaoId: '201',
    gender: 'F',
    birthYear: 1995,
    keywords: ['등산'],
    visible: { height: true },
  })
})

const recs = (who: SignedIn, query = '') =>
  ctx.app.inject({ method: 'GET', url: `/recommendations${query}`, headers: who.headers })

describe('GET /recommendations', () => {
  it('returns the caller’s list, best first, each profile as its owner lets others see it', async () => {
    await runBatch(ctx.app, admin)
    const week = weekOf(ctx.clock.now())
    const res = await recs(man, `?week=${week}`)
    assert.equal(res.statusCode, 200)
    const items = res.json()
    assert.equal(items.length, 2)
    assert.ok(items[0].score >= items[1].score)
    assert.equal(items[0].targetUserId, open.userId, 'shared interests rank first')
    for (const item of items) {
      assert.equal(item.batchWeek, week)
      assert.equal(item.liked, false)
      assert.equal(item.profile.birthYear, undefined, 'the birth year is never shown to others')
    }
    const shyItem = items.find((i: { targetUserId: string }) => i.targetUserId === shy.userId)
    assert.deepEqual(Object.keys(shyItem.profile).sort(), ['gender', 'nickname', 'photos', 'userId'])
    const openItem = items[0]
    assert.equal(openItem.profile.age, 31)
    assert.equal(openItem.profile.height, 170)
    assert.equal(openItem.profile.region, '서울')
  })

  it('defaults to the newest week the caller has a list for', async () => {
    assert.deepEqual((await recs(man)).json(), [])
    await runBatch(ctx.app, admin)
    const week = weekOf(ctx.clock.now())
    // Monday 09:00 KST of the next week, before that week's batch: last week's list is still shown.
    ctx.clock.set('2026-11-30T00:00:00Z')
    const res = await recs(man)
    assert.equal(res.json().length, 2)
    assert.equal(res.json()[0].batchWeek, week)
    assert.deepEqual((await recs(man, `?week=${addWeeks(week, 1)}`)).json(), [])
  })

  it('marks the people the caller liked', async () => {
    await runBatch(ctx.app, admin)
    const week = weekOf(ctx.clock.now())
    await ctx.database.db.insert(likes).values({ fromUser: man.userId, toUser: shy.userId, batchWeek: week })
    const items = (await recs(man)).json()
    assert.equal(items.find((i: { targetUserId: string }) => i.targetUserId === shy.userId).liked, true)
    assert.equal(items.find((i: { targetUserId: string }) => i.targetUserId === open.userId).liked, false)
  })

  it('drops people who were since banned, deleted or blocked either way', async () => {
    await runBatch(ctx.app, admin)
    await ctx.database.db.update(users).set({ banned: true }).where(eq(users.id, shy.userId))
    assert.deepEqual(
      (await recs(man)).json().map((i: { targetUserId: string }) => i.targetUserId),
      [open.userId],
    )
    await ctx.database.db.insert(blocks).values({ blockerId: open.userId, blockedId: man.userId })
    assert.deepEqual((await recs(man)).json(), [])
    await ctx.database.db.update(users).set({ deletedAt: ctx.clock.now() }).where(eq(users.id, man.userId))
    assert.equal((await recs(shy)).statusCode, 403, 'shy is banned')
  })

  it('shows only the caller’s own recommendations', async () => {
    await runBatch(ctx.app, admin)
    const mine = (await recs(open)).json()
    assert.deepEqual(
      mine.map((i: { targetUserId: string }) => i.targetUserId),
      [man.userId],
    )
    const rows = await ctx.database.db
      .select()
      .from(recommendationLists)
      .where(eq(recommendationLists.userId, open.userId))
    assert.equal(rows.length, 1)
    assert.equal(rows[0]?.targets.length, 1)
  })

  for (const week of ['2025-W53', '2026-W54', '2026-W7', '2026-W00', 'next', '2026-53']) {
    it(`answers 400 for the week "${week}"`, async () => {
      const res = await recs(man, `?week=${encodeURIComponent(week)}`)
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().error.code, 'INVALID_WEEK')
    })
  }

  it('requires a token', async () => {
    assert.equal((await ctx.app.inject({ method: 'GET', url: '/recommendations' })).statusCode, 401)
  })

  it('refuses a caller banned, deleted or signed out everywhere since the token was issued, list or not', async () => {
    await runBatch(ctx.app, admin)
    const week = weekOf(ctx.clock.now())
    assert.equal((await recs(man)).json().length, 2)
    await ctx.database.db.update(users).set({ banned: true }).where(eq(users.id, man.userId))
    for (const query of ['', `?week=${week}`, '?week=2026-W54']) {
      const res = await recs(man, query)
      assert.equal(res.statusCode, 403, `${query}: account errors come before the week's`)
      assert.deepEqual(Object.keys(res.json()), ['error'])
      assert.equal(res.json().error.code, 'USER_BANNED')
    }
    await ctx.database.db
      .update(users)
      .set({ banned: false, tokenVersion: 1 })
      .where(eq(users.id, man.userId))
    for (const query of ['', `?week=${week}`, '?week=2026-W54']) {
      const res = await recs(man, query)
      assert.equal(res.statusCode, 401)
      assert.equal(res.json().error.code, 'TOKEN_REVOKED')
    }
    await ctx.database.db.update(users).set({ deletedAt: ctx.clock.now() }).where(eq(users.id, open.userId))
    const deleted = await recs(open)
    assert.equal(deleted.statusCode, 401)
    assert.equal(deleted.json().error.code, 'TOKEN_REVOKED')
  })

  it('notes the caller as active', async () => {
    const lastActive = async (who: SignedIn) => {
      await ctx.app.activity.flush()
      const [row] = await ctx.database.db.select().from(users).where(eq(users.id, who.userId))
      return row?.lastActiveAt?.toISOString()
    }
    ctx.clock.advance(3_600_000)
    assert.equal((await recs(man)).statusCode, 200)
    assert.equal(await lastActive(man), ctx.clock.now().toISOString())
  })
})

describe('POST /admin/recs/run and GET /admin/recs/runs/:runId', () => {
  it('answers 202 with the run, audits it as recs.run, and reports progress', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/admin/recs/run', headers: admin.headers })
    assert.equal(res.statusCode, 202)
    const { runId, week, status } = res.json()
    assert.equal(week, weekOf(ctx.clock.now()))
    assert.equal(status, 'queued')
    await waitForRun(ctx.app, admin, runId)
    const finished = await runBatch(ctx.app, admin)
    assert.equal(finished.recommendationsWritten, 0, 'the week was already built by the first run')
    const run = (
      await ctx.app.inject({ method: 'GET', url: `/admin/recs/runs/${runId}`, headers: admin.headers })
    ).json()
    assert.equal(run.status, 'succeeded')
    assert.equal(run.trigger, 'admin')
    assert.equal(run.requestedBy, admin.userId)
    assert.equal(run.usersTotal, 3)
    assert.equal(run.usersProcessed, 3)
    assert.equal(run.recommendationsWritten, 4)
    const audit = await ctx.database.db.select().from(adminActions).where(eq(adminActions.targetId, runId))
    assert.equal(audit.length, 1)
    assert.equal(audit[0]?.action, 'recs.run')
    assert.equal(audit[0]?.adminId, admin.userId)
    assert.deepEqual(audit[0]?.detail, { week })
  })

  it('builds next week on request, and refuses other weeks', async () => {
    const next = addWeeks(weekOf(ctx.clock.now()), 1)
    assert.equal((await runBatch(ctx.app, admin, next)).status, 'succeeded')
    for (const week of [addWeeks(weekOf(ctx.clock.now()), -1), addWeeks(weekOf(ctx.clock.now()), 2)]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/admin/recs/run',
        headers: admin.headers,
        payload: { week },
      })
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().error.code, 'WEEK_NOT_ALLOWED')
    }
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/admin/recs/run',
      headers: admin.headers,
      payload: { week: '2025-W53' },
    })
    assert.equal(bad.json().error.code, 'INVALID_WEEK')
  })

  it('is for admins only: 401 without a token, 403 for a user', async () => {
    for (const [method, url] of [
      ['POST', '/admin/recs/run'],
      ['GET', '/admin/recs/runs/00000000-0000-4000-8000-000000000000'],
    ] as const) {
      assert.equal((await ctx.app.inject({ method, url })).statusCode, 401)
      const res = await ctx.app.inject({ method, url, headers: man.headers })
      assert.equal(res.statusCode, 403)
      assert.equal(res.json().error.code, 'ADMIN_ONLY')
    }
  })

  it('answers 404 for an unknown run and 400 for a malformed id', async () => {
    const missing = await ctx.app.inject({
      method: 'GET',
      url: '/admin/recs/runs/00000000-0000-4000-8000-000000000000',
      headers: admin.headers,
    })
    assert.equal(missing.statusCode, 404)
    assert.equal(missing.json().error.code, 'RUN_NOT_FOUND')
    const bad = await ctx.app.inject({
      method: 'GET',
      url: '/admin/recs/runs/not-a-uuid',
      headers: admin.headers,
    })
    assert.equal(bad.statusCode, 400)
  })
})
