import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../../../test/helpers/context.js'
import { createPerson, like, recommend, verifyPhone } from '../../../test/helpers/factories.js'
import { adminActions, notificationDeliveries, notifications, payments, users } from '../../core/db/schema.js'
import { weekOf } from '../../core/time.js'

let ctx: TestContext
let minsu: SignedIn
let jieun: SignedIn
let admin: SignedIn
let week: string

before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
})
after(() => ctx.close())

beforeEach(async () => {
  await ctx.reset()
  ctx.clock.set('2026-11-26T05:00:00Z')
  week = weekOf(ctx.clock.now())
  minsu = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
  admin = await signIn(ctx.app, '1')
})

const get = (who: SignedIn, url: string) => ctx.app.inject({ method: 'GET', url, headers: who.headers })
const read = (who: SignedIn, payload: unknown) =>
  ctx.app.inject({
    method: 'POST',
    url: '/notifications/read',
    headers: who.headers,
    payload: payload as object,
  })
const unread = async (who: SignedIn) => (await get(who, '/notifications/unread-count')).json().count as number

/** `n` recs.ready notifications for `who`, a minute apart, through the writer services use. */
async function seed(who: SignedIn, n: number) {
  for (let i = 0; i < n; i++) {
    await ctx.database.db.insert(notifications).values({
      userId: who.userId,
      type: 'recs.ready',
      data: { week: `2026-W${String(i + 1).padStart(2, '0')}` },
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
    })
  }
}

async function matchThem(): Promise<string> {
  await recommend(ctx.database, minsu, jieun, week)
  await recommend(ctx.database, jieun, minsu, week)
  await like(ctx.app, minsu, jieun, week)
  return (await like(ctx.app, jieun, minsu, week)).json().matchId
}

describe('GET /notifications', () => {
  it('pages the caller’s own feed newest first with a cursor, 20 by default', async () => {
    await seed(minsu, 45)
    await seed(jieun, 3)
    const first = await get(minsu, '/notifications')
    assert.equal(first.statusCode, 200)
    const page1 = first.json()
    assert.equal(page1.items.length, 20)
    assert.deepEqual(page1.items[0].data, { week: '2026-W45' })
    assert.equal(page1.items[0].type, 'recs.ready')
    assert.equal(page1.items[0].readAt, null)
    assert.equal(typeof page1.nextCursor, 'string')
    const page2 = (await get(minsu, `/notifications?cursor=${page1.nextCursor}`)).json()
    const page3 = (await get(minsu, `/notifications?cursor=${page2.nextCursor}`)).json()
    assert.equal(page2.items.length, 20)
    assert.equal(page3.items.length, 5)
    assert.equal(page3.nextCursor, null)
    const weeks = [...page1.items, ...page2.items, ...page3.items].map(
      (n: { data: { week: string } }) => n.data.week,
    )
    assert.equal(new Set(weeks).size, 45, 'no entry twice, none missing')
    const limited = (await get(minsu, '/notifications?limit=100')).json()
    assert.equal(limited.items.length, 45)
    assert.equal(limited.nextCursor, null)
    assert.equal((await get(jieun, '/notifications')).json().items.length, 3)
  })

  it('answers 400 for a bad cursor or limit and 401 without a token', async () => {
    for (const query of [
      'limit=0',
      'limit=101',
      'limit=x',
      'cursor=abc',
      'cursor=-1',
      'cursor=0',
      'cursor=99999999999999999999',
    ]) {
      const res = await get(minsu, `/notifications?${query}`)
      assert.equal(res.statusCode, 400, query)
      assert.equal(res.json().error.code, 'VALIDATION_ERROR')
    }
    assert.equal((await ctx.app.inject({ method: 'GET', url: '/notifications' })).statusCode, 401)
    assert.equal(
      (await ctx.app.inject({ method: 'GET', url: '/notifications/unread-count' })).statusCode,
      401,
    )
  })

  it('shows what happened in the funnel, in the documented shapes', async () => {
    const matchId = await matchThem()
    const intent = await ctx.app.inject({
      method: 'POST',
      url: '/payments/intent',
      headers: minsu.headers,
      payload: { matchId },
    })
    const paymentId = intent.json().id
    const feed = (await get(jieun, '/notifications'))
      .json()
      .items.map((n: { type: string; data: unknown }) => [n.type, n.data])
    assert.deepEqual(feed, [
      ['payment.created', { matchId, paymentId }],
      ['match.created', { matchId }],
      ['like.received', { fromUserId: minsu.userId, batchWeek: week }],
    ])
    const his = (await get(minsu, '/notifications')).json().items.map((n: { type: string }) => n.type)
    assert.deepEqual(his, ['match.created'], 'he asked for the payment; only she is told of it')
  })
})

describe('unread count and POST /notifications/read', () => {
  it('marks ids read (others’ ids change nothing), then all', async () => {
    await seed(minsu, 5)
    await seed(jieun, 2)
    assert.equal(await unread(minsu), 5)
    const mine = (await get(minsu, '/notifications')).json().items.map((n: { id: number }) => n.id)
    const hers = (await get(jieun, '/notifications')).json().items.map((n: { id: number }) => n.id)
    const res = await read(minsu, { ids: [mine[0], mine[1], ...hers] })
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json(), { updated: 2 })
    assert.equal(await unread(minsu), 3)
    assert.equal(await unread(jieun), 2, 'her notifications are untouched')
    assert.deepEqual((await read(minsu, { ids: [mine[0]] })).json(), { updated: 0 }, 'already read')
    const items = (await get(minsu, '/notifications')).json().items
    assert.equal(items[0].readAt, ctx.clock.now().toISOString())
    assert.equal(items[2].readAt, null)
    assert.deepEqual((await read(minsu, { all: true })).json(), { updated: 3 })
    assert.equal(await unread(minsu), 0)
    assert.equal(await unread(jieun), 2)
  })

  it('answers 400 unless it gets either ids or all: true, one field at a time', async () => {
    for (const payload of [
      {},
      { ids: [] },
      { ids: [0] },
      { ids: ['1'] },
      { ids: Array.from({ length: 101 }, (_, i) => i + 1) },
      { all: false },
      { all: 'yes' },
      { ids: [1], all: true },
    ]) {
      const res = await read(minsu, payload)
      assert.equal(res.statusCode, 400, JSON.stringify(payload))
      assert.equal(res.json().error.code, 'VALIDATION_ERROR')
    }
    assert.equal(
      (await ctx.app.inject({ method: 'POST', url: '/notifications/read', payload: { all: true } }))
        .statusCode,
      401,
    )
  })
})

describe('settings and the outbox', () => {
  it('PUT /me/settings turns external notifications off and on; GET /me shows them', async () => {
    const me = async () => (await get(minsu, '/me')).json().settings
    assert.deepEqual(await me(), { notifyExternal: true }, 'on by default')
    const off = await ctx.app.inject({
      method: 'PUT',
      url: '/me/settings',
      headers: minsu.headers,
      payload: { notifyExternal: false },
    })
    assert.equal(off.statusCode, 200)
    assert.deepEqual(off.json(), { notifyExternal: false })
    assert.deepEqual(await me(), { notifyExternal: false })
    for (const payload of [{}, { notifyExternal: 'false' }, { notifyExternal: null }]) {
      const bad = await ctx.app.inject({
        method: 'PUT',
        url: '/me/settings',
        headers: minsu.headers,
        payload,
      })
      assert.equal(bad.statusCode, 400, JSON.stringify(payload))
    }
    assert.equal(
      (await ctx.app.inject({ method: 'PUT', url: '/me/settings', payload: { notifyExternal: true } }))
        .statusCode,
      401,
    )
  })

  it('queues the external types for people with a verified phone who allow it, and drops the queue on opt-out', async () => {
    await verifyPhone(ctx.database, minsu)
    const matchId = await matchThem()
    const queued = await ctx.database.db.select().from(notificationDeliveries)
    assert.equal(queued.length, 1, 'she has no verified phone; like.received is not an external type')
    assert.equal(queued[0]?.userId, minsu.userId)
    assert.equal(queued[0]?.type, 'match.created')
    assert.equal(queued[0]?.status, 'pending')
    const [notification] = await ctx.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, queued[0]?.notificationId as number))
    assert.deepEqual(notification?.data, { matchId })

    await ctx.app.inject({
      method: 'PUT',
      url: '/me/settings',
      headers: minsu.headers,
      payload: { notifyExternal: false },
    })
    assert.equal(
      (await ctx.database.db.select().from(notificationDeliveries)).length,
      0,
      'nothing more leaves',
    )
    const close = await ctx.app.inject({
      method: 'POST',
      url: `/matches/${matchId}/close`,
      headers: jieun.headers,
    })
    assert.equal(close.statusCode, 200)
    assert.equal((await ctx.database.db.select().from(notificationDeliveries)).length, 0)
    const closed = (await get(minsu, '/notifications')).json().items[0]
    assert.deepEqual(
      [closed.type, closed.data],
      ['match.closed', { matchId, reason: 'closed' }],
      'in the app still',
    )
  })

  it('NOTIFY_EXTERNAL_TYPES chooses the types', async () => {
    const app = await ctx.build({ NOTIFY_EXTERNAL_TYPES: 'like.received' })
    await verifyPhone(ctx.database, jieun)
    await recommend(ctx.database, minsu, jieun, week)
    await like(app, minsu, jieun, week)
    const queued = await ctx.database.db.select().from(notificationDeliveries)
    assert.deepEqual(
      queued.map((d) => [d.userId, d.type]),
      [[jieun.userId, 'like.received']],
    )
  })

  it('deletes a person’s notifications and queued messages with the account', async () => {
    await verifyPhone(ctx.database, minsu)
    await verifyPhone(ctx.database, jieun, '01099998888')
    await matchThem()
    assert.equal((await ctx.database.db.select().from(notificationDeliveries)).length, 2)
    assert.equal(
      (await ctx.app.inject({ method: 'DELETE', url: '/me', headers: minsu.headers })).statusCode,
      204,
    )
    assert.equal(
      (await ctx.database.db.select().from(notifications).where(eq(notifications.userId, minsu.userId)))
        .length,
      0,
    )
    const left = await ctx.database.db.select().from(notificationDeliveries)
    assert.deepEqual(
      left.map((d) => d.userId),
      [jieun.userId],
    )
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, minsu.userId))
    assert.equal(row?.phoneEncrypted, null, 'the phone number is erased')
    // She learns that the match closed, not that he left.
    const hers = (await get(jieun, '/notifications')).json().items[0]
    assert.equal(hers.type, 'match.closed')
    assert.equal(hers.data.reason, 'closed')
  })
})

describe('match.closed never says who, or that a block did it', () => {
  it('tells only the other person, with reason closed, when a match is closed or blocked; refunds go to both', async () => {
    const matchId = await matchThem()
    const [payment] = await ctx.database.db
      .insert(payments)
      .values({
        matchId,
        amount: 30000,
        code: 'KM4F7Q',
        status: 'verified',
        expiresAt: new Date('2026-12-01T00:00:00Z'),
      })
      .returning()
    const block = await ctx.app.inject({
      method: 'POST',
      url: '/blocks',
      headers: jieun.headers,
      payload: { userId: minsu.userId },
    })
    assert.equal(block.statusCode, 200, block.body)
    const types = async (who: SignedIn) =>
      (await get(who, '/notifications'))
        .json()
        .items.map((n: { type: string; data: unknown }) => [n.type, n.data])
    assert.deepEqual((await types(minsu)).slice(0, 2), [
      ['payment.refund_due', { paymentId: payment?.id }],
      ['match.closed', { matchId, reason: 'closed' }],
    ])
    assert.deepEqual((await types(jieun)).slice(0, 1), [['payment.refund_due', { paymentId: payment?.id }]])
    const text = JSON.stringify(await ctx.database.db.select().from(notifications))
    assert.ok(!text.includes('block'), 'no notification mentions a block')
  })
})

describe('admin: deliveries', () => {
  it('lists the outbox by status, paged, and requeues a dead delivery (audited)', async () => {
    await verifyPhone(ctx.database, minsu)
    await verifyPhone(ctx.database, jieun, '01099998888')
    await matchThem()
    const [first, second] = await ctx.database.db
      .select()
      .from(notificationDeliveries)
      .orderBy(notificationDeliveries.id)
    await ctx.database.db
      .update(notificationDeliveries)
      .set({ status: 'dead', attempts: 8, lastError: 'Solapi HTTP 500 InternalError' })
      .where(eq(notificationDeliveries.id, first?.id as number))
    const list = async (query: string) => get(admin, `/admin/notifications/deliveries${query}`)
    const all = (await list('')).json()
    assert.equal(all.total, 2)
    assert.deepEqual(
      all.items.map((d: { id: number }) => d.id),
      [second?.id, first?.id],
    )
    assert.ok(!JSON.stringify(all).includes('010'), 'never a phone number')
    const dead = (await list('?status=dead&pageSize=1')).json()
    assert.deepEqual(
      [dead.total, dead.items[0].id, dead.items[0].lastError],
      [1, first?.id, 'Solapi HTTP 500 InternalError'],
    )
    assert.equal((await list('?status=lost')).statusCode, 400)
    assert.equal((await get(minsu, '/admin/notifications/deliveries')).statusCode, 403)

    const retry = (id: number | string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/admin/notifications/deliveries/${id}/retry`,
        headers: admin.headers,
      })
    const res = await retry(first?.id as number)
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().status, 'pending')
    assert.equal(res.json().attempts, 0)
    assert.equal(res.json().nextAttemptAt, ctx.clock.now().toISOString())
    const [audit] = await ctx.database.db.select().from(adminActions)
    assert.equal(audit?.action, 'notification.retry')
    assert.equal(audit?.targetId, String(first?.id))

    await ctx.database.db
      .update(notificationDeliveries)
      .set({ status: 'sent' })
      .where(eq(notificationDeliveries.id, second?.id as number))
    const sent = await retry(second?.id as number)
    assert.equal(sent.statusCode, 409)
    assert.equal(sent.json().error.code, 'DELIVERY_ALREADY_SENT')
    assert.equal((await retry(999999)).statusCode, 404)
    assert.equal((await retry('abc')).statusCode, 400)
    assert.equal(
      (
        await ctx.app.inject({
          method: 'POST',
          url: `/admin/notifications/deliveries/${first?.id}/retry`,
          headers: minsu.headers,
        })
      ).statusCode,
      403,
    )
  })
})
