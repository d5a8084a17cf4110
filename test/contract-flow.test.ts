import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { notFound } from '../src/core/errors.js'
import { errorResponses } from '../src/core/http/schemas.js'
import { weekOf } from '../src/core/time.js'
import { createTestContext, type SignedIn, type TestContext, validPreferences } from './helpers/context.js'
import { CURRENT_CONSENTS, createPerson, like, recommend, waitForRun } from './helpers/factories.js'
import { type ContractChecker, contractChecker, type Exchange } from './helpers/openapi-contract.js'
import { jpeg } from './helpers/photos.js'
import { FakePortOne } from './helpers/portone.js'

/**
 * The front end's contract, checked at run time: a realistic session of two people and an
 * operator, with the errors a front end meets, goes through an OpenAPI validator against the
 * committed openapi.json (the file the front end generates its types from). Every request must be
 * one the document allows (unless the step sends a bad one on purpose) and every answer must fit
 * the document: its status documented, its body the status's schema, its error code one the route
 * lists.
 */
let ctx: TestContext
let app: FastifyInstance
let checker: ContractChecker
const exchanges: Exchange[] = []

before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1', RATE_LIMIT_STRICT_MAX: '40' })
  app = ctx.app
  checker = await contractChecker(JSON.parse(readFileSync('openapi.json', 'utf8')))
})
after(() => ctx.close())

/** Sends a request the document allows; answers the response after checking it. */
async function call(options: InjectOptions, { badRequest = false } = {}) {
  const { res, exchange } = await checker.inject(app, options)
  exchanges.push(exchange)
  const where = `${exchange.method} ${exchange.url} → ${res.statusCode}`
  if (badRequest)
    assert.notDeepEqual(exchange.requestProblems, [], `${where}: the document allows this request`)
  else assert.deepEqual(exchange.requestProblems, [], `${where}: the request does not fit the document`)
  assert.deepEqual(exchange.responseProblems, [], `${where}: the answer does not fit the document`)
  return res
}

const as = (who: SignedIn | undefined) => (who ? who.headers : {})
const get = (url: string, who?: SignedIn) => call({ method: 'GET', url, headers: as(who) })
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, who?: SignedIn, payload?: object) =>
  call({ method, url, headers: as(who), ...(payload === undefined ? {} : { payload }) })

async function signIn(kakaoUserId: string): Promise<SignedIn> {
  const res = await send('POST', '/auth/sync-kakao', undefined, { kakaoUserId })
  assert.equal(res.statusCode, 200)
  const { jwt, user } = res.json()
  return { token: jwt, userId: user.id, headers: { authorization: `Bearer ${jwt}` } }
}

async function expectError(res: { statusCode: number; json(): unknown }, status: number, code: string) {
  assert.equal(res.statusCode, status, JSON.stringify(res.json()))
  assert.equal((res.json() as { error: { code: string } }).error.code, code)
}

describe('the OpenAPI document, checked against a session', () => {
  it('fits every request and answer of a user, admin and error flow', async () => {
    const admin = await signIn('1')
    const minsu = await signIn('100')
    const jieun = await signIn('200')

    // Onboarding, with the consents the gates ask for.
    let me = (await get('/me', minsu)).json()
    assert.deepEqual(
      me.consentsMissing.map((m: { type: string }) => m.type),
      ['terms', 'privacy', 'refund', 'adult'],
    )
    for (const [who, gender, target] of [
      [minsu, 'M', 'F'],
      [jieun, 'F', 'M'],
    ] as const) {
      const profile = { nickname: `n${who.userId.slice(0, 4)}`, gender, birthYear: 1995, region: '서울' }
      assert.equal(
        (await send('PUT', '/profile', who, { ...profile, contact: '010-1234-5678' })).statusCode,
        200,
      )
      const prefs = { ...validPreferences, targetGender: target, ageMin: 20, ageMax: 40, regions: [] }
      assert.equal((await send('PUT', '/preferences', who, prefs)).statusCode, 200)
      assert.equal(
        (await send('PUT', '/me/consents', who, { ...CURRENT_CONSENTS, contactShare: 'v1' })).statusCode,
        200,
      )
    }
    me = (await get('/me', minsu)).json()
    assert.deepEqual(me.consentsMissing, [])

    // Photos: an upload through local storage's pre-signed PUT, processing, order, moderation.
    const image = await jpeg(400, 300)
    const upload = async (who: SignedIn, bytes: Buffer) => {
      const asked = await send('POST', '/photos/uploads', who, {
        contentType: 'image/jpeg',
        size: bytes.length,
      })
      assert.equal(asked.statusCode, 201)
      const { uploadId, url, headers } = asked.json()
      const put = await call({ method: 'PUT', url, headers, payload: bytes })
      assert.equal(put.statusCode, 204)
      return { uploadId, url, headers }
    }
    const addPhoto = async (who: SignedIn) => {
      const res = await send('POST', '/photos', who, { uploadId: (await upload(who, image)).uploadId })
      assert.equal(res.statusCode, 201)
      return res.json() as { id: string; url: string }
    }
    const kept = await addPhoto(minsu)
    const dropped = await addPhoto(minsu)
    assert.deepEqual(
      (await send('PUT', '/photos/order', minsu, { ids: [dropped.id, kept.id] }))
        .json()
        .map((p: { id: string }) => p.id),
      [dropped.id, kept.id],
    )
    assert.equal((await get('/photos', minsu)).json().length, 2)
    assert.equal((await get('/admin/photos?status=pending', admin)).json().total, 2)
    assert.equal((await send('POST', `/admin/photos/${kept.id}/approve`, admin)).json().status, 'approved')
    await expectError(await send('POST', `/admin/photos/${kept.id}/approve`, admin), 409, 'PHOTO_NOT_PENDING')
    const rejected = await send('POST', `/admin/photos/${dropped.id}/reject`, admin, {
      reason: '얼굴이 안 보여요',
    })
    assert.equal(rejected.json().status, 'rejected')
    assert.equal((await send('DELETE', `/photos/${dropped.id}`, minsu)).statusCode, 204)
    await expectError(await send('DELETE', `/photos/${dropped.id}`, minsu), 404, 'PHOTO_NOT_FOUND')
    await expectError(
      await send('PUT', '/profile', jieun, {
        nickname: 'n',
        gender: 'F',
        birthYear: 1995,
        photos: [kept.url],
      }),
      400,
      'PHOTO_NOT_OWNED',
    )
    await expectError(await send('PUT', '/photos/order', jieun, { ids: [kept.id] }), 400, 'PHOTO_NOT_OWNED')
    const text = Buffer.from('not a photo at all')
    await expectError(
      await send('POST', '/photos', jieun, { uploadId: (await upload(jieun, text)).uploadId }),
      400,
      'INVALID_PHOTO',
    )
    await expectError(
      await send('POST', '/photos', jieun, { uploadId: crypto.randomUUID() }),
      404,
      'UPLOAD_NOT_FOUND',
    )
    const waiting = await send('POST', '/photos/uploads', jieun, {
      contentType: 'image/jpeg',
      size: image.length,
    })
    await expectError(
      await send('POST', '/photos', jieun, { uploadId: waiting.json().uploadId }),
      409,
      'UPLOAD_NOT_RECEIVED',
    )
    const forged = new URL(waiting.json().url, 'http://api.test')
    forged.searchParams.set('size', String(image.length + 1))
    await expectError(
      await call({
        method: 'PUT',
        url: `${forged.pathname}${forged.search}`,
        headers: waiting.json().headers,
        payload: image,
      }),
      403,
      'UPLOAD_URL_INVALID',
    )
    await expectError(
      await call({
        method: 'PUT',
        url: waiting.json().url,
        headers: { 'content-type': 'image/png' },
        payload: image,
      }),
      400,
      'UPLOAD_TYPE_MISMATCH',
    )

    // Identity verification (development: the person is sent in `dev`, as without PortOne).
    const verification = async (who: SignedIn) => {
      const res = await send('POST', '/me/identity-verification/start', who)
      assert.equal(res.statusCode, 200)
      return res.json().identityVerificationId as string
    }
    const person = { birthYear: 1995, gender: 'M', phoneNumber: '010-1234-5678', ci: 'CI-MINSU' }
    const minsuId = await verification(minsu)
    const verified = await send('POST', '/me/identity-verification/complete', minsu, {
      identityVerificationId: minsuId,
      dev: person,
    })
    assert.equal(verified.json().identityVerified, true)
    assert.equal((await get('/me', minsu)).json().user.identityVerified, true)
    await expectError(
      await send('POST', '/me/identity-verification/complete', minsu, {
        identityVerificationId: minsuId,
        dev: person,
      }),
      409,
      'VERIFICATION_USED',
    )
    await expectError(
      await send('POST', '/me/identity-verification/complete', jieun, {
        identityVerificationId: minsuId,
        dev: person,
      }),
      404,
      'VERIFICATION_NOT_FOUND',
    )
    await expectError(
      await send('POST', '/me/identity-verification/complete', jieun, {
        identityVerificationId: await verification(jieun),
        dev: { ...person, gender: 'F' },
      }),
      409,
      'IDENTITY_IN_USE',
    )
    await expectError(
      await send('POST', '/me/identity-verification/complete', jieun, {
        identityVerificationId: await verification(jieun),
        dev: { ...person, gender: 'F', birthYear: 2010, ci: 'CI-YOUNG' },
      }),
      403,
      'UNDERAGE',
    )
    await expectError(
      await send('PUT', '/profile', minsu, { nickname: 'n', gender: 'M', birthYear: 1990 }),
      400,
      'IDENTITY_LOCKED',
    )

    // The operator builds this week's lists; both people see each other.
    const started = await send('POST', '/admin/recs/run', admin, {})
    assert.equal(started.statusCode, 202)
    await waitForRun(app, admin, started.json().runId)
    assert.equal((await get(`/admin/recs/runs/${started.json().runId}`, admin)).json().status, 'succeeded')
    const [forMinsu] = (await get('/recommendations', minsu)).json()
    const [forJieun] = (await get('/recommendations', jieun)).json()
    assert.equal(forMinsu.targetUserId, jieun.userId)

    // Likes, a match, a payment.
    assert.equal(
      (await send('POST', '/likes', minsu, { toUserId: jieun.userId, batchWeek: forMinsu.batchWeek })).json()
        .matched,
      false,
    )
    // She sees his like waiting for an answer, and likes back.
    const [received] = (await get('/likes/received', jieun)).json()
    assert.equal(received.fromUserId, minsu.userId)
    const liked = await send('POST', '/likes', jieun, {
      toUserId: minsu.userId,
      batchWeek: forJieun.batchWeek,
    })
    const matchId = liked.json().matchId
    assert.equal((await get('/matches', minsu)).json().length, 1)
    assert.equal((await get(`/matches/${matchId}`, jieun)).json().match.status, 'pending')
    const payment = (await send('POST', '/payments/intent', minsu, { matchId })).json()
    assert.equal((await get(`/payments/${payment.id}`, jieun)).json().status, 'pending')

    // The feed the front end polls, and the setting for messages outside the app.
    assert.equal((await get('/notifications/unread-count', jieun)).json().count, 4)
    const feed = (await get('/notifications?limit=2', jieun)).json()
    assert.deepEqual(
      feed.items.map((n: { type: string }) => n.type),
      ['payment.created', 'match.created'],
    )
    assert.equal((await send('POST', '/notifications/read', jieun, { all: true })).json().updated, 4)
    assert.deepEqual(
      (await get(`/notifications?cursor=${feed.nextCursor}`, jieun))
        .json()
        .items.map((n: { type: string }) => n.type),
      ['like.received', 'recs.ready'],
    )
    assert.deepEqual((await send('PUT', '/me/settings', jieun, { notifyExternal: false })).json(), {
      notifyExternal: false,
    })

    // The operator's side: lists with their defaults, a statement, verification, activation.
    assert.equal((await get('/admin/users', admin)).json().pageSize, 20)
    assert.equal((await get('/admin/users?page=1&pageSize=2&query=n', admin)).statusCode, 200)
    assert.equal((await get(`/admin/users/${minsu.userId}`, admin)).statusCode, 200)
    assert.equal((await get(`/admin/users/${minsu.userId}/contact?reason=support`, admin)).statusCode, 200)
    assert.equal((await get('/admin/payments?status=pending', admin)).json().total, 1)
    const csv = await get('/admin/payments/export', admin)
    assert.match(csv.headers['content-type'] as string, /text\/csv/)
    const statement = `거래일시,입금자명,입금액\n2026-11-26 15:00,김민수 ${payment.code},${payment.amount}\n`
    const reconciled = await call({
      method: 'POST',
      url: '/admin/payments/reconcile',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: statement,
    })
    assert.equal(reconciled.json().lines[0].status, 'matched')
    assert.equal((await send('POST', `/admin/payments/${payment.id}/verify`, admin)).statusCode, 200)
    assert.equal((await send('POST', `/admin/matches/${matchId}/activate`, admin)).statusCode, 200)
    assert.equal((await get(`/matches/${matchId}`, minsu)).json().otherProfile.contact, '01012345678')
    assert.equal((await get('/admin/matches?status=active', admin)).json().total, 1)
    assert.equal((await get('/admin/actions', admin)).statusCode, 200)
    assert.equal((await get('/admin/access-log?page=1', admin)).statusCode, 200)
    assert.equal((await get('/admin/notifications/deliveries?status=dead', admin)).json().total, 0)
    await expectError(
      await send('POST', '/admin/notifications/deliveries/999999/retry', admin),
      404,
      'DELIVERY_NOT_FOUND',
    )
    assert.match((await get('/metrics', admin)).body, /shh_/)
    for (const url of ['/livez', '/healthz', '/readyz']) assert.equal((await get(url)).statusCode, 200)

    // Safety: a report handled, a block and an unblock.
    const report = await send('POST', '/reports', jieun, { reportedUserId: minsu.userId, reason: 'spam' })
    assert.equal(report.statusCode, 201)
    await expectError(
      await send('POST', '/reports', jieun, { reportedUserId: minsu.userId, reason: 'spam' }),
      409,
      'REPORT_ALREADY_OPEN',
    )
    const [open] = (await get('/admin/reports?handled=false', admin)).json().items
    assert.equal(
      (await send('POST', `/admin/reports/${open.id}/handle`, admin, { action: 'dismiss' })).statusCode,
      200,
    )
    await expectError(
      await send('POST', `/admin/reports/${open.id}/handle`, admin, { action: 'dismiss' }),
      409,
      'REPORT_ALREADY_HANDLED',
    )
    assert.equal((await send('POST', '/blocks', jieun, { userId: minsu.userId })).statusCode, 200)
    assert.equal((await get('/blocks', jieun)).json().length, 1)
    assert.equal((await send('DELETE', `/blocks/${minsu.userId}`, jieun)).statusCode, 204)
    await expectError(await send('DELETE', `/blocks/${minsu.userId}`, jieun), 404, 'BLOCK_NOT_FOUND')
    assert.equal((await send('POST', `/matches/${matchId}/close`, minsu)).statusCode, 200)
    const refund = { reason: '환불 요청' }
    assert.equal((await send('POST', `/admin/payments/${payment.id}/refund`, admin, refund)).statusCode, 200)
    await expectError(
      await send('POST', `/admin/payments/${payment.id}/refund`, admin, refund),
      409,
      'PAYMENT_NOT_REFUNDABLE',
    )
    // A bank transfer is refunded by hand: no refund account is asked for it.
    const account = { bank: 'KAKAO', number: '3333012345678', holderName: '김민수' }
    await expectError(
      await send('PUT', `/payments/${payment.id}/refund-account`, minsu, account),
      409,
      'REFUND_NOT_DUE',
    )
    // Without PortOne's signature (and here without a webhook secret at all) a webhook changes nothing.
    await expectError(
      await call({
        method: 'POST',
        url: '/webhooks/portone',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ type: 'Transaction.Paid', data: { paymentId: payment.id } }),
      }),
      400,
      'INVALID_WEBHOOK',
    )

    // Errors a front end meets.
    await expectError(await get('/me'), 401, 'AUTH_REQUIRED')
    await expectError(
      await get('/me', { ...minsu, headers: { authorization: 'Bearer x.y.z' } }),
      401,
      'INVALID_TOKEN',
    )
    await expectError(await get('/admin/users', minsu), 403, 'ADMIN_ONLY')
    await expectError(await get(`/matches/${crypto.randomUUID()}`, minsu), 404, 'MATCH_NOT_FOUND')
    await expectError(await get(`/payments/${crypto.randomUUID()}`, minsu), 404, 'PAYMENT_NOT_FOUND')
    await expectError(await get('/recommendations?week=2025-W53', minsu), 400, 'INVALID_WEEK')
    await expectError(
      await send('POST', '/admin/recs/run', admin, { week: '2020-W01' }),
      400,
      'WEEK_NOT_ALLOWED',
    )
    await expectError(await send('POST', '/payments/intent', minsu, { matchId }), 409, 'MATCH_NOT_PENDING')
    await expectError(
      await send('POST', '/likes', minsu, { toUserId: crypto.randomUUID(), batchWeek: forMinsu.batchWeek }),
      404,
      'RECOMMENDATION_NOT_FOUND',
    )
    await expectError(
      await send('PUT', '/preferences', minsu, { ...validPreferences, ageMin: 40, ageMax: 30 }),
      400,
      'INVALID_AGE_RANGE',
    )
    await expectError(
      await send('POST', `/admin/users/${admin.userId}/ban`, admin, { reason: 'x' }),
      409,
      'CANNOT_BAN_SELF',
    )
    await expectError(
      await send('POST', `/admin/matches/${matchId}/activate`, admin, { force: true }),
      400,
      'REASON_REQUIRED',
    )
    await expectError(
      await call({ method: 'GET', url: '/matches/not-a-uuid', headers: minsu.headers }, { badRequest: true }),
      400,
      'VALIDATION_ERROR',
    )
    await expectError(
      await call({ method: 'POST', url: '/auth/sync-kakao', payload: {} }, { badRequest: true }),
      400,
      'VALIDATION_ERROR',
    )
    await expectError(
      await call(
        {
          method: 'POST',
          url: '/likes',
          headers: { ...minsu.headers, 'content-type': 'application/json' },
          payload: '{"toUserId":',
        },
        { badRequest: true },
      ),
      400,
      'BAD_REQUEST',
    )
    await expectError(
      await call(
        {
          method: 'PUT',
          url: '/profile',
          headers: { ...minsu.headers, 'content-type': 'application/xml' },
          payload: '<profile/>',
        },
        { badRequest: true },
      ),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )

    // A person who has not accepted the current documents is stopped at the gates, and told what to accept.
    const newcomer = await signIn('300')
    const gated = await send('POST', '/likes', newcomer, {
      toUserId: minsu.userId,
      batchWeek: forMinsu.batchWeek,
    })
    await expectError(gated, 403, 'CONSENT_REQUIRED')
    await expectError(
      await send('POST', '/likes/pass', newcomer, { toUserId: minsu.userId, batchWeek: forMinsu.batchWeek }),
      403,
      'CONSENT_REQUIRED',
    )
    assert.deepEqual(gated.json().error.details.missing, [
      { type: 'terms', version: 'v1' },
      { type: 'privacy', version: 'v1' },
      { type: 'adult', version: 'v1' },
    ])
    await send('PUT', '/me/consents', newcomer, { terms: 'v1', privacy: 'v1', adult: 'v1' })
    await recommend(ctx.database, newcomer, minsu, forMinsu.batchWeek)
    const pass = { toUserId: minsu.userId, batchWeek: forMinsu.batchWeek }
    assert.equal((await send('POST', '/likes/pass', newcomer, pass)).statusCode, 204)
    await expectError(await send('POST', '/likes', newcomer, pass), 404, 'RECOMMENDATION_NOT_FOUND')
    const unpaid = await send('POST', '/payments/intent', newcomer, { matchId })
    await expectError(unpaid, 403, 'CONSENT_REQUIRED')
    assert.deepEqual(unpaid.json().error.details.missing, [{ type: 'refund', version: 'v1' }])

    // Bans, sign-out and deletion end sessions.
    assert.equal(
      (await send('POST', `/admin/users/${newcomer.userId}/ban`, admin, { reason: '스팸' })).statusCode,
      200,
    )
    await expectError(await get('/me', newcomer), 403, 'USER_BANNED')
    await expectError(
      await send('POST', '/auth/sync-kakao', undefined, { kakaoUserId: '300' }),
      403,
      'USER_BANNED',
    )
    assert.equal(
      (await send('POST', `/admin/users/${newcomer.userId}/unban`, admin, { reason: '해제' })).statusCode,
      200,
    )
    await expectError(
      await send('POST', `/admin/users/${newcomer.userId}/unban`, admin, { reason: '해제' }),
      409,
      'USER_NOT_BANNED',
    )
    assert.equal((await send('POST', '/auth/logout', jieun)).statusCode, 204)
    await expectError(await get('/matches', jieun), 401, 'TOKEN_REVOKED')
    assert.equal((await send('DELETE', '/me', minsu)).statusCode, 204)
    await expectError(await get('/me', minsu), 401, 'TOKEN_REVOKED')

    // Every operation of the document was exercised.
    const seen = new Set(
      exchanges.map(
        (e) =>
          `${e.method.toLowerCase()} ${e.url
            .split('?')[0]
            ?.replace(/[0-9a-f-]{36}/g, '{id}')
            .replace(/\/\d+(?=\/|$)/g, '/{id}')}`,
      ),
    )
    const spec = JSON.parse(readFileSync('openapi.json', 'utf8')) as { paths: Record<string, object> }
    const unexercised = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .map((method) => `${method} ${path.replace(/\{[^}]+\}/g, '{id}')}`)
        .filter((op) => !seen.has(op)),
    )
    assert.deepEqual(unexercised, [])
  })

  it('fits a virtual-account payment: intent, webhook, refund account and refund through PortOne', async () => {
    const portone = await FakePortOne.start()
    try {
      const va = await ctx.build(portone.paymentEnv({ PORTONE_TIMEOUT_MS: '5000' }))
      const checked = async (options: InjectOptions) => {
        const { res, exchange } = await checker.inject(va, options)
        const where = `${exchange.method} ${exchange.url} → ${res.statusCode}`
        assert.deepEqual(exchange.requestProblems, [], `${where}: the request does not fit the document`)
        assert.deepEqual(exchange.responseProblems, [], `${where}: the answer does not fit the document`)
        return res
      }
      const minsu = await createPerson(va, { kakaoId: '700', gender: 'M', birthYear: 1994 })
      const jieun = await createPerson(va, { kakaoId: '701', gender: 'F', birthYear: 1996 })
      const admin = { headers: (await signIn('1')).headers }
      const week = weekOf(ctx.clock.now())
      await recommend(ctx.database, minsu, jieun, week)
      await recommend(ctx.database, jieun, minsu, week)
      await like(va, minsu, jieun, week)
      const matchId = (await like(va, jieun, minsu, week)).json().matchId
      const intent = await checked({
        method: 'POST',
        url: '/payments/intent',
        headers: minsu.headers,
        payload: { matchId, method: 'virtual_account' },
      })
      const payment = intent.json()
      assert.equal(payment.virtualAccount.bankName, '신한은행')
      // The match closes before the deposit arrives: the deposit is owed back.
      assert.equal(
        (await checked({ method: 'POST', url: `/matches/${matchId}/close`, headers: jieun.headers }))
          .statusCode,
        200,
      )
      portone.deposit(payment.id, payment.amount)
      const delivery = portone.webhook('Transaction.Paid', payment.id)
      const hook = await checked({
        method: 'POST',
        url: '/webhooks/portone',
        headers: delivery.headers,
        payload: delivery.payload,
      })
      assert.deepEqual(hook.json(), { ok: true })
      const account = await checked({
        method: 'PUT',
        url: `/payments/${payment.id}/refund-account`,
        headers: minsu.headers,
        payload: { bank: 'KAKAO', number: '3333012345678', holderName: '김민수' },
      })
      assert.equal(account.statusCode, 200)
      const refunded = await checked({
        method: 'POST',
        url: `/admin/payments/${payment.id}/refund`,
        headers: admin.headers,
        payload: { reason: '매칭 종료 후 입금' },
      })
      assert.deepEqual(refunded.json(), { ok: true, status: 'refunded' })
      const listed = await checked({
        method: 'GET',
        url: '/admin/payments?method=virtual_account&status=refunded',
        headers: admin.headers,
      })
      assert.equal(listed.json().total, 1)
    } finally {
      await portone.stop()
    }
  })

  it('is rate limited as documented', async () => {
    const limited = await ctx.build({ RATE_LIMIT_MAX: '2' })
    const { exchange } = await checker.inject(limited, { method: 'GET', url: '/livez' })
    assert.deepEqual(exchange.responseProblems, [])
    const user = await (async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/auth/sync-kakao',
        payload: { kakaoUserId: '900' },
      })
      return { authorization: `Bearer ${res.json().jwt}` }
    })()
    let last: Exchange | undefined
    for (let i = 0; i < 3; i++)
      last = (await checker.inject(limited, { method: 'GET', url: '/me', headers: user })).exchange
    assert.equal(last?.status, 429)
    assert.deepEqual(last?.responseProblems, [])
  })

  it('fails when a route answers with an error code it does not declare', async () => {
    const rogue = await ctx.build()
    rogue.get(
      '/rogue/:id',
      { schema: { response: { 200: { type: 'object' }, ...errorResponses({ 404: ['THING_NOT_FOUND'] }) } } },
      async (request) => {
        throw notFound(
          (request.params as { id: string }).id === 'a' ? 'THING_NOT_FOUND' : 'OTHER_NOT_FOUND',
          'gone',
        )
      },
    )
    await rogue.ready()
    const rogueChecker = await contractChecker(rogue.swagger())
    const declared = await rogueChecker.inject(rogue, { method: 'GET', url: '/rogue/a' })
    assert.deepEqual(declared.exchange.responseProblems, [])
    const undeclared = await rogueChecker.inject(rogue, { method: 'GET', url: '/rogue/b' })
    assert.deepEqual(undeclared.exchange.responseProblems, [
      'error code OTHER_NOT_FOUND is not declared for 404 (declared: THING_NOT_FOUND)',
    ])
    // The generic codes come with every route without being listed.
    const generic = (rogue.swagger() as { paths: Record<string, { get: { responses: object } }> }).paths[
      '/rogue/{id}'
    ]?.get.responses
    assert.deepEqual(Object.keys(generic ?? {}).sort(), ['200', '404', '429', '500', '503'])
  })
})
