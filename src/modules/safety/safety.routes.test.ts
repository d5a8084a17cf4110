import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../../../test/helpers/context.js'
import { createPerson, like, recommend } from '../../../test/helpers/factories.js'
import { adminActions, blocks, matches, reports, users } from '../../core/db/schema.js'
import { weekOf } from '../../core/time.js'

let ctx: TestContext
let admin: SignedIn
let minsu: SignedIn
let jieun: SignedIn
let stranger: SignedIn
let week: string
before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  week = weekOf(ctx.clock.now())
  admin = await signIn(ctx.app, '1')
  minsu = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
  stranger = await createPerson(ctx.app, { kakaoId: '300', gender: 'F', birthYear: 1995 })
  await recommend(ctx.database, minsu, jieun, week)
  await recommend(ctx.database, jieun, minsu, week)
})

const call = (who: SignedIn | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: who ? who.headers : {}, ...(payload ? { payload } : {}) })

async function matchThem(): Promise<string> {
  await like(ctx.app, minsu, jieun, week)
  return (await like(ctx.app, jieun, minsu, week)).json().matchId
}

describe('blocks', () => {
  it('blocks someone recommended, hides them from the list at once, and closes the match between them', async () => {
    const matchId = await matchThem()
    assert.equal((await call(minsu, 'GET', '/recommendations')).json().length, 1)
    const res = await call(minsu, 'POST', '/blocks', { userId: jieun.userId })
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().userId, jieun.userId)
    assert.equal(res.json().nickname, '사람200')
    assert.deepEqual((await call(minsu, 'GET', '/recommendations')).json(), [])
    assert.deepEqual((await call(jieun, 'GET', '/recommendations')).json(), [], 'hidden both ways')
    const [match] = await ctx.database.db.select().from(matches).where(eq(matches.id, matchId))
    assert.equal(match?.status, 'closed')
    assert.equal(
      (await call(minsu, 'POST', '/blocks', { userId: jieun.userId })).statusCode,
      200,
      'idempotent',
    )
    assert.equal((await ctx.database.db.select().from(blocks)).length, 1)
  })

  it('lists and removes blocks', async () => {
    await call(minsu, 'POST', '/blocks', { userId: jieun.userId })
    const list = (await call(minsu, 'GET', '/blocks')).json()
    assert.deepEqual(
      list.map((b: { userId: string }) => b.userId),
      [jieun.userId],
    )
    assert.equal((await call(minsu, 'DELETE', `/blocks/${jieun.userId}`)).statusCode, 204)
    assert.deepEqual((await call(minsu, 'GET', '/blocks')).json(), [])
    const again = await call(minsu, 'DELETE', `/blocks/${jieun.userId}`)
    assert.equal(again.statusCode, 404)
    assert.equal(again.json().error.code, 'BLOCK_NOT_FOUND')
  })

  it('answers 404 for people never recommended or matched, oneself, and unknown ids', async () => {
    for (const userId of [stranger.userId, minsu.userId, '00000000-0000-4000-8000-000000000000']) {
      const res = await call(minsu, 'POST', '/blocks', { userId })
      assert.equal(res.statusCode, 404)
      assert.equal(res.json().error.code, 'USER_NOT_FOUND')
    }
    assert.equal((await call(minsu, 'POST', '/blocks', { userId: 'x' })).statusCode, 400)
    assert.equal((await call(null, 'POST', '/blocks', { userId: jieun.userId })).statusCode, 401)
  })

  it('lets a match block even if the recommendation was the other way round', async () => {
    await ctx.database.db
      .insert(matches)
      .values({ userA: stranger.userId, userB: minsu.userId, status: 'active' })
    assert.equal((await call(minsu, 'POST', '/blocks', { userId: stranger.userId })).statusCode, 200)
  })
})

describe('reports', () => {
  it('records a report, refuses a second open one with 409, and does not block', async () => {
    const res = await call(minsu, 'POST', '/reports', {
      reportedUserId: jieun.userId,
      reason: 'scam',
      detail: '송금 요구',
    })
    assert.equal(res.statusCode, 201)
    assert.equal(res.json().reason, 'scam')
    assert.equal(res.json().handled, false)
    const again = await call(minsu, 'POST', '/reports', { reportedUserId: jieun.userId, reason: 'spam' })
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().error.code, 'REPORT_ALREADY_OPEN')
    assert.equal((await ctx.database.db.select().from(blocks)).length, 0)
    assert.equal((await call(minsu, 'GET', '/recommendations')).json().length, 1)
  })

  it('validates the reason and the detail, and answers 404 for strangers', async () => {
    for (const payload of [
      { reportedUserId: jieun.userId, reason: 'rude' },
      { reportedUserId: jieun.userId, reason: 'spam', detail: 'x'.repeat(1001) },
      { reason: 'spam' },
    ]) {
      assert.equal(
        (await call(minsu, 'POST', '/reports', payload)).statusCode,
        400,
        JSON.stringify(payload).slice(0, 60),
      )
    }
    assert.equal(
      (await call(minsu, 'POST', '/reports', { reportedUserId: stranger.userId, reason: 'spam' })).statusCode,
      404,
    )
  })
})

describe('admin report handling', () => {
  let reportId: string
  beforeEach(async () => {
    reportId = (
      await call(minsu, 'POST', '/reports', { reportedUserId: jieun.userId, reason: 'harassment' })
    ).json().id
  })

  it('lists reports with pagination and a handled filter', async () => {
    const page = (await call(admin, 'GET', '/admin/reports?handled=false&page=1&pageSize=10')).json()
    assert.equal(page.total, 1)
    assert.equal(page.page, 1)
    assert.equal(page.pageSize, 10)
    assert.equal(page.items[0].id, reportId)
    assert.equal(page.items[0].reporterId, minsu.userId)
    assert.equal((await call(admin, 'GET', '/admin/reports?handled=true')).json().total, 0)
    assert.equal((await call(admin, 'GET', '/admin/reports?pageSize=1000')).statusCode, 400)
  })

  it('dismisses, audited, and refuses to handle twice', async () => {
    const res = await call(admin, 'POST', `/admin/reports/${reportId}/handle`, {
      action: 'dismiss',
      memo: '증거 없음',
    })
    assert.equal(res.statusCode, 200)
    const [report] = await ctx.database.db.select().from(reports)
    assert.equal(report?.handled, true)
    assert.equal(report?.handledBy, admin.userId)
    const audit = await ctx.database.db.select().from(adminActions)
    assert.deepEqual(
      audit.map((a) => a.action),
      ['report.dismiss'],
    )
    const again = await call(admin, 'POST', `/admin/reports/${reportId}/handle`, { action: 'ban' })
    assert.equal(again.statusCode, 409)
    assert.equal((await ctx.database.db.select().from(adminActions)).length, 1)
    const [user] = await ctx.database.db.select().from(users).where(eq(users.id, jieun.userId))
    assert.equal(user?.banned, false)
  })

  it('bans: the user is locked out at once, their matches close, both changes audited', async () => {
    const matchId = await matchThem()
    const res = await call(admin, 'POST', `/admin/reports/${reportId}/handle`, {
      action: 'ban',
      memo: '반복 괴롭힘',
    })
    assert.equal(res.statusCode, 200)
    const me = await call(jieun, 'GET', '/me')
    assert.equal(me.statusCode, 403)
    assert.equal(me.json().error.code, 'USER_BANNED')
    const [match] = await ctx.database.db.select().from(matches).where(eq(matches.id, matchId))
    assert.equal(match?.status, 'closed')
    const actions = (await ctx.database.db.select().from(adminActions)).map((a) => a.action).sort()
    assert.deepEqual(actions, ['report.ban', 'user.ban'])
    assert.deepEqual((await call(minsu, 'GET', '/matches')).json(), [], 'a banned person is shown nowhere')
  })

  it('is for admins only, and answers 404 for an unknown report', async () => {
    assert.equal((await call(null, 'GET', '/admin/reports')).statusCode, 401)
    assert.equal((await call(minsu, 'GET', '/admin/reports')).statusCode, 403)
    assert.equal(
      (await call(minsu, 'POST', `/admin/reports/${reportId}/handle`, { action: 'ban' })).statusCode,
      403,
    )
    const unknown = await call(admin, 'POST', '/admin/reports/00000000-0000-4000-8000-000000000000/handle', {
      action: 'dismiss',
    })
    assert.equal(unknown.statusCode, 404)
    assert.equal(
      (await call(admin, 'POST', `/admin/reports/${reportId}/handle`, { action: 'shrug' })).statusCode,
      400,
    )
  })
})
