import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import iconv from 'iconv-lite'
import type { Browser, Page } from 'playwright-core'
import {
  adminActions,
  batchRuns,
  matches,
  payments,
  photos,
  piiAccessLog,
  profiles,
  users,
} from '../src/core/db/schema.js'
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
import { addPhoto, jpeg } from './helpers/photos.js'

/**
 * The operator console in headless Chromium: the flows an operator goes through, each checked in the
 * database afterwards; every page scanned by axe-core, at 1280 and 390 px, with no console error and
 * no CSP violation.
 */
const XSS = '<img src=x onerror=alert(1)>'
let ctx: TestContext
let base: string
let browser: Browser
let page: Page
let problems: string[]
let minsu: SignedIn
let jieun: SignedIn
let hyun: SignedIn
let sora: SignedIn
let tae: SignedIn
let mina: SignedIn
let paidMatch: string
let statementMatch: string
let unpaidMatch: string
let statementCode: string
let paidCode: string
let photoIds: string[] = []
const scanned = new Set<string>()

async function pairUp(a: SignedIn, b: SignedIn, week: string): Promise<string> {
  await recommend(ctx.database, a, b, week)
  await recommend(ctx.database, b, a, week)
  await like(ctx.app, a, b, week)
  return (await like(ctx.app, b, a, week)).json().matchId
}

async function intent(who: SignedIn, matchId: string) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/payments/intent',
    headers: who.headers,
    payload: { matchId },
  })
  assert.equal(res.statusCode, 200, res.body)
  return res.json() as { id: string; code: string }
}

/** Opens a console page and checks what every page must satisfy. */
async function visit(path: string, name: string): Promise<void> {
  const response = await page.goto(`${base}/console${path}`)
  assert.equal(response?.status(), 200, `${path}: ${response?.status()}`)
  await check(name)
}

async function check(name: string): Promise<void> {
  const violations = await axeViolations(page)
  assert.deepEqual(
    violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    [],
    `axe on ${name}`,
  )
  await page.setViewportSize({ width: 390, height: 844 })
  assert.equal(await overflowsAt390(page), false, `${name} is wider than 390 px`)
  await page.setViewportSize({ width: 1280, height: 900 })
  await screenshot(page, name)
  assert.deepEqual(problems.splice(0), [], `${name}: console errors or CSP violations`)
  scanned.add(name)
}

const audit = async (action: string) =>
  (await ctx.database.db.select().from(adminActions)).filter((a) => a.action === action)

before(async () => {
  if (noBrowser) return
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1', PAYMENT_AMOUNT_KRW: '33000' })
  base = await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const week = weekOf(ctx.clock.now())
  await signIn(ctx.app, '1')
  minsu = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
  hyun = await createPerson(ctx.app, { kakaoId: '300', gender: 'M', birthYear: 1993 })
  sora = await createPerson(ctx.app, { kakaoId: '400', gender: 'F', birthYear: 1995 })
  tae = await createPerson(ctx.app, { kakaoId: '500', gender: 'M', birthYear: 1992 })
  mina = await createPerson(ctx.app, { kakaoId: '600', gender: 'F', birthYear: 1997 })
  paidMatch = await pairUp(minsu, jieun, week)
  statementMatch = await pairUp(hyun, sora, week)
  unpaidMatch = await pairUp(tae, mina, week)
  paidCode = (await intent(minsu, paidMatch)).code
  statementCode = (await intent(hyun, statementMatch)).code
  // A contact to reveal, and text written by outsiders that must stay text.
  const saved = await ctx.app.inject({
    method: 'PUT',
    url: '/profile',
    headers: mina.headers,
    payload: {
      nickname: '미나',
      gender: 'F',
      birthYear: 1997,
      region: '서울',
      contact: '01012345678',
    },
  })
  assert.equal(saved.statusCode, 200, saved.body)
  await ctx.database.db.update(profiles).set({ nickname: XSS }).where(eq(profiles.userId, tae.userId))
  const report = await ctx.app.inject({
    method: 'POST',
    url: '/reports',
    headers: mina.headers,
    payload: { reportedUserId: tae.userId, reason: 'harassment', detail: '<script>alert(2)</script> 욕설' },
  })
  assert.equal(report.statusCode, 201, report.body)

  photoIds = []
  for (const who of [jieun, sora]) {
    const res = await addPhoto(ctx.app, who, await jpeg(800, 600))
    assert.equal(res.statusCode, 201, res.body)
    photoIds.push(res.json().id)
  }

  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' })
  page.setDefaultTimeout(10_000)
  problems = watch(page)
})

after(async () => {
  await browser?.close()
  await ctx?.close()
})

describe('the operator console in Chromium', { skip: noBrowser }, () => {
  it('sends a visitor without a session to the sign-in page', async () => {
    await page.goto(`${base}/console/`)
    assert.match(page.url(), /\/console\/login$/)
    await check('login')
  })

  it('refuses a Kakao id that is not an admin, creates nothing, and logs the refusal', async () => {
    await page.goto(`${base}/console/login`)
    // The dev page only lists admins: a tampered form is what a non-admin could send.
    await page
      .locator('input[name="kakaoUserId"]')
      .first()
      .evaluate((input) => {
        ;(input as unknown as { value: string }).value = '999'
      })
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/console/login/dev')),
      page.getByRole('button', { name: /1/ }).click(),
    ])
    assert.equal(response.status(), 403)
    await page.getByText('관리자로 등록되어 있지 않습니다').waitFor()
    await check('refused')
    assert.equal((await ctx.database.db.select().from(users).where(eq(users.kakaoUserId, '999'))).length, 0)
    const [refusal] = await audit('console.signin_refused')
    assert.equal(refusal?.actor, 'system:console')
    assert.equal((refusal?.detail as { kakaoUserId?: string } | undefined)?.kakaoUserId, '999')
  })

  it('signs an admin in with the dev button named after the id, and shows the dashboard', async () => {
    await page.goto(`${base}/console/login`)
    await page.getByRole('button', { name: /1/ }).click()
    await page.waitForURL(/\/console\/$/)
    await page.getByRole('heading', { name: '대시보드' }).waitFor()
    assert.match((await page.locator('.cards').textContent()) ?? '', /입금 대기 결제/)
    await check('dashboard')
    const [signin] = await audit('console.signin')
    assert.equal((signin?.detail as { method?: string } | undefined)?.method, 'dev')
    const cookies = await page.context().cookies()
    const session = cookies.find((c) => c.name === 'shh_console')
    assert.ok(session?.httpOnly, 'httpOnly')
    assert.equal(session?.sameSite, 'Lax')
    assert.ok(!(await page.content()).includes('eyJ'), 'no JWT on the page')
  })

  it('is usable from the keyboard: a skip link first, a visible focus ring, labelled controls', async () => {
    await visit('/payments', 'payments-keyboard')
    await page.keyboard.press('Tab')
    const skip = (await page.evaluate(
      '(() => { const a = document.activeElement; const s = getComputedStyle(a); return { text: a.textContent, outline: s.outlineStyle, width: s.outlineWidth } })()',
    )) as { text: string; outline: string; width: string }
    assert.equal(skip.text, '본문으로 건너뛰기')
    assert.notEqual(skip.outline, 'none')
    assert.notEqual(skip.width, '0px')
    await page.keyboard.press('Enter')
    assert.match(page.url(), /#main$/)
    // Through the menu to the status filter: every stop has a name a screen reader can say.
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab')
      const name = (await page.evaluate(
        "(() => { const a = document.activeElement; return (a.labels && a.labels[0] ? a.labels[0].textContent : a.textContent || a.getAttribute('aria-label') || '').trim() })()",
      )) as string
      assert.ok(name.length > 0, `tab stop ${i + 1} has no name`)
    }
  })

  it('verifies a payment after a confirmation step', async () => {
    await visit('/payments?status=pending', 'payments')
    const row = page.locator('tr', { hasText: paidCode })
    await row.getByRole('link', { name: '입금 확인…' }).click()
    await page.getByRole('heading', { level: 1, name: '입금 확인' }).waitFor()
    await check('payment-verify')
    const [p] = await ctx.database.db.select().from(payments).where(eq(payments.matchId, paidMatch))
    assert.equal(p?.status, 'pending', 'nothing changes before the confirmation')
    await page.getByLabel('통장에 찍힌 입금자명').fill('김민수')
    await page.getByRole('button', { name: '입금 확인' }).click()
    await page.getByText('입금을 확인했습니다.').waitFor()
    const [verified] = await ctx.database.db.select().from(payments).where(eq(payments.matchId, paidMatch))
    assert.equal(verified?.status, 'verified')
    assert.equal(verified?.depositorName, '김민수')
    assert.equal((await audit('payment.verify')).length, 1)
  })

  it('records a refund of a verified payment, with a reason', async () => {
    await visit('/payments?status=verified', 'payments-verified')
    await page.getByRole('link', { name: '환불 기록…' }).first().click()
    await check('payment-refund')
    await page.getByLabel('사유 (필수)').fill('고객 요청으로 반환')
    await page.getByRole('button', { name: '환불 완료로 기록' }).click()
    await page.getByText('환불 처리를 기록했습니다.').waitFor()
    const [p] = await ctx.database.db.select().from(payments).where(eq(payments.matchId, paidMatch))
    assert.equal(p?.status, 'refunded')
    const [entry] = await audit('payment.refund')
    assert.equal((entry?.detail as { reason?: string } | undefined)?.reason, '고객 요청으로 반환')
  })

  it('reads a CP949 statement, previews it, then applies the matched line', async () => {
    await visit('/statements', 'statements')
    const csv = `거래일시,적요,입금액,출금액\n2026.11.26 15:02:11,홍길동 ${statementCode.slice(0, 4)}-${statementCode.slice(4)},"33,000",0\n2026.11.26 16:00,김철수,"10,000",0\n`
    await page.getByLabel('입금 내역 파일 (CSV)').setInputFiles({
      name: 'statement.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(csv, 'cp949'),
    })
    await page.getByRole('button', { name: '미리 보기' }).click()
    await page.getByRole('heading', { name: '입금 내역 미리 보기' }).waitFor()
    const preview = (await page.locator('table').textContent()) ?? ''
    assert.match(preview, /홍길동/)
    assert.match(preview, /일치/)
    assert.match(preview, /불일치/)
    await check('statement-preview')
    const [before] = await ctx.database.db.select().from(payments).where(eq(payments.matchId, statementMatch))
    assert.equal(before?.status, 'pending', 'a preview changes nothing')
    await page.getByRole('button', { name: /일치 1건 적용/ }).click()
    await page.getByText('1건을 입금 확인했습니다.').waitFor()
    await check('statement-applied')
    const [applied] = await ctx.database.db
      .select()
      .from(payments)
      .where(eq(payments.matchId, statementMatch))
    assert.equal(applied?.status, 'verified')
    const entries = await audit('payment.verify')
    assert.ok(entries.some((e) => (e.detail as { source?: string }).source === 'statement'))
  })

  it('refuses to activate an unpaid match without force, then activates it with force and a reason', async () => {
    await visit('/matches?status=pending', 'matches')
    const row = page.locator('tr', { hasText: unpaidMatch })
    await row.getByRole('button', { name: '활성화' }).click()
    await page.getByText('입금 확인된 결제가 없습니다').waitFor()
    await check('match-refused')
    await page.getByRole('link', { name: '이전 화면으로' }).click()
    await page.waitForURL(/\/console\/matches\?status=pending$/)
    const again = page.locator('tr', { hasText: unpaidMatch })
    await again.getByLabel('강제 활성화').check()
    await again.getByLabel('사유').fill('현장 결제 확인')
    await again.getByRole('button', { name: '활성화' }).click()
    await page.getByText('매칭을 활성화했습니다.').waitFor()
    const [m] = await ctx.database.db.select().from(matches).where(eq(matches.id, unpaidMatch))
    assert.equal(m?.status, 'active')
    const [entry] = (await audit('match.activate')).filter((a) => a.targetId === unpaidMatch)
    assert.deepEqual(entry?.detail, { paid: false, force: true, reason: '현장 결제 확인' })
  })

  it('shows an outsider-written nickname and report as text', async () => {
    await visit('/reports', 'reports')
    await page.getByText('<script>alert(2)</script> 욕설').waitFor()
    await visit('/users', 'users')
    await page.getByRole('link', { name: XSS }).waitFor()
    assert.equal(await page.locator('img[src="x"]').count(), 0)
    assert.deepEqual(problems, [])
  })

  it('bans and unbans a user with a reason', async () => {
    await visit('/users?q=300', 'users-search')
    await page.getByRole('link', { name: '사람300' }).click()
    await page.getByRole('heading', { name: /회원: 사람300/ }).waitFor()
    await check('user')
    await page.getByLabel('정지 사유 (필수)').fill('반복된 신고')
    await page.getByRole('button', { name: '회원 정지' }).click()
    await page.getByText('회원을 정지했습니다.').waitFor()
    const banned = await ctx.database.db.select().from(users).where(eq(users.id, hyun.userId))
    assert.equal(banned[0]?.banned, true)
    await page.getByLabel('정지 해제 사유 (필수)').fill('소명 확인')
    await page.getByRole('button', { name: '정지 해제' }).click()
    await page.getByText('회원 정지를 해제했습니다.').waitFor()
    const lifted = await ctx.database.db.select().from(users).where(eq(users.id, hyun.userId))
    assert.equal(lifted[0]?.banned, false)
    const reasons = [...(await audit('user.ban')), ...(await audit('user.unban'))].map(
      (a) => (a.detail as { reason?: string }).reason,
    )
    assert.deepEqual(reasons, ['반복된 신고', '소명 확인'])
  })

  it('reveals a contact only with a reason, and the access log shows it', async () => {
    await visit(`/users/${mina.userId}`, 'user-contact')
    await page.getByLabel('열람 사유 (필수)').fill('분쟁 조정 연락')
    await page.getByRole('button', { name: '연락처 보기' }).click()
    await page.locator('#contact').waitFor()
    assert.match((await page.locator('#contact').textContent()) ?? '', /01012345678/)
    await check('user-contact-shown')
    const log = await ctx.database.db.select().from(piiAccessLog).where(eq(piiAccessLog.what, 'contact'))
    assert.equal(log.length, 1)
    assert.equal(log[0]?.reason, '분쟁 조정 연락')
    await visit('/access-log', 'access-log')
    const row = page.locator('tr', { hasText: '분쟁 조정 연락' })
    assert.match((await row.textContent()) ?? '', /연락처/)
  })

  it('approves one photo and rejects another with a reason the owner will see', async () => {
    await visit('/photos', 'photos')
    const thumbs = page.locator('img.thumb')
    assert.equal(await thumbs.count(), 2)
    const loaded = (await page.evaluate(
      "Promise.all([...document.querySelectorAll('img.thumb')].map((i) => i.decode().then(() => i.naturalWidth, () => 0)))",
    )) as number[]
    assert.ok(
      loaded.every((w) => w > 0),
      `thumbnails load under the CSP: ${loaded}`,
    )
    const [first, second] = photoIds as [string, string]
    await page.locator(`form[action$="/photos/${first}/approve"] button`).click()
    await page.getByText('사진을 승인했습니다.').waitFor()
    const rejectForm = page.locator(`form[action$="/photos/${second}/reject"]`)
    await rejectForm.getByLabel('반려 사유').fill('얼굴이 보이지 않아요')
    await rejectForm.getByRole('button', { name: '반려' }).click()
    await page.getByText('사진을 반려했습니다.').waitFor()
    await check('photos-after')
    const rows = await ctx.database.db.select().from(photos)
    assert.equal(rows.find((p) => p.id === first)?.status, 'approved')
    const rejected = rows.find((p) => p.id === second)
    assert.equal(rejected?.status, 'rejected')
    assert.equal(rejected?.rejectionReason, '얼굴이 보이지 않아요')
    assert.equal((await audit('photo.approve')).length, 1)
    assert.equal((await audit('photo.reject')).length, 1)
  })

  it('runs the recommendation batch now and lists the run', async () => {
    await visit('/batch', 'batch')
    await page.getByRole('button', { name: '이번 주 추천 지금 실행' }).click()
    await page.getByText('추천 배치를 시작했습니다.').waitFor()
    const runs = await ctx.database.db.select().from(batchRuns)
    assert.equal(runs.length, 1)
    assert.equal(runs[0]?.trigger, 'admin')
    assert.equal((await audit('recs.run')).length, 1)
    await batchFinished()
    await visit('/batch', 'batch-after')
    assert.match((await page.locator('table').textContent()) ?? '', /성공/)
  })

  it('lists the audit log and neutralises formulas in its CSV', async () => {
    await visit('/audit', 'audit')
    assert.match((await page.locator('table').textContent()) ?? '', /payment\.verify/)
    await ctx.database.db
      .update(payments)
      .set({ depositorName: '=HYPERLINK("http://evil")' })
      .where(eq(payments.matchId, paidMatch))
    const csv = await page.request.get(`${base}/console/payments.csv`)
    assert.equal(csv.status(), 200)
    assert.match(await csv.text(), /'=HYPERLINK/)
    const auditCsv = await page.request.get(`${base}/console/audit.csv`)
    assert.equal(auditCsv.status(), 200)
    assert.match(await auditCsv.text(), /match\.activate/)
  })

  it('refuses a state change without the CSRF token, and changes nothing', async () => {
    const forms: Array<Record<string, string>> = [
      { reason: '토큰 없음' },
      { reason: '틀린 토큰', _csrf: 'x'.repeat(43) },
    ]
    for (const form of forms) {
      const res = await page.request.post(`${base}/console/users/${jieun.userId}/ban`, {
        form,
        maxRedirects: 0,
      })
      assert.equal(res.status(), 403)
      assert.match(await res.text(), /CSRF_INVALID/)
    }
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, jieun.userId))
    assert.equal(row?.banned, false)
  })

  it('pages long lists', async () => {
    for (let i = 0; i < 25; i++) await signIn(ctx.app, `70${i}`)
    await visit('/users', 'users-page-1')
    await page.getByRole('link', { name: '다음 페이지' }).click()
    await page.waitForURL(/page=2/)
    assert.match((await page.locator('.pager').textContent()) ?? '', /2 \/ 2/)
    await check('users-page-2')
  })

  it('signs out: the session cookie stops working', async () => {
    const session = (await page.context().cookies()).find((c) => c.name === 'shh_console')
    await page.getByRole('button', { name: '로그아웃' }).click()
    await page.getByText('로그아웃했습니다.').waitFor()
    assert.match(page.url(), /\/console\/login/)
    const context = await browser.newContext()
    await context.addCookies([{ ...(session as NonNullable<typeof session>) }])
    const res = await context.request.get(`${base}/console/`, { maxRedirects: 0 })
    assert.equal(res.status(), 303)
    await context.close()
    assert.equal((await audit('console.signout')).length, 1)
  })

  it('scanned every page of the menu', () => {
    for (const name of [
      'dashboard',
      'payments',
      'statements',
      'matches',
      'reports',
      'users',
      'photos',
      'batch',
      'audit',
      'access-log',
    ])
      assert.ok(scanned.has(name), name)
  })
})

/** The batch writes after the request answered: wait for it as an operator would, by reloading. */
async function batchFinished(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [run] = await ctx.database.db.select().from(batchRuns)
    if (run && (run.status === 'succeeded' || run.status === 'failed')) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('the batch did not finish')
}
