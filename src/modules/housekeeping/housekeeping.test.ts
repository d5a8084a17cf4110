import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../../../test/helpers/context.js'
import { createPerson, like, recommend, verifyPhone } from '../../../test/helpers/factories.js'
import { openDatabase } from '../../core/db/client.js'
import {
  adminActions,
  matches,
  notificationDeliveries,
  notifications,
  payments,
} from '../../core/db/schema.js'
import { LOCK_KEYS } from '../../core/db/single-flight.js'
import { createNotifier } from '../../core/notifications.js'
import { weekOf } from '../../core/time.js'
import { createHousekeeping } from './housekeeping.service.js'

const DAY = 24 * 3600_000
let ctx: TestContext
let minsu: SignedIn
let jieun: SignedIn

before(async () => {
  ctx = await createTestContext()
})
after(() => ctx.close())

beforeEach(async () => {
  await ctx.reset()
  ctx.clock.set('2026-11-26T05:00:00Z')
  minsu = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
})

async function match(a: SignedIn, b: SignedIn): Promise<string> {
  await recommend(ctx.database, a, b, weekOf(ctx.clock.now()))
  await recommend(ctx.database, b, a, weekOf(ctx.clock.now()))
  await like(ctx.app, a, b, weekOf(ctx.clock.now()))
  return (await like(ctx.app, b, a, weekOf(ctx.clock.now()))).json().matchId
}
const matchRow = async (id: string) =>
  (await ctx.database.db.select().from(matches).where(eq(matches.id, id)))[0]
const run = () => ctx.app.jobs.housekeeping.runOnce()

describe('expiry (MATCH_PAYMENT_DAYS, injected clock)', () => {
  it('closes a pending match with no verified payment after 7 days, expires its intent and tells both', async () => {
    const matchId = await match(minsu, jieun)
    const intent = await ctx.app.inject({
      method: 'POST',
      url: '/payments/intent',
      headers: minsu.headers,
      payload: { matchId },
    })
    assert.equal(intent.statusCode, 200)
    ctx.clock.advance(7 * DAY - 60_000)
    assert.equal((await run())?.matchesExpired, 0, 'a minute early')
    assert.equal((await matchRow(matchId))?.status, 'pending')

    ctx.clock.advance(60_000)
    const report = await run()
    assert.equal(report?.matchesExpired, 1)
    const closed = await matchRow(matchId)
    assert.equal(closed?.status, 'closed')
    assert.equal(closed?.closedAt?.toISOString(), ctx.clock.now().toISOString())
    const [payment] = await ctx.database.db.select().from(payments)
    assert.equal(payment?.status, 'expired')
    for (const who of [minsu, jieun]) {
      const [latest] = await ctx.database.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, who.userId))
        .orderBy(notifications.id)
        .then((rows) => rows.reverse())
      assert.equal(latest?.type, 'match.closed')
      assert.deepEqual(latest?.data, { matchId, reason: 'expired' })
    }
    const audit = await ctx.database.db.select().from(adminActions)
    assert.deepEqual(
      audit.map((a) => [a.actor, a.action, a.targetId]),
      [['system:scheduler', 'match.expire', matchId]],
    )
    assert.equal((await run())?.matchesExpired, 0, 'once')
  })

  it('never expires a match with a verified payment, nor an active one', async () => {
    const paid = await match(minsu, jieun)
    await ctx.database.db.insert(payments).values({
      matchId: paid,
      amount: 30000,
      code: 'KM4F7Q',
      status: 'verified',
      expiresAt: new Date('2026-11-29T00:00:00Z'),
    })
    const sora = await createPerson(ctx.app, { kakaoId: '300', gender: 'F', birthYear: 1995 })
    const active = await match(minsu, sora)
    await ctx.database.db.update(matches).set({ status: 'active' }).where(eq(matches.id, active))
    ctx.clock.advance(30 * DAY)
    assert.equal((await run())?.matchesExpired, 0)
    assert.equal((await matchRow(paid))?.status, 'pending')
    assert.equal((await matchRow(active))?.status, 'active')
    const [payment] = await ctx.database.db.select().from(payments)
    assert.equal(payment?.status, 'verified')
  })

  it('expires many in batches and follows MATCH_PAYMENT_DAYS', async () => {
    const app = await ctx.build({ MATCH_PAYMENT_DAYS: '2' })
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const a = await createPerson(ctx.app, { kakaoId: `6${i}`, gender: 'M', birthYear: 1990 })
      ids.push(await match(a, jieun))
    }
    ctx.clock.advance(2 * DAY)
    assert.equal((await app.jobs.housekeeping.runOnce())?.matchesExpired, 5)
    for (const id of ids) assert.equal((await matchRow(id))?.status, 'closed')
  })

  it('expires unpaid intents past PAYMENT_EXPIRE_DAYS without waiting for a read', async () => {
    const matchId = await match(minsu, jieun)
    await ctx.app.inject({
      method: 'POST',
      url: '/payments/intent',
      headers: minsu.headers,
      payload: { matchId },
    })
    ctx.clock.advance(3 * DAY)
    const report = await run()
    assert.equal(report?.paymentsExpired, 1)
    assert.equal(report?.matchesExpired, 0)
    const [payment] = await ctx.database.db.select().from(payments)
    assert.equal(payment?.status, 'expired')
  })
})

describe('expiry racing a verification', () => {
  it('either verifies or expires each match, never closes a paid one (20 at once)', async () => {
    const app = await ctx.build({ ADMIN_KAKAO_IDS: '1' })
    const admin = await signIn(app, '1')
    const paymentIds: string[] = []
    for (let i = 0; i < 20; i++) {
      const a = await createPerson(ctx.app, { kakaoId: `7${i}`, gender: 'M', birthYear: 1990 })
      const matchId = await match(a, jieun)
      const intent = await ctx.app.inject({
        method: 'POST',
        url: '/payments/intent',
        headers: a.headers,
        payload: { matchId },
      })
      paymentIds.push(intent.json().id)
    }
    ctx.clock.advance(7 * DAY)
    const verifications = paymentIds.map((id) =>
      app.inject({
        method: 'POST',
        url: `/admin/payments/${id}/verify`,
        headers: admin.headers,
        payload: {},
      }),
    )
    const [report, ...answers] = await Promise.all([app.jobs.housekeeping.runOnce(), ...verifications])
    const states = await ctx.database.db
      .select({ match: matches.status, payment: payments.status })
      .from(payments)
      .innerJoin(matches, eq(matches.id, payments.matchId))
    for (const [i, state] of states.entries()) {
      assert.ok(
        (state.match === 'pending' && state.payment === 'verified') ||
          (state.match === 'closed' && state.payment === 'expired'),
        `${i}: ${state.match}/${state.payment}`,
      )
    }
    const verified = answers.filter((r) => r.statusCode === 200).length
    assert.equal(verified, states.filter((s) => s.payment === 'verified').length)
    assert.equal(report?.matchesExpired, 20 - verified)
    assert.ok(answers.every((r) => r.statusCode === 200 || r.json().error.code === 'MATCH_CLOSED'))
  })
})

describe('retention (NOTIFICATION_RETENTION_DAYS)', () => {
  it('deletes notifications older than 90 days, with their deliveries', async () => {
    await verifyPhone(ctx.database, minsu)
    await match(minsu, jieun)
    assert.equal((await ctx.database.db.select().from(notificationDeliveries)).length, 1)
    ctx.clock.advance(90 * DAY - 1000)
    await match(
      await createPerson(ctx.app, { kakaoId: '300', gender: 'M', birthYear: 1993 }),
      await createPerson(ctx.app, { kakaoId: '400', gender: 'F', birthYear: 1996 }),
    )
    ctx.clock.advance(2000)
    const report = await run()
    assert.equal(report?.notificationsDeleted, 3, 'like.received and two match.created of the first match')
    const cutoff = ctx.clock.now().getTime() - 90 * DAY
    const left = await ctx.database.db.select().from(notifications)
    assert.equal(left.length, 5, 'the newer match’s three, and the first match’s expiry told to both')
    assert.ok(left.every((n) => n.createdAt.getTime() >= cutoff))
    assert.equal((await ctx.database.db.select().from(notificationDeliveries)).length, 0)
  })
})

describe('single flight', () => {
  it('runs once at a time: a second run while one is going answers null', async () => {
    const [a, b] = await Promise.all([run(), ctx.app.jobs.housekeeping.runOnce()])
    assert.ok((a === null) !== (b === null), 'exactly one ran')
    const other = await ctx.build()
    const [c, d] = await Promise.all([run(), other.jobs.housekeeping.runOnce()])
    assert.ok((c === null) !== (d === null), 'two apps on one database: exactly one ran')
  })

  it('does not run while another replica holds its advisory lock (PostgreSQL)', async (t) => {
    const pool = ctx.database.pool
    if (!pool) return t.skip('PGlite is one session: advisory locks never block there')
    const url = (pool.options as { connectionString: string }).connectionString
    const replicaDb = await openDatabase(url)
    const holder = await pool.connect()
    try {
      const replica = createHousekeeping({
        database: replicaDb,
        clock: ctx.clock.now,
        notifier: createNotifier({ externalTypes: new Set() }),
        matchPaymentDays: 7,
        retentionDays: 90,
        webhookRetentionDays: 30,
        log: { info() {}, error() {} },
      })
      const matchId = await match(minsu, jieun)
      ctx.clock.advance(8 * DAY)
      // Another replica's run holds the lock on a connection of its own.
      await holder.query('SELECT pg_advisory_lock($1)', [LOCK_KEYS.housekeeping])
      assert.equal(await replica.runOnce(), null)
      assert.equal((await matchRow(matchId))?.status, 'pending', 'nothing done while the other runs')
      await holder.query('SELECT pg_advisory_unlock($1)', [LOCK_KEYS.housekeeping])
      assert.equal((await replica.runOnce())?.matchesExpired, 1)
      assert.equal((await matchRow(matchId))?.status, 'closed')
    } finally {
      holder.release()
      await replicaDb.close()
    }
  })
})
