import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../../../test/helpers/context.js'
import { createPerson, like, recommend } from '../../../test/helpers/factories.js'
import { adminActions, matches, piiAccessLog, users } from '../../core/db/schema.js'
import { weekOf } from '../../core/time.js'

let ctx: TestContext
let admin: SignedIn
let otherAdmin: SignedIn
let minsu: SignedIn
let jieun: SignedIn
let matchId: string
before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1,2' })
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  admin = await signIn(ctx.app, '1')
  otherAdmin = await signIn(ctx.app, '2')
  minsu = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
  await ctx.app.inject({
    method: 'PUT',
    url: '/profile',
    headers: jieun.headers,
    payload: { nickname: '지은', gender: 'F', birthYear: 1996, contact: '010-9876-5432' },
  })
  const week = weekOf(ctx.clock.now())
  await recommend(ctx.database, minsu, jieun, week)
  await recommend(ctx.database, jieun, minsu, week)
  await like(ctx.app, minsu, jieun, week)
  matchId = (await like(ctx.app, jieun, minsu, week)).json().matchId
})

const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: admin.headers })
const post = (url: string, payload: object, who = admin) =>
  ctx.app.inject({ method: 'POST', url, headers: who.headers, payload })

describe('GET /admin/users', () => {
  it('searches by nickname, Kakao id and user id, and shows banned and deleted state', async () => {
    const byNickname = (await get(`/admin/users?query=${encodeURIComponent('지')}`)).json()
    assert.deepEqual(
      byNickname.items.map((u: { id: string }) => u.id),
      [jieun.userId],
    )
    assert.equal((await get('/admin/users?query=100')).json().items[0].id, minsu.userId)
    assert.equal((await get(`/admin/users?query=${minsu.userId}`)).json().total, 1)
    await ctx.database.db.update(users).set({ banned: true }).where(eq(users.id, minsu.userId))
    await ctx.app.inject({ method: 'DELETE', url: '/me', headers: jieun.headers })
    const all = (await get('/admin/users?pageSize=10')).json()
    assert.equal(all.total, 4)
    const find = (id: string) => all.items.find((u: { id: string }) => u.id === id)
    assert.equal(find(minsu.userId).banned, true)
    assert.equal(find(jieun.userId).deleted, true)
    assert.equal(find(jieun.userId).kakaoUserId, null)
  })
})

describe('personal data access', () => {
  it('shows a user without the contact and logs the read', async () => {
    const res = await get(`/admin/users/${jieun.userId}?reason=${encodeURIComponent('신고 검토')}`)
    assert.equal(res.statusCode, 200)
    const body = res.json()
    assert.equal(body.profile.nickname, '지은')
    assert.equal(body.profile.hasContact, true)
    assert.ok(!res.body.includes('98765432'), 'no contact in the user view')
    assert.equal(body.matches[0].id, matchId)
    assert.equal(body.preferences.targetGender, 'M')
    const [entry] = await ctx.database.db.select().from(piiAccessLog)
    assert.deepEqual(
      [entry?.adminId, entry?.subjectUserId, entry?.what, entry?.reason],
      [admin.userId, jieun.userId, 'profile', '신고 검토'],
    )
    assert.equal((await get('/admin/users/00000000-0000-4000-8000-000000000000')).statusCode, 404)
  })

  it('shows the contact only with a reason, and logs it', async () => {
    assert.equal((await get(`/admin/users/${jieun.userId}/contact`)).statusCode, 400)
    const res = await get(`/admin/users/${jieun.userId}/contact?reason=${encodeURIComponent('환불 연락')}`)
    assert.equal(res.json().contact, '01098765432')
    const log = (await get('/admin/access-log')).json()
    assert.equal(log.total, 1)
    assert.deepEqual([log.items[0].what, log.items[0].reason], ['contact', '환불 연락'])
  })
})

describe('ban and unban', () => {
  it('bans a user (locked out, matches closed, audited) and lifts the ban', async () => {
    const res = await post(`/admin/users/${minsu.userId}/ban`, { reason: '사기 의심' })
    assert.equal(res.statusCode, 200)
    const during = await ctx.app.inject({ method: 'GET', url: '/me', headers: minsu.headers })
    assert.equal(during.statusCode, 403)
    assert.equal(during.json().error.code, 'USER_BANNED')
    const [banned] = await ctx.database.db.select().from(users).where(eq(users.id, minsu.userId))
    assert.equal(banned?.tokenVersion, 1, 'the ban ended every session')
    const [match] = await ctx.database.db.select().from(matches).where(eq(matches.id, matchId))
    assert.equal(match?.status, 'closed')
    assert.equal((await post(`/admin/users/${minsu.userId}/ban`, { reason: 'again' })).statusCode, 409)
    assert.equal((await post(`/admin/users/${minsu.userId}/unban`, { reason: '오해' })).statusCode, 200)
    const old = await ctx.app.inject({ method: 'GET', url: '/me', headers: minsu.headers })
    assert.equal(old.statusCode, 401, 'the ban ended every session; lifting it revives none')
    assert.equal(old.json().error.code, 'TOKEN_REVOKED')
    const again = await signIn(ctx.app, '100')
    assert.equal(
      (await ctx.app.inject({ method: 'GET', url: '/me', headers: again.headers })).statusCode,
      200,
    )
    const actions = (await ctx.database.db.select().from(adminActions)).map((a) => a.action)
    assert.deepEqual(actions, ['user.ban', 'user.unban'])
  })

  it('refuses to ban oneself or another admin with 409, and requires a reason', async () => {
    assert.equal(
      (await post(`/admin/users/${admin.userId}/ban`, { reason: 'x' })).json().error.code,
      'CANNOT_BAN_SELF',
    )
    assert.equal(
      (await post(`/admin/users/${otherAdmin.userId}/ban`, { reason: 'x' })).json().error.code,
      'CANNOT_BAN_ADMIN',
    )
    assert.equal((await post(`/admin/users/${minsu.userId}/ban`, {})).statusCode, 400)
    assert.equal(
      (await post('/admin/users/00000000-0000-4000-8000-000000000000/ban', { reason: 'x' })).statusCode,
      404,
    )
    assert.equal((await ctx.database.db.select().from(adminActions)).length, 0)
  })
})

describe('GET /admin/matches and GET /admin/actions', () => {
  it('shows each match with its newest payment, pending or verified', async () => {
    const seoyeon = await createPerson(ctx.app, { kakaoId: '300', gender: 'F', birthYear: 1995 })
    const week = weekOf(ctx.clock.now())
    await recommend(ctx.database, minsu, seoyeon, week)
    await recommend(ctx.database, seoyeon, minsu, week)
    await like(ctx.app, minsu, seoyeon, week)
    ctx.clock.advance(1000)
    const otherMatchId = (await like(ctx.app, seoyeon, minsu, week)).json().matchId
    const intent = (matchId: string, who: SignedIn) =>
      ctx.app.inject({ method: 'POST', url: '/payments/intent', headers: who.headers, payload: { matchId } })
    const pending = (await intent(matchId, minsu)).json()
    const paid = (await intent(otherMatchId, seoyeon)).json()
    assert.equal((await post(`/admin/payments/${paid.id}/verify`, {})).statusCode, 200)

    const byId = new Map(
      (await get('/admin/matches'))
        .json()
        .items.map((m: { id: string; payment: unknown }) => [m.id, m.payment]),
    )
    assert.deepEqual(byId.get(matchId), { id: pending.id, status: 'pending' })
    assert.deepEqual(byId.get(otherMatchId), { id: paid.id, status: 'verified' })
  })

  it('lists matches by status and the audit log newest first', async () => {
    assert.equal((await get('/admin/matches?status=pending')).json().total, 1)
    assert.equal((await get('/admin/matches?status=active')).json().total, 0)
    const item = (await get('/admin/matches')).json().items[0]
    assert.deepEqual([item.id, item.payment], [matchId, null])
    assert.equal((await get('/admin/matches?status=lost')).statusCode, 400)

    await post(`/admin/users/${minsu.userId}/ban`, { reason: 'a' })
    ctx.clock.advance(1000)
    await post(`/admin/users/${minsu.userId}/unban`, { reason: 'b' })
    const log = (await get('/admin/actions?page=1&pageSize=10')).json()
    assert.equal(log.total, 2)
    assert.equal(log.items[0].action, 'user.unban')
    assert.deepEqual([log.items[0].actor, log.items[0].adminId], ['admin', admin.userId])
    assert.deepEqual(Object.keys(log.items[0]).sort(), [
      'action',
      'actor',
      'adminId',
      'createdAt',
      'detail',
      'id',
      'targetId',
    ])
  })
})
