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
import { blocks, likes, matches, notifications, passes, profiles, users } from '../../core/db/schema.js'
import { addWeeks, weekOf } from '../../core/time.js'

let ctx: TestContext
let minsu: SignedIn
let jieun: SignedIn
let week: string
let lastWeek: string

before(async () => {
  ctx = await createTestContext()
})
after(() => ctx.close())

beforeEach(async () => {
  await ctx.reset()
  ctx.clock.set('2026-11-26T05:00:00Z')
  week = weekOf(ctx.clock.now())
  lastWeek = addWeeks(week, -1)
  minsu = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(ctx.app, {
    kakaoId: '200',
    gender: 'F',
    birthYear: 1996,
    job: '디자이너',
    visible: { job: false },
  })
  // Only she has him in her list: he can answer her like, not like her on his own.
  await recommend(ctx.database, jieun, minsu, week)
})

const received = async (who: SignedIn) => {
  const res = await ctx.app.inject({ method: 'GET', url: '/likes/received', headers: who.headers })
  assert.equal(res.statusCode, 200, res.body)
  return res.json() as Array<{
    fromUserId: string
    batchWeek: string
    likedAt: string
    profile: Record<string, unknown>
  }>
}
const pass = (from: SignedIn, to: SignedIn | string, batchWeek: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/likes/pass',
    headers: from.headers,
    payload: { toUserId: typeof to === 'string' ? to : to.userId, batchWeek },
  })
const notificationsOf = (who: SignedIn) =>
  ctx.database.db.select().from(notifications).where(eq(notifications.userId, who.userId))

describe('GET /likes/received', () => {
  it('lists who liked you, with their public profile as their settings allow, and tells you once', async () => {
    assert.deepEqual(await received(minsu), [])
    ctx.clock.advance(60_000)
    assert.equal((await like(ctx.app, jieun, minsu, week)).statusCode, 200)
    const list = await received(minsu)
    assert.equal(list.length, 1)
    assert.equal(list[0]?.fromUserId, jieun.userId)
    assert.equal(list[0]?.batchWeek, week)
    assert.equal(list[0]?.likedAt, '2026-11-26T05:01:00.000Z')
    assert.equal(list[0]?.profile.nickname, '사람200')
    assert.equal(list[0]?.profile.job, undefined, 'hidden by her visibility settings')
    assert.equal(list[0]?.profile.age, 30)
    assert.equal(list[0]?.profile.birthYear, undefined)
    assert.deepEqual(await received(jieun), [], 'a like is the receiver’s to see')

    const told = await notificationsOf(minsu)
    assert.equal(told.length, 1)
    assert.equal(told[0]?.type, 'like.received')
    assert.deepEqual(told[0]?.data, { fromUserId: jieun.userId, batchWeek: week })
    await like(ctx.app, jieun, minsu, week)
    assert.equal((await notificationsOf(minsu)).length, 1, 'liking again is not news')
    assert.equal((await notificationsOf(jieun)).length, 0)
  })

  it('shows each person once (their newest like), newest first, from this and last week only', async () => {
    const sora = await createPerson(ctx.app, { kakaoId: '300', gender: 'F', birthYear: 1995 })
    const yuna = await createPerson(ctx.app, { kakaoId: '400', gender: 'F', birthYear: 1997 })
    await recommend(ctx.database, jieun, minsu, lastWeek)
    await recommend(ctx.database, sora, minsu, week)
    await recommend(ctx.database, yuna, minsu, addWeeks(week, -2))
    await like(ctx.app, jieun, minsu, lastWeek)
    ctx.clock.advance(60_000)
    await like(ctx.app, sora, minsu, week)
    ctx.clock.advance(60_000)
    await like(ctx.app, jieun, minsu, week)
    // A like from two weeks ago is too old to answer (as it is to make).
    await ctx.database.db
      .insert(likes)
      .values({ fromUser: yuna.userId, toUser: minsu.userId, batchWeek: addWeeks(week, -2) })
    const list = await received(minsu)
    assert.deepEqual(
      list.map((r) => [r.fromUserId, r.batchWeek]),
      [
        [jieun.userId, week],
        [sora.userId, week],
      ],
    )
  })

  it('leaves out people blocked either way, banned, deleted, matched or unmatched', async () => {
    const people: SignedIn[] = []
    for (let i = 0; i < 5; i++) {
      const p = await createPerson(ctx.app, { kakaoId: `5${i}`, gender: 'F', birthYear: 1995 })
      await recommend(ctx.database, p, minsu, week)
      await like(ctx.app, p, minsu, week)
      people.push(p)
    }
    const [blocker, blocked, banned, deleted, unmatched] = people as [
      SignedIn,
      SignedIn,
      SignedIn,
      SignedIn,
      SignedIn,
    ]
    assert.equal((await received(minsu)).length, 5)
    const db = ctx.database.db
    await db.insert(blocks).values({ blockerId: blocker.userId, blockedId: minsu.userId })
    await db.insert(blocks).values({ blockerId: minsu.userId, blockedId: blocked.userId })
    await db.update(users).set({ banned: true }).where(eq(users.id, banned.userId))
    assert.equal(
      (await ctx.app.inject({ method: 'DELETE', url: '/me', headers: deleted.headers })).statusCode,
      204,
    )
    await db.insert(matches).values({ userA: unmatched.userId, userB: minsu.userId, status: 'closed' })
    assert.deepEqual(await received(minsu), [])
  })

  it('lists at most the newest 200', async () => {
    const db = ctx.database.db
    const others = await db
      .insert(users)
      .values(Array.from({ length: 205 }, (_, i) => ({ kakaoUserId: `r${i}` })))
      .returning({ id: users.id })
    await db
      .insert(profiles)
      .values(others.map((o) => ({ userId: o.id, nickname: 'x', gender: 'F' as const, birthYear: 1995 })))
    await db.insert(likes).values(
      others.map((o, i) => ({
        fromUser: o.id,
        toUser: minsu.userId,
        batchWeek: week,
        createdAt: new Date(Date.UTC(2026, 10, 23, 0, i)),
      })),
    )
    const list = await received(minsu)
    assert.equal(list.length, 200)
    assert.equal(list[0]?.fromUserId, others[204]?.id, 'newest first')
  })

  it('requires a token', async () => {
    assert.equal((await ctx.app.inject({ method: 'GET', url: '/likes/received' })).statusCode, 401)
  })
})

describe('liking back', () => {
  beforeEach(async () => {
    await like(ctx.app, jieun, minsu, week)
  })

  it('makes the match even though she is not in his list, and tells both', async () => {
    const res = await like(ctx.app, minsu, jieun, week)
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().matched, true)
    const rows = await ctx.database.db.select().from(matches)
    assert.equal(rows.length, 1)
    assert.equal(res.json().matchId, rows[0]?.id)
    assert.deepEqual(await received(minsu), [], 'answered')
    for (const who of [minsu, jieun]) {
      const created = (await notificationsOf(who)).filter((n) => n.type === 'match.created')
      assert.deepEqual(
        created.map((n) => n.data),
        [{ matchId: rows[0]?.id }],
      )
    }
    assert.equal((await like(ctx.app, minsu, jieun, week)).json().matchId, rows[0]?.id, 'again: same match')
    assert.equal(
      (await ctx.database.db.select().from(notifications)).length,
      3,
      'like.received + 2 × match.created',
    )
  })

  it('is only for the week of her like, and not after he passed', async () => {
    const wrongWeek = await like(ctx.app, minsu, jieun, lastWeek)
    assert.equal(wrongWeek.statusCode, 404)
    assert.equal(wrongWeek.json().error.code, 'RECOMMENDATION_NOT_FOUND')
    assert.equal((await pass(minsu, jieun, week)).statusCode, 204)
    const afterPass = await like(ctx.app, minsu, jieun, week)
    assert.equal(afterPass.statusCode, 404)
    assert.equal(afterPass.json().error.code, 'RECOMMENDATION_NOT_FOUND')
    assert.equal((await ctx.database.db.select().from(matches)).length, 0)
  })

  it('keeps today’s 404s: blocked, banned, deleted', async () => {
    await ctx.database.db.insert(blocks).values({ blockerId: jieun.userId, blockedId: minsu.userId })
    assert.equal((await like(ctx.app, minsu, jieun, week)).statusCode, 404)
    await ctx.database.db.delete(blocks)
    await ctx.database.db.update(users).set({ banned: true }).where(eq(users.id, jieun.userId))
    assert.equal((await like(ctx.app, minsu, jieun, week)).statusCode, 404)
    assert.equal((await ctx.database.db.select().from(matches)).length, 0)
  })
})

describe('POST /likes/pass', () => {
  it('declines a received like: gone from the list, liking that week is 404, she is not told', async () => {
    await like(ctx.app, jieun, minsu, week)
    const before = await ctx.database.db.select().from(notifications)
    const res = await pass(minsu, jieun, week)
    assert.equal(res.statusCode, 204)
    assert.equal(res.body, '')
    assert.deepEqual(await received(minsu), [])
    assert.equal((await pass(minsu, jieun, week)).statusCode, 204, 'passing twice is harmless')
    assert.deepEqual(await ctx.database.db.select().from(notifications), before, 'nobody is told')
    assert.equal((await ctx.database.db.select().from(likes)).length, 1, 'her like stays as it was')
    // A new like of hers (another week) does not bring him back into her received list nor tell him.
    await recommend(ctx.database, jieun, minsu, lastWeek)
    await like(ctx.app, jieun, minsu, lastWeek)
    assert.deepEqual(await received(minsu), [])
    assert.equal((await notificationsOf(minsu)).length, 1)
  })

  it('declines a recommendation: marked responded, and liking that person that week is 404', async () => {
    const res = await pass(jieun, minsu, week)
    assert.equal(res.statusCode, 204)
    assert.equal((await recommendationOf(ctx.database, jieun, minsu, week))?.responded, true)
    const again = await like(ctx.app, jieun, minsu, week)
    assert.equal(again.statusCode, 404)
    assert.equal(again.json().error.code, 'RECOMMENDATION_NOT_FOUND')
    assert.equal((await ctx.database.db.select().from(passes)).length, 1)
  })

  it('is 404 for someone neither in your list nor liking you, other weeks, yourself and unknown ids', async () => {
    const stranger = await createPerson(ctx.app, { kakaoId: '300', gender: 'F', birthYear: 1995 })
    await recommend(ctx.database, minsu, stranger, addWeeks(week, -2))
    for (const [to, w] of [
      [stranger.userId, week],
      [stranger.userId, addWeeks(week, -2)],
      [jieun.userId, week],
      [minsu.userId, week],
      ['00000000-0000-4000-8000-000000000000', week],
    ] as const) {
      const res = await pass(minsu, to, w)
      assert.equal(res.statusCode, 404, `${to} ${w}`)
      assert.equal(res.json().error.code, 'RECOMMENDATION_NOT_FOUND')
    }
    assert.equal((await ctx.database.db.select().from(passes)).length, 0)
  })

  it('is 403 CONSENT_REQUIRED without the current terms, privacy and adult consents, and passes once they are given', async () => {
    const newcomer = await createPerson(ctx.app, {
      kakaoId: '400',
      gender: 'M',
      birthYear: 1993,
      consents: false,
    })
    await recommend(ctx.database, jieun, newcomer, week)
    await like(ctx.app, jieun, newcomer, week)
    const refused = await pass(newcomer, jieun, week)
    assert.equal(refused.statusCode, 403)
    assert.equal(refused.json().error.code, 'CONSENT_REQUIRED')
    assert.deepEqual(refused.json().error.details, {
      missing: [
        { type: 'terms', version: 'v1' },
        { type: 'privacy', version: 'v1' },
        { type: 'adult', version: 'v1' },
      ],
    })
    assert.equal((await ctx.database.db.select().from(passes)).length, 0, 'nothing stored')
    await acceptConsents(ctx.app, newcomer)
    assert.equal((await pass(newcomer, jieun, week)).statusCode, 204)
    assert.equal((await ctx.database.db.select().from(passes)).length, 1)
  })

  it('is 409 for someone you already liked', async () => {
    await like(ctx.app, jieun, minsu, week)
    const res = await pass(jieun, minsu, week)
    assert.equal(res.statusCode, 409)
    assert.equal(res.json().error.code, 'ALREADY_LIKED')
  })

  it('answers 400 for malformed input, one field at a time, and 401 without a token', async () => {
    for (const payload of [
      { toUserId: 'nope', batchWeek: week },
      { toUserId: minsu.userId, batchWeek: '2025-W53' },
      { toUserId: minsu.userId, batchWeek: 'W48' },
      { toUserId: minsu.userId },
      { batchWeek: week },
    ]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/likes/pass',
        headers: jieun.headers,
        payload,
      })
      assert.equal(res.statusCode, 400, JSON.stringify(payload))
    }
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/likes/pass',
      payload: { toUserId: minsu.userId, batchWeek: week },
    })
    assert.equal(anonymous.statusCode, 401)
  })
})

describe('a like-back race', () => {
  it('makes exactly one match per pair when both like at the same instant (30 pairs)', async () => {
    const pairs: Array<[SignedIn, SignedIn]> = []
    for (let i = 0; i < 30; i++) {
      const a = await signIn(ctx.app, `70${i}`)
      const b = await signIn(ctx.app, `80${i}`)
      await acceptConsents(ctx.app, a)
      await acceptConsents(ctx.app, b)
      // a liked b last week; b never had a in a list. This week a has b in the list again.
      await recommend(ctx.database, a, b, lastWeek)
      await recommend(ctx.database, a, b, week)
      assert.equal((await like(ctx.app, a, b, lastWeek)).statusCode, 200)
      pairs.push([a, b])
    }
    // b likes a back (last week's like) while a likes b from this week's list.
    const results = await Promise.all(
      pairs.flatMap(([a, b]) => [like(ctx.app, a, b, week), like(ctx.app, b, a, lastWeek)]),
    )
    assert.ok(results.every((r) => r.statusCode === 200))
    const rows = await ctx.database.db.select().from(matches)
    assert.equal(rows.length, 30)
    for (let i = 0; i < 30; i++) {
      const [ra, rb] = [results[2 * i]?.json(), results[2 * i + 1]?.json()]
      assert.ok(ra.matched || rb.matched, `pair ${i} was told about its match`)
      assert.equal(new Set([ra.matchId, rb.matchId].filter(Boolean)).size, 1)
    }
    const created = await ctx.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.type, 'match.created'))
    assert.equal(created.length, 60, 'each person is told once')
  })
})
