import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import iconv from 'iconv-lite'
import { createTestContext, type SignedIn, signIn, type TestContext } from './helpers/context.js'
import { runBatch } from './helpers/factories.js'

/** The whole journey, through the HTTP API only: sign-in to contacts revealed. */
let ctx: TestContext
let app: FastifyInstance
before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
  app = ctx.app
})
after(() => ctx.close())

async function onboard(kakaoId: string, me: 'M' | 'F', contact: string): Promise<SignedIn> {
  const user = await signIn(app, kakaoId)
  const put = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'PUT', url, headers: user.headers, payload })
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`)
  }
  await put('/profile', { nickname: `n${kakaoId}`, gender: me, birthYear: 1995, region: '서울', contact })
  await put('/preferences', {
    targetGender: me === 'M' ? 'F' : 'M',
    ageMin: 25,
    ageMax: 40,
    regions: ['서울'],
  })
  await put('/me/consents', { terms: 'v1', privacy: 'v1', refund: 'v1', adult: 'v1', contactShare: 'v1' })
  return user
}

const call = (who: SignedIn, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) })

async function matchPair(a: SignedIn, b: SignedIn): Promise<string> {
  const listA = (await call(a, 'GET', '/recommendations')).json()
  const listB = (await call(b, 'GET', '/recommendations')).json()
  const itemA = listA.find((i: { targetUserId: string }) => i.targetUserId === b.userId)
  const itemB = listB.find((i: { targetUserId: string }) => i.targetUserId === a.userId)
  assert.ok(itemA && itemB, 'they were recommended to each other')
  assert.equal(
    (await call(a, 'POST', '/likes', { toUserId: b.userId, batchWeek: itemA.batchWeek })).json().matched,
    false,
  )
  const second = (await call(b, 'POST', '/likes', { toUserId: a.userId, batchWeek: itemB.batchWeek })).json()
  assert.equal(second.matched, true)
  return second.matchId
}

describe('from sign-in to contacts revealed', () => {
  it('works for two pairs, one paying by a UTF-8 statement and one by a CP949 statement', async () => {
    const admin = await signIn(app, '1')
    const minsu = await onboard('100', 'M', '010-1111-2222')
    const jieun = await onboard('200', 'F', 'https://open.kakao.com/o/jieun')
    const junho = await onboard('101', 'M', '010-3333-4444')
    const seoyeon = await onboard('201', 'F', '010-5555-6666')
    assert.equal((await runBatch(app, admin)).status, 'succeeded')

    const first = await matchPair(minsu, jieun)
    const second = await matchPair(junho, seoyeon)
    const pay1 = (await call(minsu, 'POST', '/payments/intent', { matchId: first })).json()
    const pay2 = (await call(seoyeon, 'POST', '/payments/intent', { matchId: second })).json()
    assert.notEqual(pay1.code, pay2.code)

    const statement = (code: string, name: string) =>
      `거래일시,입금자명,입금액\n2026-11-26 15:00,${name} ${code},"${pay1.amount.toLocaleString('en-US')}"\n`
    for (const [body, type] of [
      [Buffer.from(statement(pay1.code, '김민수'), 'utf8'), 'UTF-8'],
      [iconv.encode(statement(pay2.code, '이서연'), 'cp949'), 'CP949'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/admin/payments/reconcile?apply=true',
        headers: { ...admin.headers, 'content-type': 'text/csv' },
        payload: body,
      })
      assert.equal(res.json().applied, 1, `${type}: ${res.body}`)
    }
    assert.equal((await call(jieun, 'GET', `/payments/${pay1.id}`)).json().status, 'verified')

    for (const matchId of [first, second]) {
      assert.equal((await call(admin, 'POST', `/admin/matches/${matchId}/activate`, {})).statusCode, 200)
    }
    const contactSeenBy = async (who: SignedIn, matchId: string) =>
      (await call(who, 'GET', `/matches/${matchId}`)).json().otherProfile.contact
    assert.equal(await contactSeenBy(minsu, first), 'https://open.kakao.com/o/jieun')
    assert.equal(await contactSeenBy(jieun, first), '01011112222')
    assert.equal(await contactSeenBy(junho, second), '01055556666')
    assert.equal(await contactSeenBy(seoyeon, second), '01033334444')

    const actions = (await call(admin, 'GET', '/admin/actions?pageSize=50'))
      .json()
      .items.map((a: { action: string }) => a.action)
    assert.deepEqual(actions.sort(), [
      'match.activate',
      'match.activate',
      'payment.verify',
      'payment.verify',
      'recs.run',
    ])
  })

  it('owes a refund when a paid match is unmatched before activation', async () => {
    await ctx.reset()
    const admin = await signIn(app, '1')
    const a = await onboard('300', 'M', '010-7777-8888')
    const b = await onboard('400', 'F', '010-9999-0000')
    await runBatch(app, admin)
    const matchId = await matchPair(a, b)
    const payment = (await call(a, 'POST', '/payments/intent', { matchId })).json()
    await call(admin, 'POST', `/admin/payments/${payment.id}/verify`, {})
    assert.equal((await call(b, 'POST', `/matches/${matchId}/close`)).statusCode, 200)
    assert.equal((await call(a, 'GET', `/payments/${payment.id}`)).json().status, 'refund_due')
    assert.equal((await call(a, 'GET', '/matches')).json()[0].payment.status, 'refund_due')
  })
})
