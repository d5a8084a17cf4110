import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../../../test/helpers/context.js'
import {
  acceptConsents,
  createPerson,
  like,
  recommend,
  recommendationOf,
} from '../../../test/helpers/factories.js'
import { blocks, likes, matches, payments, profiles, users } from '../../core/db/schema.js'
import { addWeeks, weekOf } from '../../core/time.js'

let ctx: TestContext
let minsu: SignedIn
let jieun: SignedIn
let week: string
before(async () => {
  ctx = await createTestContext()
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  ctx.clock.set('2026-11-26T05:00:00Z')
  week = weekOf(ctx.clock.now())
  minsu = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994, job: '개발자' })
  jieun = await createPerson(ctx.app, {
    kakaoId: '200',
    gender: 'F',
    birthYear: 1996,
    job: '디자이너',
    visible: { job: false },
  })
  await recommend(ctx.database, minsu, jieun, week)
  await recommend(ctx.database, jieun, minsu, week)
})

const get = (who: SignedIn, url: string) => ctx.app.inject({ method: 'GET', url, headers: who.headers })
const matchRows = () => ctx.database.db.select().from(matches)

describe('POST /likes', () => {
  it('records a like, marks the recommendation responded, and matches when both like', async () => {
    const first = await like(ctx.app, minsu, jieun, week)
    assert.equal(first.statusCode, 200)
    assert.deepEqual(first.json(), { ok: true, matched: false })
    assert.equal((await recommendationOf(ctx.database, minsu, jieun, week))?.responded, true)
    assert.equal((await recommendationOf(ctx.database, jieun, minsu, week))?.responded, false)
    assert.equal((await matchRows()).length, 0)

    const second = await like(ctx.app, jieun, minsu, week)
    assert.equal(second.json().matched, true)
    const rows = await matchRows()
    assert.equal(rows.length, 1)
    assert.equal(rows[0]?.status, 'pending')
    assert.equal(second.json().matchId, rows[0]?.id)
  })

  it('is harmless twice: the same answer and one row', async () => {
    await like(ctx.app, jieun, minsu, week)
    const a = await like(ctx.app, minsu, jieun, week)
    const b = await like(ctx.app, minsu, jieun, week)
    assert.deepEqual(a.json(), b.json())
    assert.equal(
      (await ctx.database.db.select().from(likes).where(eq(likes.fromUser, minsu.userId))).length,
      1,
    )
    assert.equal((await matchRows()).length, 1)
  })

  it('accepts last week’s list and refuses older weeks, future weeks and people not recommended with 404', async () => {
    const lastWeek = addWeeks(week, -1)
    await recommend(ctx.database, minsu, jieun, lastWeek)
    assert.equal((await like(ctx.app, minsu, jieun, lastWeek)).statusCode, 200)
    const stranger = await createPerson(ctx.app, { kakaoId: '300', gender: 'F', birthYear: 1995 })
    const old = addWeeks(week, -2)
    await recommend(ctx.database, minsu, stranger, old)
    for (const [to, w] of [
      [stranger, week],
      [stranger, old],
      [jieun, addWeeks(week, 1)],
      [minsu, week],
    ] as const) {
      const res = await like(ctx.app, minsu, to, w)
      assert.equal(res.statusCode, 404, `${to.userId} ${w}`)
      assert.equal(res.json().error.code, 'RECOMMENDATION_NOT_FOUND')
    }
    const ghost = await ctx.app.inject({
      method: 'POST',
      url: '/likes',
      headers: minsu.headers,
      payload: { toUserId: '00000000-0000-4000-8000-000000000000', batchWeek: week },
    })
    assert.equal(ghost.statusCode, 404)
  })

  it('refuses someone blocked either way, banned or deleted with 404', async () => {
    await ctx.database.db.insert(blocks).values({ blockerId: jieun.userId, blockedId: minsu.userId })
    assert.equal((await like(ctx.app, minsu, jieun, week)).statusCode, 404)
    await ctx.database.db.delete(blocks)
    await ctx.database.db.update(users).set({ banned: true }).where(eq(users.id, jieun.userId))
    assert.equal((await like(ctx.app, minsu, jieun, week)).statusCode, 404)
    await ctx.database.db
      .update(users)
      .set({ banned: false, deletedAt: ctx.clock.now() })
      .where(eq(users.id, jieun.userId))
    assert.equal((await like(ctx.app, minsu, jieun, week)).statusCode, 404)
    assert.equal((await ctx.database.db.select().from(likes)).length, 0)
  })

  it('answers 400 for malformed input and 401 without a token', async () => {
    for (const payload of [
      { toUserId: 'nope', batchWeek: week },
      { toUserId: jieun.userId, batchWeek: '2025-W53' },
      { toUserId: jieun.userId },
      {},
    ]) {
      const res = await ctx.app.inject({ method: 'POST', url: '/likes', headers: minsu.headers, payload })
      assert.equal(res.statusCode, 400, JSON.stringify(payload))
    }
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/likes',
      payload: { toUserId: jieun.userId, batchWeek: week },
    })
    assert.equal(anonymous.statusCode, 401)
  })

  it('reuses the pair’s match and never reopens a closed one', async () => {
    await like(ctx.app, minsu, jieun, week)
    const matchId = (await like(ctx.app, jieun, minsu, week)).json().matchId
    await ctx.database.db.update(matches).set({ status: 'closed' }).where(eq(matches.id, matchId))
    const lastWeek = addWeeks(week, -1)
    await recommend(ctx.database, jieun, minsu, lastWeek)
    const again = await like(ctx.app, jieun, minsu, lastWeek)
    assert.deepEqual(again.json(), { ok: true, matched: false })
    assert.equal((await matchRows()).length, 1)
  })
})

describe('GET /matches and GET /matches/:matchId', () => {
  let matchId: string
  beforeEach(async () => {
    await like(ctx.app, minsu, jieun, week)
    matchId = (await like(ctx.app, jieun, minsu, week)).json().matchId
  })

  it('lists the caller’s matches newest first with the other public profile and no payment yet', async () => {
    const other = await createPerson(ctx.app, { kakaoId: '300', gender: 'F', birthYear: 1997 })
    await recommend(ctx.database, minsu, other, week)
    await recommend(ctx.database, other, minsu, week)
    ctx.clock.advance(60_000)
    await like(ctx.app, other, minsu, week)
    const newer = (await like(ctx.app, minsu, other, week)).json().matchId
    const list = (await get(minsu, '/matches')).json()
    assert.deepEqual(
      list.map((m: { id: string }) => m.id),
      [newer, matchId],
    )
    const first = list[1]
    assert.equal(first.status, 'pending')
    assert.equal(first.otherUserId, jieun.userId)
    assert.equal(first.payment, null)
    assert.equal(first.otherProfile.job, undefined, 'hidden by her visibility settings')
    assert.equal(first.otherProfile.birthYear, undefined)
    assert.equal((await get(jieun, '/matches')).json().length, 1)
  })

  it('shows the latest payment of a match', async () => {
    const [payment] = await ctx.database.db
      .insert(payments)
      .values({ matchId, amount: 30000, code: 'KM4F7Q', expiresAt: new Date('2026-12-01T00:00:00Z') })
      .returning()
    const [item] = (await get(minsu, '/matches')).json()
    assert.deepEqual(item.payment, { id: payment?.id, status: 'pending' })
  })

  it('shows the other person as their visibility settings allow, before and after activation', async () => {
    const pending = (await get(minsu, `/matches/${matchId}`)).json()
    assert.equal(pending.match.status, 'pending')
    assert.equal(pending.otherProfile.job, undefined)
    assert.equal(pending.otherProfile.contact, undefined)
    await ctx.database.db
      .update(matches)
      .set({ status: 'active', activatedAt: ctx.clock.now() })
      .where(eq(matches.id, matchId))
    const active = (await get(minsu, `/matches/${matchId}`)).json()
    assert.equal(active.match.status, 'active')
    // Her settings: job hidden, height hidden by default; age shown (derived), the year never.
    assert.deepEqual(active.otherProfile, pending.otherProfile)
    assert.equal(active.otherProfile.job, undefined)
    assert.equal(active.otherProfile.height, undefined)
    assert.equal(active.otherProfile.age, 30)
    assert.equal(active.otherProfile.birthYear, undefined)
    assert.ok(!JSON.stringify(active).includes('1996'))
  })

  it('answers 404 for someone else’s match and for an unknown one', async () => {
    const outsider = await signIn(ctx.app, '999')
    const res = await get(outsider, `/matches/${matchId}`)
    assert.equal(res.statusCode, 404)
    assert.equal(res.json().error.code, 'MATCH_NOT_FOUND')
    assert.equal((await get(minsu, '/matches/00000000-0000-4000-8000-000000000000')).statusCode, 404)
    assert.equal((await get(minsu, '/matches/not-a-uuid')).statusCode, 400)
    const close = await ctx.app.inject({
      method: 'POST',
      url: `/matches/${matchId}/close`,
      headers: outsider.headers,
    })
    assert.equal(close.statusCode, 404)
  })
})

describe('POST /matches/:matchId/close', () => {
  it('closes for either participant, idempotently, and settles the payment', async () => {
    await like(ctx.app, minsu, jieun, week)
    const matchId = (await like(ctx.app, jieun, minsu, week)).json().matchId
    await ctx.database.db.insert(payments).values({
      matchId,
      amount: 30000,
      code: 'KM4F7Q',
      status: 'verified',
      expiresAt: new Date('2026-12-01T00:00:00Z'),
    })
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/matches/${matchId}/close`,
      headers: jieun.headers,
    })
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json(), { ok: true })
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/matches/${matchId}/close`,
      headers: minsu.headers,
    })
    assert.equal(again.statusCode, 200)
    const [match] = await matchRows()
    assert.equal(match?.status, 'closed')
    assert.ok(match?.closedAt)
    const [payment] = await ctx.database.db.select().from(payments)
    assert.equal(
      payment?.status,
      'refund_due',
      'a verified payment of a match closed before activation is owed back',
    )
  })
})

describe('mutual likes at the same instant', () => {
  it('make exactly one match per pair (50 pairs liking each other concurrently)', async () => {
    const pairs: Array<[SignedIn, SignedIn]> = []
    for (let i = 0; i < 50; i++) {
      const a = await signIn(ctx.app, `70${i}`)
      const b = await signIn(ctx.app, `80${i}`)
      await acceptConsents(ctx.app, a)
      await acceptConsents(ctx.app, b)
      await recommend(ctx.database, a, b, week)
      await recommend(ctx.database, b, a, week)
      pairs.push([a, b])
    }
    const results = await Promise.all(
      pairs.flatMap(([a, b]) => [like(ctx.app, a, b, week), like(ctx.app, b, a, week)]),
    )
    assert.ok(results.every((r) => r.statusCode === 200))
    const rows = await matchRows()
    assert.equal(rows.length, 50)
    for (let i = 0; i < 50; i++) {
      const [ra, rb] = [results[2 * i]?.json(), results[2 * i + 1]?.json()]
      assert.ok(ra.matched || rb.matched, `pair ${i} was told about its match`)
      const ids = [ra.matchId, rb.matchId].filter(Boolean)
      assert.equal(new Set(ids).size, 1)
    }
  })
})

describe('GET /matches is bounded', () => {
  it('lists at most the newest 200 matches', async () => {
    const db = ctx.database.db
    const others = await db
      .insert(users)
      .values(Array.from({ length: 205 }, (_, i) => ({ kakaoUserId: `b${i}` })))
      .returning({ id: users.id })
    await db
      .insert(profiles)
      .values(others.map((o) => ({ userId: o.id, nickname: 'x', gender: 'F' as const, birthYear: 1995 })))
    await db.insert(matches).values(
      others.map((o, i) => ({
        userA: minsu.userId,
        userB: o.id,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    )
    const list = (await get(minsu, '/matches')).json()
    assert.equal(list.length, 200)
    assert.equal(list[0].otherUserId, others[204]?.id, 'newest first')
  })
})
