import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import {
  createTestContext,
  LogCapture,
  type SignedIn,
  signIn,
  type TestContext,
  testConfig,
} from '../../../test/helpers/context.js'
import { createPerson, like, recommend } from '../../../test/helpers/factories.js'
import { FakePortOne } from '../../../test/helpers/portone.js'
import { adminActions, matches, notifications, payments, portoneWebhooks } from '../../core/db/schema.js'
import { createFieldCipher } from '../../core/security/crypto.js'
import { weekOf } from '../../core/time.js'

/*
 * Virtual accounts through PortOne V2, against a stand-in PortOne on loopback (test/helpers/portone.ts)
 * that answers in the SDK's documented shapes and signs webhooks as PortOne does.
 */

const MINUTE = 60_000
const TIMEOUT_MS = 1500
let fake: FakePortOne
let ctx: TestContext
let admin: SignedIn
let minsu: SignedIn
let jieun: SignedIn
let outsider: SignedIn
let matchId: string

before(async () => {
  fake = await FakePortOne.start()
  // A generous timeout: a loaded test machine must not turn a slow first call into an outage.
  ctx = await createTestContext({
    ADMIN_KAKAO_IDS: '1',
    PAYMENT_AMOUNT_KRW: '33000',
    ...fake.paymentEnv({ PORTONE_TIMEOUT_MS: String(TIMEOUT_MS) }),
  })
})
after(async () => {
  await ctx.close()
  await fake.stop()
})
beforeEach(async () => {
  await ctx.reset()
  fake.payments.clear()
  fake.seen.length = 0
  for (const kind of ['instant', 'get', 'cancel'] as const) delete fake.faults[kind]
  ctx.clock.set(new Date())
  const week = weekOf(ctx.clock.now())
  admin = await signIn(ctx.app, '1')
  minsu = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
  outsider = await signIn(ctx.app, '999')
  await recommend(ctx.database, minsu, jieun, week)
  await recommend(ctx.database, jieun, minsu, week)
  await like(ctx.app, minsu, jieun, week)
  matchId = (await like(ctx.app, jieun, minsu, week)).json().matchId
})

const call = (
  who: SignedIn | null,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  app: FastifyInstance = ctx.app,
) =>
  app.inject({
    method,
    url,
    headers: who ? who.headers : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
const vaIntent = (who: SignedIn, app?: FastifyInstance) =>
  call(who, 'POST', '/payments/intent', { matchId, method: 'virtual_account' }, app)
const deliver = (delivery: { headers: Record<string, string>; payload: string }, app = ctx.app) =>
  app.inject({
    method: 'POST',
    url: '/webhooks/portone',
    headers: delivery.headers,
    payload: delivery.payload,
  })
const row = async (id: string) =>
  (await ctx.database.db.select().from(payments).where(eq(payments.id, id)))[0]
const audit = async (action: string) =>
  (await ctx.database.db.select().from(adminActions)).filter((a) => a.action === action)
const matchStatus = async () =>
  (await ctx.database.db.select().from(matches).where(eq(matches.id, matchId)))[0]?.status
/** Who got a notification of this type (user ids, sorted). */
const notified = async (type: string) =>
  (await ctx.database.db.select().from(notifications))
    .filter((n) => n.type === type)
    .map((n) => n.userId)
    .sort()
const both = () => [minsu.userId, jieun.userId].sort()
const closeMatch = () =>
  ctx.database.db
    .update(matches)
    .set({ status: 'closed', closedAt: new Date() })
    .where(eq(matches.id, matchId))
/** A virtual-account payment asked for by minsu, and paid at PortOne with `amount` (no webhook yet). */
async function paid(amount = 33000): Promise<string> {
  const res = await vaIntent(minsu)
  assert.equal(res.statusCode, 200, res.body)
  const id = res.json().id as string
  fake.deposit(id, amount)
  return id
}

describe('POST /payments/intent with method virtual_account', () => {
  it('opens one account at PortOne and answers it to both people, with no code and no bank', async () => {
    const res = await vaIntent(minsu)
    assert.equal(res.statusCode, 200, res.body)
    const p = res.json()
    assert.equal(p.method, 'virtual_account')
    assert.equal(p.status, 'pending')
    assert.equal(p.amount, 33000)
    assert.equal(p.code, null)
    assert.equal(p.bank, null)
    assert.deepEqual(Object.keys(p.virtualAccount).sort(), [
      'accountNumber',
      'bank',
      'bankName',
      'expiresAt',
      'holder',
    ])
    assert.equal(p.virtualAccount.bank, 'SHINHAN')
    assert.equal(p.virtualAccount.bankName, '신한은행')
    assert.equal(p.virtualAccount.holder, '쉿매치')
    assert.equal(p.virtualAccount.accountNumber, fake.payments.get(p.id)?.accountNumber)
    assert.equal(p.virtualAccount.expiresAt, p.expiresAt)
    // The due date is the payment's expiry (PAYMENT_EXPIRE_DAYS, 3 by default).
    assert.equal(p.expiresAt, new Date(ctx.clock.now().getTime() + 3 * 24 * 60 * MINUTE).toISOString())

    const [instant] = fake.calls('instant')
    assert.equal(instant?.path, `/payments/${p.id}/instant`)
    assert.equal(instant?.authorization, `PortOne ${fake.secret}`)
    assert.deepEqual(instant?.body?.method, {
      virtualAccount: {
        bank: 'SHINHAN',
        expiry: { dueDate: p.expiresAt },
        option: { type: 'NORMAL' },
        remitteeName: '쉿매치',
      },
    })
    assert.deepEqual(instant?.body?.amount, { total: 33000 })
    assert.equal(instant?.body?.currency, 'KRW')
    assert.equal(instant?.body?.channelKey, fake.vaChannelKey)

    assert.deepEqual((await vaIntent(jieun)).json(), p)
    assert.deepEqual((await call(jieun, 'GET', `/payments/${p.id}`)).json(), p)
    assert.equal(fake.calls('instant').length, 1)
    assert.equal((await ctx.database.db.select().from(payments)).length, 1)
  })

  it('20 concurrent intents of both people: one call to PortOne, one payment, one account', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => vaIntent(i % 2 ? minsu : jieun)))
    for (const a of answers) assert.equal(a.statusCode, 200, a.body)
    assert.equal(new Set(answers.map((a) => a.json().id)).size, 1)
    assert.equal(new Set(answers.map((a) => a.json().virtualAccount.accountNumber)).size, 1)
    assert.equal(fake.calls('instant').length, 1)
    assert.equal((await ctx.database.db.select().from(payments)).length, 1)
  })

  for (const [what, fault] of [
    ['a 500', { kind: 'http-500' }],
    ['a page that is not JSON', { kind: 'not-json' }],
    ['no answer within PORTONE_TIMEOUT_MS', { kind: 'slow', ms: TIMEOUT_MS + 1000 }],
  ] as const) {
    it(`PortOne down (${what}): 503 PAYMENT_PROVIDER_UNAVAILABLE, no payment left, a retry works`, async () => {
      fake.faults.instant = fault
      const abandonedBefore = fake.abandoned
      const res = await vaIntent(minsu)
      assert.equal(res.statusCode, 503, res.body)
      assert.equal(res.json().error.code, 'PAYMENT_PROVIDER_UNAVAILABLE')
      assert.equal((await ctx.database.db.select().from(payments)).length, 0)
      if (fault.kind === 'slow') {
        for (let i = 0; i < 50 && fake.abandoned === abandonedBefore; i++)
          await new Promise((r) => setTimeout(r, 20))
        assert.equal(fake.abandoned, abandonedBefore + 1, 'the request was aborted, not left hanging')
      }
      delete fake.faults.instant
      const retry = await vaIntent(jieun)
      assert.equal(retry.statusCode, 200, retry.body)
      assert.equal((await ctx.database.db.select().from(payments)).length, 1)
    })
  }

  it('both PortOne calls share one PORTONE_TIMEOUT_MS (the bound on the match lock): each in time, together late → 503', async () => {
    const ms = Math.round(TIMEOUT_MS * 0.6)
    fake.faults.instant = { kind: 'slow', ms }
    fake.faults.get = { kind: 'slow', ms }
    const abandonedBefore = fake.abandoned
    const res = await vaIntent(minsu)
    assert.equal(res.statusCode, 503, res.body)
    assert.equal(res.json().error.code, 'PAYMENT_PROVIDER_UNAVAILABLE')
    assert.equal((await ctx.database.db.select().from(payments)).length, 0)
    for (let i = 0; i < 50 && fake.abandoned === abandonedBefore; i++)
      await new Promise((r) => setTimeout(r, 20))
    assert.equal(fake.abandoned, abandonedBefore + 1, 'the account lookup was aborted at the deadline')
    delete fake.faults.instant
    delete fake.faults.get
    assert.equal((await vaIntent(jieun)).statusCode, 200)
  })

  it('PortOne issued the account but cannot say which: 503, nothing stored', async () => {
    fake.faults.get = { kind: 'http-500' }
    const res = await vaIntent(minsu)
    assert.equal(res.statusCode, 503)
    assert.equal((await ctx.database.db.select().from(payments)).length, 0)
  })

  it('nobody listening at PORTONE_API_BASE: 503', async () => {
    const app = await ctx.build({ PORTONE_API_BASE: 'http://127.0.0.1:9' })
    const res = await vaIntent(minsu, app)
    assert.equal(res.statusCode, 503)
    assert.equal(res.json().error.code, 'PAYMENT_PROVIDER_UNAVAILABLE')
  })

  it('without PAYMENT_PROVIDER=portone: 400 METHOD_UNAVAILABLE; transfer stays the default', async () => {
    const app = await ctx.build({ PAYMENT_PROVIDER: 'none' })
    const res = await vaIntent(minsu, app)
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'METHOD_UNAVAILABLE')
    const transfer = await call(minsu, 'POST', '/payments/intent', { matchId })
    assert.equal(transfer.statusCode, 200)
    assert.equal(transfer.json().method, 'transfer')
    assert.match(transfer.json().code, /^KM/)
    assert.equal(transfer.json().virtualAccount, null)
    assert.equal(fake.calls('instant').length, 0)
    // The first intent decides: a later virtual_account request answers the live transfer.
    assert.equal((await vaIntent(jieun)).json().id, transfer.json().id)
    const bad = await call(minsu, 'POST', '/payments/intent', { matchId, method: 'card' })
    assert.equal(bad.statusCode, 400)
  })
})

describe('POST /webhooks/portone', () => {
  it('Transaction.Paid for the exact amount: verified by system:portone, PortOne asked, not the body', async () => {
    const id = await paid()
    const res = await deliver(fake.webhook('Transaction.Paid', id))
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json(), { ok: true })
    const p = await row(id)
    assert.equal(p?.status, 'verified')
    assert.ok(p?.verifiedAt)
    assert.equal(p?.paidAmount, 33000)
    const [verify] = await audit('payment.verify')
    assert.equal(verify?.actor, 'system:portone')
    assert.equal(verify?.adminId, null)
    assert.equal(verify?.targetId, id)
    assert.equal(fake.calls('get').at(-1)?.path, `/payments/${id}`)
    assert.equal(await matchStatus(), 'pending')
    assert.equal((await call(minsu, 'GET', `/payments/${id}`)).json().status, 'verified')
    // Both are told, as for an operator's verification; the partner was told of the payment itself.
    assert.deepEqual(await notified('payment.verified'), both())
    assert.deepEqual(await notified('payment.created'), [jieun.userId])
  })

  it('with AUTO_ACTIVATE_ON_VERIFY=true the match is activated in the same transaction', async () => {
    const app = await ctx.build({ AUTO_ACTIVATE_ON_VERIFY: 'true' })
    const id = await paid()
    assert.equal((await deliver(fake.webhook('Transaction.Paid', id), app)).statusCode, 200)
    assert.equal((await row(id))?.status, 'verified')
    assert.equal(await matchStatus(), 'active')
    const [activate] = await audit('match.activate')
    assert.equal(activate?.actor, 'system:portone')
    assert.deepEqual(await notified('match.activated'), both())
  })

  it("the account's due date is the match's expiry when that comes first (MATCH_PAYMENT_DAYS)", async () => {
    const app = await ctx.build({ MATCH_PAYMENT_DAYS: '2' })
    const [match] = await ctx.database.db.select().from(matches).where(eq(matches.id, matchId))
    const res = await vaIntent(minsu, app)
    assert.equal(res.statusCode, 200, res.body)
    assert.ok(match)
    const due = new Date(match.createdAt.getTime() + 2 * 24 * 60 * MINUTE).toISOString()
    assert.equal(res.json().expiresAt, due)
    assert.equal(res.json().virtualAccount.expiresAt, due)
    const sent = fake.calls('instant')[0]?.body?.method as { virtualAccount: { expiry: { dueDate: string } } }
    assert.equal(sent.virtualAccount.expiry.dueDate, due)
  })

  it('a body claiming a payment PortOne has not seen paid changes nothing', async () => {
    const res = await vaIntent(minsu)
    const id = res.json().id
    assert.equal((await deliver(fake.webhook('Transaction.Paid', id))).statusCode, 200)
    assert.equal((await row(id))?.status, 'pending')
    assert.equal((await audit('payment.verify')).length, 0)
  })

  it('a bad signature, a body changed after signing, or no signature: 400 INVALID_WEBHOOK, nothing changed', async () => {
    const id = await paid()
    const otherSecret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`
    const signed = fake.webhook('Transaction.Paid', id)
    const tampered = {
      headers: signed.headers,
      payload: signed.payload.replace('Transaction.Paid', 'Transaction.Paiq'),
    }
    const { 'webhook-signature': _, ...unsigned } = signed.headers
    for (const delivery of [
      fake.webhook('Transaction.Paid', id, { secret: otherSecret }),
      tampered,
      { headers: unsigned, payload: signed.payload },
    ]) {
      const res = await deliver(delivery)
      assert.equal(res.statusCode, 400, res.body)
      assert.equal(res.json().error.code, 'INVALID_WEBHOOK')
    }
    assert.equal((await row(id))?.status, 'pending')
    assert.equal(fake.calls('get').length, 1) // only the intent's
    assert.equal((await ctx.database.db.select().from(portoneWebhooks)).length, 0)
  })

  it('a timestamp more than 5 minutes old or ahead: 400 INVALID_WEBHOOK', async () => {
    const id = await paid()
    const now = Math.floor(Date.now() / 1000)
    for (const timestamp of [now - 6 * 60, now + 6 * 60]) {
      const res = await deliver(fake.webhook('Transaction.Paid', id, { timestamp }))
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().error.code, 'INVALID_WEBHOOK')
    }
    assert.equal((await row(id))?.status, 'pending')
    // Four minutes late is within the tolerance.
    assert.equal(
      (await deliver(fake.webhook('Transaction.Paid', id, { timestamp: now - 4 * 60 }))).statusCode,
      200,
    )
    assert.equal((await row(id))?.status, 'verified')
  })

  it('a replayed delivery (same webhook-id) is answered 200 and acted on once', async () => {
    const id = await paid()
    const delivery = fake.webhook('Transaction.Paid', id)
    assert.equal((await deliver(delivery)).statusCode, 200)
    const gets = fake.calls('get').length
    assert.equal((await deliver(delivery)).statusCode, 200)
    assert.equal(fake.calls('get').length, gets)
    assert.equal((await audit('payment.verify')).length, 1)
    assert.equal((await ctx.database.db.select().from(portoneWebhooks)).length, 1)
  })

  it('Paid before VirtualAccountIssued: verified once, the late event changes nothing', async () => {
    const id = await paid()
    assert.equal((await deliver(fake.webhook('Transaction.Paid', id))).statusCode, 200)
    assert.equal((await deliver(fake.webhook('Transaction.VirtualAccountIssued', id))).statusCode, 200)
    assert.equal((await row(id))?.status, 'verified')
    assert.equal((await audit('payment.verify')).length, 1)
  })

  for (const [what, amount] of [
    ['short', 30000],
    ['over', 40000],
  ] as const) {
    it(`a ${what} payment becomes amount_mismatch, listed for operators, never verified automatically`, async () => {
      const id = await paid(amount)
      assert.equal((await deliver(fake.webhook('Transaction.Paid', id))).statusCode, 200)
      const p = await row(id)
      assert.equal(p?.status, 'amount_mismatch')
      assert.equal(p?.paidAmount, amount)
      assert.equal(p?.verifiedAt, null)
      const [mismatch] = await audit('payment.amount_mismatch')
      assert.equal(mismatch?.actor, 'system:portone')
      assert.equal((mismatch?.detail as { paid?: number } | undefined)?.paid, amount)
      const listed = await call(admin, 'GET', '/admin/payments?status=amount_mismatch')
      assert.deepEqual(
        listed.json().items.map((i: { id: string; paidAmount: number }) => [i.id, i.paidAmount]),
        [[id, amount]],
      )
      // A repeated event leaves it for the operators; the match's payment stays this one.
      assert.equal((await deliver(fake.webhook('Transaction.Paid', id))).statusCode, 200)
      assert.equal((await row(id))?.status, 'amount_mismatch')
      assert.equal((await vaIntent(jieun)).json().id, id)
      // An operator resolves it: verify with a reason …
      const noReason = await call(admin, 'POST', `/admin/payments/${id}/verify`, {})
      assert.equal(noReason.statusCode, 400)
      assert.equal(noReason.json().error.code, 'REASON_REQUIRED')
      const verified = await call(admin, 'POST', `/admin/payments/${id}/verify`, { memo: '차액은 현장 정산' })
      assert.equal(verified.statusCode, 200, verified.body)
      assert.equal((await row(id))?.status, 'verified')
    })
  }

  it('a deposit for a match that closed (or expired) meanwhile: refund_due', async () => {
    const id = await paid()
    await closeMatch()
    assert.equal((await deliver(fake.webhook('Transaction.Paid', id))).statusCode, 200)
    const p = await row(id)
    assert.equal(p?.status, 'refund_due')
    assert.equal(p?.paidAmount, 33000)
    assert.equal((await audit('payment.refund_due'))[0]?.actor, 'system:portone')
    assert.equal((await audit('payment.verify')).length, 0)
    assert.deepEqual(await notified('payment.refund_due'), both())
  })

  it('a payment an operator verified before the webhook: the deposit is noted, nothing else', async () => {
    const id = await paid()
    assert.equal(
      (await call(admin, 'POST', `/admin/payments/${id}/verify`, { memo: '통장 확인' })).statusCode,
      200,
    )
    assert.equal((await deliver(fake.webhook('Transaction.Paid', id))).statusCode, 200)
    const p = await row(id)
    assert.equal(p?.status, 'verified')
    assert.equal(p?.paidAmount, 33000)
    assert.deepEqual(
      (await audit('payment.verify')).map((a) => a.actor),
      ['admin'],
    )
  })

  it('unknown payments and other events are answered 200 and logged', async () => {
    const log = new LogCapture()
    const app = await ctx.build({ LOG_LEVEL: 'warn' }, { logStream: log })
    for (const paymentId of ['00000000-0000-4000-8000-000000000000', 'not-ours-at-all']) {
      const res = await deliver(fake.webhook('Transaction.Paid', paymentId), app)
      assert.equal(res.statusCode, 200)
    }
    assert.match(log.text, /payment we do not know/)
    assert.equal((await ctx.database.db.select().from(portoneWebhooks)).length, 2)
    assert.equal(fake.calls('get').length, 0)
  })

  it('refuses everything when PORTONE_WEBHOOK_SECRET is not set (dev)', async () => {
    const app = await ctx.build({ PORTONE_WEBHOOK_SECRET: '' })
    const id = await paid()
    const res = await deliver(fake.webhook('Transaction.Paid', id), app)
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'INVALID_WEBHOOK')
  })

  it('has its own rate limit instead of the user limits', async () => {
    const app = await ctx.build({ RATE_LIMIT_MAX: '2', RATE_LIMIT_STRICT_MAX: '2' })
    const id = await paid()
    for (let i = 0; i < 5; i++) {
      assert.equal((await deliver(fake.webhook('Transaction.VirtualAccountIssued', id), app)).statusCode, 200)
    }
  })

  it('PortOne down while a webhook is handled: 200, the payment stays pending until the recheck', async () => {
    const id = await paid()
    fake.faults.get = { kind: 'http-500' }
    assert.equal((await deliver(fake.webhook('Transaction.Paid', id))).statusCode, 200)
    assert.equal((await row(id))?.status, 'pending')
    delete fake.faults.get
    ctx.clock.advance(31 * MINUTE)
    await ctx.app.payments.recheck()
    assert.equal((await row(id))?.status, 'verified')
  })
})

describe('recheck of lost webhooks (housekeeping)', () => {
  it('asks PortOne about virtual accounts still pending after PORTONE_RECHECK_MINUTES and applies its answer', async () => {
    const id = await paid()
    ctx.clock.advance(29 * MINUTE)
    assert.deepEqual(await ctx.app.payments.recheck(), { checked: 0, changed: 0, unavailable: false })
    assert.equal((await row(id))?.status, 'pending')
    ctx.clock.advance(2 * MINUTE)
    fake.faults.get = { kind: 'slow', ms: TIMEOUT_MS + 1000 }
    assert.deepEqual(await ctx.app.payments.recheck(), { checked: 0, changed: 0, unavailable: true })
    delete fake.faults.get
    assert.deepEqual(await ctx.app.payments.recheck(), { checked: 1, changed: 1, unavailable: false })
    assert.equal((await row(id))?.status, 'verified')
    const [verify] = await audit('payment.verify')
    assert.equal(verify?.actor, 'system:portone')
    assert.equal((verify?.detail as { source?: string } | undefined)?.source, 'recheck')
    // Paid ones are not asked about again.
    assert.deepEqual(await ctx.app.payments.recheck(), { checked: 0, changed: 0, unavailable: false })
  })

  it('runs in the hourly housekeeping, before matches expire, so a missed deposit keeps its match', async () => {
    // Asked for on the match's sixth day, paid just before its deadline, the webhook lost; an hour
    // later the match is past MATCH_PAYMENT_DAYS (7): without the recheck it would close as expired.
    ctx.clock.advance(6 * 24 * 60 * MINUTE)
    const id = await paid()
    ctx.clock.advance(24 * 60 * MINUTE + 60 * MINUTE)
    const report = await ctx.app.jobs.housekeeping.runOnce()
    assert.equal(report?.paymentsRechecked, 1)
    assert.equal(report?.paymentsConfirmed, 1)
    assert.equal(report?.matchesExpired, 0)
    assert.equal((await row(id))?.status, 'verified')
    assert.equal(await matchStatus(), 'pending')
    assert.deepEqual(await notified('payment.verified'), both())
  })

  it('forgets webhook deliveries after PORTONE_WEBHOOK_RETENTION_DAYS (30 by default), hourly', async () => {
    // Deliveries about payments we do not know are kept as well (and cannot change a payment).
    const delivered = async () => {
      const delivery = fake.webhook('Transaction.Paid', randomUUID())
      assert.equal((await deliver(delivery)).statusCode, 200)
      return delivery.headers['webhook-id'] as string
    }
    const kept = async () =>
      (await ctx.database.db.select().from(portoneWebhooks)).map((w) => w.webhookId).sort()
    const older = await delivered()
    ctx.clock.advance(20 * 24 * 60 * MINUTE)
    const newer = await delivered()
    assert.deepEqual(await kept(), [older, newer].sort())

    ctx.clock.advance(10 * 24 * 60 * MINUTE - MINUTE)
    assert.equal((await ctx.app.jobs.housekeeping.runOnce())?.webhooksDeleted, 0, 'a minute early')
    ctx.clock.advance(2 * MINUTE)
    assert.equal((await ctx.app.jobs.housekeeping.runOnce())?.webhooksDeleted, 1)
    assert.deepEqual(await kept(), [newer])

    const shorter = await ctx.build({ PORTONE_WEBHOOK_RETENTION_DAYS: '7' })
    assert.equal((await shorter.jobs.housekeeping.runOnce())?.webhooksDeleted, 1)
    assert.deepEqual(await kept(), [])
  })

  it('leaves unpaid accounts pending', async () => {
    const id = (await vaIntent(minsu)).json().id
    ctx.clock.advance(31 * MINUTE)
    assert.deepEqual(await ctx.app.payments.recheck(), { checked: 1, changed: 0, unavailable: false })
    assert.equal((await row(id))?.status, 'pending')
  })
})

describe('refunds of virtual-account deposits', () => {
  const account = { bank: 'KAKAO', number: '3333012345678', holderName: '김민수' }
  async function owed(): Promise<string> {
    const id = await paid()
    await closeMatch()
    await deliver(fake.webhook('Transaction.Paid', id))
    assert.equal((await row(id))?.status, 'refund_due')
    return id
  }
  const putAccount = (who: SignedIn, id: string, body: unknown = account) =>
    call(who, 'PUT', `/payments/${id}/refund-account`, body)
  const refund = (id: string) =>
    call(admin, 'POST', `/admin/payments/${id}/refund`, { reason: '매칭 만료 후 입금' })

  it('PUT refund-account: refused while nothing is owed (pending, or a bank transfer)', async () => {
    const pendingId = (await vaIntent(minsu)).json().id
    const notYet = await putAccount(minsu, pendingId)
    assert.equal(notYet.statusCode, 409)
    assert.equal(notYet.json().error.code, 'REFUND_NOT_DUE')
    await ctx.database.db.update(payments).set({ status: 'expired' }).where(eq(payments.id, pendingId))
    const transfer = (await call(minsu, 'POST', '/payments/intent', { matchId })).json()
    await ctx.database.db.update(payments).set({ status: 'refund_due' }).where(eq(payments.id, transfer.id))
    assert.equal((await putAccount(minsu, transfer.id)).json().error.code, 'REFUND_NOT_DUE')
  })

  it('PUT refund-account: by the person who paid, each field checked, stored encrypted', async () => {
    const id = await owed()
    const partner = await putAccount(jieun, id)
    assert.equal(partner.statusCode, 403)
    assert.equal(partner.json().error.code, 'NOT_PAYER')
    assert.equal((await putAccount(outsider, id)).statusCode, 404)
    for (const bad of [
      { ...account, bank: 'KB' },
      { ...account, number: '3333-01-2345678' },
      { ...account, number: '123' },
      { ...account, holderName: '   ' },
      { ...account, holderName: '김\u0000민수' },
      { ...account, holderName: 'x'.repeat(41) },
      { bank: account.bank, number: account.number },
    ]) {
      const res = await putAccount(minsu, id, bad)
      assert.equal(res.statusCode, 400, JSON.stringify(bad))
    }
    assert.equal((await row(id))?.refundAccountEncrypted, null)
    const ok = await putAccount(minsu, id)
    assert.equal(ok.statusCode, 200, ok.body)
    const stored = (await row(id))?.refundAccountEncrypted ?? ''
    assert.ok(!stored.includes(account.number) && !stored.includes(account.holderName))
    const cipher = createFieldCipher(testConfig().dataEncryptionKey)
    assert.deepEqual(JSON.parse(cipher.decrypt(stored, id)), account)
    const listed = (await call(admin, 'GET', '/admin/payments?method=virtual_account')).json().items[0]
    assert.equal(listed.refundAccountGiven, true)
    assert.ok(!JSON.stringify(listed).includes(account.number))
  })

  it('refund success: PortOne cancels to the given account, the payment is refunded and the account erased', async () => {
    const id = await owed()
    const missing = await refund(id)
    assert.equal(missing.statusCode, 409)
    assert.equal(missing.json().error.code, 'REFUND_ACCOUNT_MISSING')
    assert.equal((await putAccount(minsu, id)).statusCode, 200)
    const res = await refund(id)
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json(), { ok: true, status: 'refunded' })
    const [cancel] = fake.calls('cancel')
    assert.equal(cancel?.path, `/payments/${id}/cancel`)
    assert.deepEqual(cancel?.body?.refundAccount, account)
    const p = await row(id)
    assert.equal(p?.status, 'refunded')
    assert.ok(p?.refundedAt)
    assert.equal(p?.refundAccountEncrypted, null)
    assert.equal((await audit('payment.refund'))[0]?.adminId, admin.userId)
    // The Transaction.Cancelled webhook that follows changes nothing more.
    assert.equal((await deliver(fake.webhook('Transaction.Cancelled', id))).statusCode, 200)
    assert.equal((await audit('payment.refunded')).length, 0)
    const again = await refund(id)
    assert.equal(again.statusCode, 409)
  })

  it('refund failure: PortOne refuses (409 REFUND_FAILED) or is down (503); the payment stays owed with the error shown', async () => {
    const id = await owed()
    await putAccount(minsu, id)
    fake.faults.cancel = { kind: 'pg-refused' }
    const refused = await refund(id)
    assert.equal(refused.statusCode, 409, refused.body)
    assert.equal(refused.json().error.code, 'REFUND_FAILED')
    let p = await row(id)
    assert.equal(p?.status, 'refund_due')
    assert.equal(p?.refundError, 'PG_PROVIDER')
    assert.ok(p?.refundAccountEncrypted)
    const shown = (await call(admin, 'GET', '/admin/payments?status=refund_due')).json().items[0]
    assert.equal(shown.refundError, 'PG_PROVIDER')
    assert.equal((await audit('payment.refund_failed')).length, 1)

    fake.faults.cancel = { kind: 'http-500' }
    const down = await refund(id)
    assert.equal(down.statusCode, 503)
    assert.equal(down.json().error.code, 'PAYMENT_PROVIDER_UNAVAILABLE')
    p = await row(id)
    assert.equal(p?.status, 'refund_due')
    assert.equal(p?.refundError, 'PortOne did not answer')

    delete fake.faults.cancel
    assert.equal((await refund(id)).statusCode, 200)
    p = await row(id)
    assert.equal(p?.status, 'refunded')
    assert.equal(p?.refundError, null)
  })

  it('a refund PortOne accepts for later becomes refunded with the Transaction.Cancelled webhook', async () => {
    const id = await owed()
    await putAccount(minsu, id)
    fake.faults.cancel = { kind: 'requested' }
    const res = await refund(id)
    assert.deepEqual(res.json(), { ok: true, status: 'refund_due' })
    assert.ok((await row(id))?.refundRequestedAt)
    const twice = await refund(id)
    assert.equal(twice.json().error.code, 'REFUND_IN_PROGRESS')
    fake.completeCancellation(id)
    assert.equal((await deliver(fake.webhook('Transaction.Cancelled', id))).statusCode, 200)
    const p = await row(id)
    assert.equal(p?.status, 'refunded')
    assert.equal(p?.refundAccountEncrypted, null)
    assert.equal((await audit('payment.refunded'))[0]?.actor, 'system:portone')
  })

  it('a verified payment of an active match is not owed back: 409 PAYMENT_NOT_REFUNDABLE, PortOne not asked', async () => {
    const id = await paid()
    await deliver(fake.webhook('Transaction.Paid', id))
    const activated = await call(admin, 'POST', `/admin/matches/${matchId}/activate`, {})
    assert.equal(activated.statusCode, 200, activated.body)
    const res = await refund(id)
    assert.equal(res.statusCode, 409)
    assert.equal(res.json().error.code, 'PAYMENT_NOT_REFUNDABLE')
    assert.match(res.json().error.message, /not owed back/)
    assert.equal((await putAccount(minsu, id)).json().error.code, 'REFUND_NOT_DUE')
    assert.equal(fake.calls('cancel').length, 0)
    const p = await row(id)
    assert.equal(p?.status, 'verified')
    assert.equal(p?.refundError, null)
    assert.equal(await matchStatus(), 'active')
    assert.equal((await audit('payment.refund_failed')).length, 0)
  })

  it('a verified payment of a match closed before activation becomes refund_due and is refunded', async () => {
    const id = await paid()
    await deliver(fake.webhook('Transaction.Paid', id))
    assert.equal(
      (await refund(id)).json().error.code,
      'PAYMENT_NOT_REFUNDABLE',
      'not while the match may go ahead',
    )
    const closed = await call(jieun, 'POST', `/matches/${matchId}/close`, {})
    assert.equal(closed.statusCode, 200, closed.body)
    assert.equal((await row(id))?.status, 'refund_due')
    assert.equal((await putAccount(minsu, id)).statusCode, 200)
    assert.deepEqual((await refund(id)).json(), { ok: true, status: 'refunded' })
  })

  it('an amount_mismatch is refunded the same way', async () => {
    const id = await paid(30000)
    await deliver(fake.webhook('Transaction.Paid', id))
    assert.equal((await putAccount(minsu, id)).statusCode, 200)
    assert.equal((await refund(id)).statusCode, 200)
    assert.equal((await row(id))?.status, 'refunded')
    // Refunded is final: the match can be paid again.
    const next = await vaIntent(jieun)
    assert.equal(next.statusCode, 200)
    assert.notEqual(next.json().id, id)
  })
})

describe('GET /admin/payments filters', () => {
  it('filters by method and status', async () => {
    const va = (await vaIntent(minsu)).json()
    await ctx.database.db.update(payments).set({ status: 'expired' }).where(eq(payments.id, va.id))
    const transfer = (await call(minsu, 'POST', '/payments/intent', { matchId })).json()
    const ids = async (query: string) =>
      (await call(admin, 'GET', `/admin/payments${query}`)).json().items.map((i: { id: string }) => i.id)
    assert.deepEqual(await ids('?method=virtual_account'), [va.id])
    assert.deepEqual(await ids('?method=transfer'), [transfer.id])
    assert.deepEqual(await ids('?method=transfer&status=pending'), [transfer.id])
    assert.deepEqual(await ids('?method=virtual_account&status=pending'), [])
    assert.deepEqual(await ids('?method=virtual_account&status=expired'), [va.id])
    assert.equal((await call(admin, 'GET', '/admin/payments?method=card')).statusCode, 400)
  })
})
