import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { adminActions, payments } from '../src/core/db/schema.js'
import { weekOf } from '../src/core/time.js'
import {
  axeViolations,
  launchChromium,
  noBrowser,
  overflowsAt390,
  screenshot,
  watch,
} from './helpers/browser.js'
import { createTestContext, type SignedIn, signIn, type TestContext } from './helpers/context.js'
import { createPerson, like, recommend } from './helpers/factories.js'
import { FakePortOne } from './helpers/portone.js'

/*
 * The operator console with virtual-account payments (PortOne stand-in on loopback): what it shows
 * where a transfer shows its code, the refund's state and error, and which actions it offers —
 * exactly those the API accepts. Pages in Chromium first (axe, 390 px, CSP), then the forms over HTTP.
 */
let fake: FakePortOne
let ctx: TestContext
let admin: SignedIn
let cookie: string
let csrf: string
const people: SignedIn[] = []
/** amount_mismatch (30,000 of 33,000 paid); owed back (match closed) with an account; owed without one; verified and active. */
let mismatchId: string
let owedId: string
let noAccountId: string
let activeId: string
const account = { bank: 'KAKAO', number: '3333012345678', holderName: '김민수' }

async function pairUp(a: SignedIn, b: SignedIn): Promise<string> {
  const week = weekOf(ctx.clock.now())
  await recommend(ctx.database, a, b, week)
  await recommend(ctx.database, b, a, week)
  await like(ctx.app, a, b, week)
  return (await like(ctx.app, b, a, week)).json().matchId
}

/** A virtual-account payment asked for by `payer`, `amount` deposited and PortOne's webhook delivered. */
async function vaPayment(payer: SignedIn, matchId: string, amount: number | null): Promise<string> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/payments/intent',
    headers: payer.headers,
    payload: { matchId, method: 'virtual_account' },
  })
  assert.equal(res.statusCode, 200, res.body)
  const id = res.json().id as string
  if (amount !== null) await webhookPaid(id, amount)
  return id
}
async function webhookPaid(id: string, amount: number) {
  fake.deposit(id, amount)
  const delivery = fake.webhook('Transaction.Paid', id)
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/webhooks/portone',
    headers: delivery.headers,
    payload: delivery.payload,
  })
  assert.equal(res.statusCode, 200, res.body)
}
const api = (who: SignedIn, method: 'POST' | 'PUT', url: string, payload: object = {}) =>
  ctx.app.inject({ method, url, headers: who.headers, payload })
const row = async (id: string) =>
  (await ctx.database.db.select().from(payments).where(eq(payments.id, id)))[0]
const accountNumber = (id: string) => fake.payments.get(id)?.accountNumber as string
const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } })
const post = (url: string, form: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url, headers: { cookie }, payload: { _csrf: csrf, ...form } })
/** The table row of the payments page that shows this payment's virtual account. */
async function listedRow(id: string, query = 'method=virtual_account'): Promise<string> {
  const res = await get(`/console/payments?${query}`)
  assert.equal(res.statusCode, 200)
  const found = res.body.split('<tr>').find((r) => r.includes(accountNumber(id)))
  assert.ok(found, `payment ${id} is listed`)
  return found.split('</tr>')[0] as string
}

before(async () => {
  fake = await FakePortOne.start()
  ctx = await createTestContext({
    ADMIN_KAKAO_IDS: '1',
    PAYMENT_AMOUNT_KRW: '33000',
    ...fake.paymentEnv({ PORTONE_TIMEOUT_MS: '3000' }),
  })
  admin = await signIn(ctx.app, '1')
  for (let i = 0; i < 8; i++) {
    people.push(
      await createPerson(ctx.app, { kakaoId: `${100 + i}`, gender: i % 2 ? 'F' : 'M', birthYear: 1990 + i }),
    )
  }
  const [m1, m2, m3, m4] = [
    await pairUp(people[0] as SignedIn, people[1] as SignedIn),
    await pairUp(people[2] as SignedIn, people[3] as SignedIn),
    await pairUp(people[4] as SignedIn, people[5] as SignedIn),
    await pairUp(people[6] as SignedIn, people[7] as SignedIn),
  ] as string[]
  mismatchId = await vaPayment(people[0] as SignedIn, m1 as string, 30000)
  for (const [payer, other, matchId] of [
    [people[2], people[3], m2],
    [people[4], people[5], m3],
  ] as Array<[SignedIn, SignedIn, string]>) {
    const id = await vaPayment(payer, matchId, null)
    assert.equal((await api(other, 'POST', `/matches/${matchId}/close`)).statusCode, 200)
    await webhookPaid(id, 33000)
    if (matchId === m2) owedId = id
    else noAccountId = id
  }
  const given = await api(people[2] as SignedIn, 'PUT', `/payments/${owedId}/refund-account`, account)
  assert.equal(given.statusCode, 200, given.body)
  activeId = await vaPayment(people[6] as SignedIn, m4 as string, 33000)
  assert.equal((await api(admin, 'POST', `/admin/matches/${m4}/activate`)).statusCode, 200)
  assert.deepEqual(
    await Promise.all([mismatchId, owedId, noAccountId, activeId].map(async (id) => (await row(id))?.status)),
    ['amount_mismatch', 'refund_due', 'refund_due', 'verified'],
  )

  // A console session through the dev sign-in form, as an operator's browser gets one.
  const login = await ctx.app.inject({ method: 'GET', url: '/console/login' })
  const loginCookie = String(login.headers['set-cookie']).split(';')[0] as string
  const token = /name="_csrf" value="([^"]+)"/.exec(login.body)?.[1] as string
  const signedIn = await ctx.app.inject({
    method: 'POST',
    url: '/console/login/dev',
    headers: { cookie: loginCookie },
    payload: { _csrf: token, kakaoUserId: '1' },
  })
  assert.equal(signedIn.statusCode, 303, signedIn.body)
  cookie = ([] as string[])
    .concat(signedIn.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('shh_console='))
    ?.split(';')[0] as string
  csrf = /name="_csrf" value="([^"]+)"/.exec((await get('/console/')).body)?.[1] as string
})

after(async () => {
  await ctx?.close()
  await fake?.stop()
})

describe('console payments with virtual accounts, in Chromium', { skip: noBrowser }, () => {
  let browser: Browser
  let page: Page
  let problems: string[]
  before(async () => {
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' })
    page.setDefaultTimeout(10_000)
    problems = watch(page)
    const base = await ctx.app.listen({ port: 0, host: '127.0.0.1' })
    await page.goto(`${base}/console/login`)
    await page.getByRole('button', { name: /1/ }).click()
    await page.waitForURL(/\/console\/$/)
  })
  after(() => browser?.close())

  async function check(name: string) {
    const violations = await axeViolations(page)
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      `axe on ${name}`,
    )
    await page.setViewportSize({ width: 390, height: 844 })
    assert.equal(await overflowsAt390(page), false, `${name} is wider than 390 px`)
    await page.setViewportSize({ width: 1280, height: 900 })
    await screenshot(page, name)
    assert.deepEqual(problems.splice(0), [], `${name}: console errors or CSP violations`)
  }

  it('lists the virtual accounts, and an amount_mismatch cannot be verified without a reason', async () => {
    await page.getByRole('link', { name: /금액 불일치 결제/ }).click()
    await page.waitForURL(/status=amount_mismatch/)
    await page.getByLabel('결제 방식').selectOption('virtual_account')
    await page.getByRole('button', { name: '찾기' }).click()
    await page.waitForURL(/method=virtual_account/)
    await check('va-payments-mismatch')
    const listed = page.locator('tr', { hasText: accountNumber(mismatchId) })
    assert.match(
      (await listed.textContent()) ?? '',
      /가상계좌.*신한은행.*33,000원.*금액 불일치.*30,000원 입금/s,
    )
    await listed.getByRole('link', { name: '입금 확인…' }).click()
    await page.getByRole('heading', { level: 1, name: '입금 확인' }).waitFor()
    await check('va-payment-verify-mismatch')
    await page.getByRole('button', { name: '입금 확인' }).click()
    // The browser keeps the form: the reason is required before anything is sent.
    assert.equal(
      await page
        .getByLabel('금액이 달라도 인정하는 사유 (필수)')
        .evaluate((el) => (el as { validity: { valueMissing: boolean } }).validity.valueMissing),
      true,
    )
    assert.equal((await row(mismatchId))?.status, 'amount_mismatch')
  })

  it('shows a refund owed back with its account state, and its refund page', async () => {
    await page.goto(`${page.url().split('/console/')[0]}/console/payments?status=refund_due`)
    await check('va-payments-refund-due')
    assert.match(
      (await page.locator('tr', { hasText: accountNumber(noAccountId) }).textContent()) ?? '',
      /환불 계좌 미등록/,
    )
    const owed = page.locator('tr', { hasText: accountNumber(owedId) })
    assert.match((await owed.textContent()) ?? '', /환불 계좌 등록됨/)
    await owed.getByRole('link', { name: '환불…' }).click()
    await page.getByRole('heading', { level: 1, name: '환불' }).waitFor()
    await check('va-payment-refund')
    assert.match((await page.locator('dl.facts').textContent()) ?? '', /예금주쉿매치/)
    assert.ok(!(await page.content()).includes(account.number), "the payer's account is never shown")
  })
})

describe('console payments with virtual accounts, over HTTP', () => {
  it('shows method and virtual account where a transfer shows its code, and offers only what the API allows', async () => {
    const mismatch = await listedRow(mismatchId)
    assert.match(mismatch, /가상계좌/)
    assert.match(mismatch, /신한은행/)
    assert.doesNotMatch(mismatch, /null|undefined/)
    assert.match(mismatch, new RegExp(`/payments/${mismatchId}/verify`))
    assert.doesNotMatch(mismatch, /\/refund"/, 'no refund before the payer gave an account')
    assert.match(mismatch, /환불 계좌 미등록/)
    const given = await api(people[0] as SignedIn, 'PUT', `/payments/${mismatchId}/refund-account`, account)
    assert.equal(given.statusCode, 200)
    const mismatchNow = await listedRow(mismatchId)
    assert.match(mismatchNow, new RegExp(`/payments/${mismatchId}/verify`))
    assert.match(mismatchNow, new RegExp(`/payments/${mismatchId}/refund`), 'verify or refund')

    assert.match(await listedRow(owedId), new RegExp(`/payments/${owedId}/refund">환불…`))
    const noAccount = await listedRow(noAccountId)
    assert.doesNotMatch(noAccount, /\/refund"/)
    assert.doesNotMatch(noAccount, /\/verify"/)
    const active = await listedRow(activeId)
    assert.match(active, /입금 확인/)
    assert.doesNotMatch(active, /\/refund"|\/verify"/, 'a verified payment of an active match: nothing to do')

    const transfers = await get('/console/payments?method=transfer')
    assert.equal(transfers.statusCode, 200)
    assert.ok(!transfers.body.includes(accountNumber(owedId)))
    const bad = await get('/console/payments?method=card')
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /입력값이 올바르지 않습니다/)
  })

  it('shows the virtual account on the confirmation page, and the user page names the method', async () => {
    const facts = await get(`/console/payments/${mismatchId}/verify`)
    assert.equal(facts.statusCode, 200)
    for (const shown of [
      '가상계좌',
      '신한은행',
      accountNumber(mismatchId),
      '쉿매치',
      '입금 기한',
      '30,000원',
      '33,000원',
    ])
      assert.ok(facts.body.includes(shown), shown)
    assert.match(facts.body, /결제자가 등록함/)
    assert.ok(!facts.body.includes(account.number))
    assert.match(facts.body, /name="memo"[^>]*required/)
    const user = await get(`/console/users/${people[0]?.userId}`)
    assert.equal(user.statusCode, 200)
    assert.match(user.body, /<td>가상계좌<\/td><td>33,000원<\/td>/)
  })

  it('verifies an amount_mismatch only with a reason (400 REASON_REQUIRED, nothing changed), then with it', async () => {
    const refused = await post(`/console/payments/${mismatchId}/verify`, { memo: '  ' })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /사유를 입력하세요/)
    assert.match(refused.body, /REASON_REQUIRED/)
    assert.equal((await row(mismatchId))?.status, 'amount_mismatch')
    const ok = await post(`/console/payments/${mismatchId}/verify`, {
      memo: '차액 3,000원은 다음 달에 받기로 함',
    })
    assert.equal(ok.statusCode, 303)
    assert.match(String(ok.headers.location), /notice=verified/)
    const p = await row(mismatchId)
    assert.equal(p?.status, 'verified')
    assert.equal(p?.memo, '차액 3,000원은 다음 달에 받기로 함')
    const [audit] = (await ctx.database.db.select().from(adminActions)).filter(
      (a) => a.action === 'payment.verify' && a.targetId === mismatchId,
    )
    assert.equal(audit?.adminId, admin.userId)
  })

  it('refunds through PortOne: a refusal is shown in Korean and kept in the list; a retry refunds', async () => {
    fake.faults.cancel = { kind: 'pg-refused' }
    const refused = await post(`/console/payments/${owedId}/refund`, { reason: '매칭 종료 후 입금' })
    assert.equal(refused.statusCode, 409)
    assert.match(refused.body, /PortOne이 환불을 거절했습니다/)
    assert.match(refused.body, /REFUND_FAILED/)
    assert.match(await listedRow(owedId), /환불 오류: PG_PROVIDER/)
    assert.match((await get(`/console/payments/${owedId}/refund`)).body, /마지막 환불 오류/)
    delete fake.faults.cancel
    const ok = await post(`/console/payments/${owedId}/refund`, { reason: '매칭 종료 후 입금' })
    assert.equal(ok.statusCode, 303)
    assert.match(String(ok.headers.location), /notice=refunded/)
    const p = await row(owedId)
    assert.equal(p?.status, 'refunded')
    assert.equal(p?.refundError, null)
    const listed = await listedRow(owedId)
    assert.match(listed, /환불 완료/)
    assert.doesNotMatch(listed, /환불 오류|\/refund"/)
  })

  it('a refund PortOne confirms later: the notice says so, the list shows it pending, no second refund offered', async () => {
    const given = await api(people[4] as SignedIn, 'PUT', `/payments/${noAccountId}/refund-account`, account)
    assert.equal(given.statusCode, 200)
    fake.faults.cancel = { kind: 'requested' }
    const res = await post(`/console/payments/${noAccountId}/refund`, { reason: '매칭 종료 후 입금' })
    delete fake.faults.cancel
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers.location), /notice=refund-requested/)
    const notice = await get(String(res.headers.location).replace(/^.*\/console/, '/console'))
    assert.match(notice.body, /PortOne에 환불을 요청했습니다/)
    const listed = await listedRow(noAccountId)
    assert.match(listed, /PortOne 확인 대기/)
    assert.doesNotMatch(listed, /\/refund"/)
    const twice = await post(`/console/payments/${noAccountId}/refund`, { reason: '다시' })
    assert.equal(twice.statusCode, 409)
    assert.match(twice.body, /REFUND_IN_PROGRESS/)
  })

  it('a verified payment of an active match: a forged refund form gets the 409 page, nothing changes', async () => {
    const cancels = fake.calls('cancel').length
    const res = await post(`/console/payments/${activeId}/refund`, { reason: '고객 요청' })
    assert.equal(res.statusCode, 409)
    assert.match(res.body, /환불할 수 없는 상태의 결제입니다/)
    assert.match(res.body, /PAYMENT_NOT_REFUNDABLE/)
    assert.equal((await row(activeId))?.status, 'verified')
    assert.equal(fake.calls('cancel').length, cancels)
  })
})
