import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { weekOf } from '../src/core/time.js'
import {
  createTestContext,
  type SignedIn,
  signIn,
  type TestContext,
  validPreferences,
} from './helpers/context.js'
import {
  acceptConsents,
  createPerson,
  like,
  recommend,
  recommendedPairs,
  runBatch,
  verifyIdentity,
} from './helpers/factories.js'

/** IDENTITY_REQUIRED=true: unverified people keep their account but neither see, are seen, like nor pay. */
let ctx: TestContext
let app: FastifyInstance
let admin: SignedIn
let minsu: SignedIn
let jieun: SignedIn
let week: string

before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
  app = await ctx.build({ ADMIN_KAKAO_IDS: '1', IDENTITY_REQUIRED: 'true' })
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  week = weekOf(ctx.clock.now())
  admin = await signIn(app, '1')
  minsu = await createPerson(app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
})

const post = (who: SignedIn, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object })

describe('IDENTITY_REQUIRED=true', () => {
  it('answers 403 IDENTITY_REQUIRED from POST /likes, /likes/pass and /payments/intent before any other rule', async () => {
    await recommend(ctx.database, minsu, jieun, week)
    const attempts: Array<[string, unknown]> = [
      ['/likes', { toUserId: jieun.userId, batchWeek: week }],
      ['/likes', { toUserId: 'not-a-uuid' }],
      ['/likes', {}],
      ['/likes/pass', { toUserId: jieun.userId, batchWeek: week }],
      ['/likes/pass', {}],
      ['/payments/intent', { matchId: '00000000-0000-4000-8000-000000000000' }],
      ['/payments/intent', { matchId: 42 }],
    ]
    for (const [url, payload] of attempts) {
      const res = await post(minsu, url, payload)
      assert.equal(res.statusCode, 403, `${url} ${JSON.stringify(payload)}`)
      assert.equal(res.json().error.code, 'IDENTITY_REQUIRED')
    }

    // Verified, the routes' own rules apply again.
    await verifyIdentity(app, minsu, { birthYear: 1994, gender: 'M' })
    assert.equal((await post(minsu, '/likes', {})).json().error.code, 'VALIDATION_ERROR')
    assert.equal((await post(minsu, '/likes/pass', {})).json().error.code, 'VALIDATION_ERROR')
    const intent = await post(minsu, '/payments/intent', { matchId: '00000000-0000-4000-8000-000000000000' })
    assert.equal(intent.json().error.code, 'MATCH_NOT_FOUND')
    const liked = await like(app, minsu, jieun, week)
    assert.equal(liked.statusCode, 200, liked.body)
  })

  it('asks for identity before consents: IDENTITY_REQUIRED, then CONSENT_REQUIRED, then the route', async () => {
    const sora = await createPerson(app, { kakaoId: '300', gender: 'F', birthYear: 1995, consents: false })
    await recommend(ctx.database, sora, minsu, week)
    const likeMinsu = { toUserId: minsu.userId, batchWeek: week }
    const intent = { matchId: '00000000-0000-4000-8000-000000000000' }

    // Neither verified nor consenting: identity is asked for first, on both routes.
    for (const [url, payload] of [
      ['/likes', likeMinsu],
      ['/payments/intent', intent],
    ] as const) {
      const res = await post(sora, url, payload)
      assert.equal(res.statusCode, 403)
      assert.equal(res.json().error.code, 'IDENTITY_REQUIRED', url)
    }

    // Verified, without consents: the consent gate speaks (after validation), naming what is missing.
    await verifyIdentity(app, sora, { birthYear: 1995, gender: 'F' })
    assert.equal((await post(sora, '/likes', {})).json().error.code, 'VALIDATION_ERROR')
    const liked = await post(sora, '/likes', likeMinsu)
    assert.equal(liked.statusCode, 403)
    assert.equal(liked.json().error.code, 'CONSENT_REQUIRED')
    assert.deepEqual(
      liked.json().error.details.missing.map((m: { type: string }) => m.type),
      ['terms', 'privacy', 'adult'],
    )
    const paid = await post(sora, '/payments/intent', intent)
    assert.equal(paid.json().error.code, 'CONSENT_REQUIRED')

    // Both in order: the routes' own rules.
    await acceptConsents(app, sora)
    assert.equal((await post(sora, '/likes', likeMinsu)).statusCode, 200)
    assert.equal((await post(sora, '/payments/intent', intent)).json().error.code, 'MATCH_NOT_FOUND')

    // Consenting but not verified (minsu): still IDENTITY_REQUIRED.
    assert.equal(
      (await post(minsu, '/likes', { toUserId: sora.userId, batchWeek: week })).json().error.code,
      'IDENTITY_REQUIRED',
    )
  })

  it('still answers 401 to no token and 403 USER_BANNED to a banned person first', async () => {
    assert.equal((await app.inject({ method: 'POST', url: '/likes', payload: {} })).statusCode, 401)
    await app.inject({
      method: 'POST',
      url: `/admin/users/${minsu.userId}/ban`,
      headers: admin.headers,
      payload: { reason: '사기' },
    })
    const banned = await post(minsu, '/likes', {})
    assert.equal(banned.statusCode, 403)
    assert.equal(banned.json().error.code, 'USER_BANNED')
    assert.equal((await post(jieun, '/likes', {})).json().error.code, 'IDENTITY_REQUIRED')
  })

  it('says identityRequired on GET /me and leaves the rest of the account working', async () => {
    const me = (await app.inject({ method: 'GET', url: '/me', headers: minsu.headers })).json()
    assert.equal(me.identityRequired, true)
    assert.equal(me.user.identityVerified, false)
    assert.equal(me.user.identityVerifiedAt, null)
    assert.equal(
      (await ctx.app.inject({ method: 'GET', url: '/me', headers: minsu.headers })).json().identityRequired,
      false,
      'false by default in test',
    )
    const put = (url: string, payload: unknown) =>
      app.inject({ method: 'PUT', url, headers: minsu.headers, payload: payload as object })
    assert.equal((await put('/profile', { nickname: '민수', gender: 'M', birthYear: 1994 })).statusCode, 200)
    assert.equal((await put('/preferences', { ...validPreferences, targetGender: 'F' })).statusCode, 200)
    assert.equal((await put('/me/consents', { terms: 'v1', privacy: 'v1' })).statusCode, 200)

    // A list from before the rule is not shown until the person verifies.
    await recommend(ctx.database, minsu, jieun, week)
    const recs = await app.inject({ method: 'GET', url: '/recommendations', headers: minsu.headers })
    assert.equal(recs.statusCode, 200)
    assert.deepEqual(recs.json(), [])
    await verifyIdentity(app, minsu, { birthYear: 1994, gender: 'M' })
    const shown = await app.inject({ method: 'GET', url: '/recommendations', headers: minsu.headers })
    assert.deepEqual(
      shown.json().map((r: { targetUserId: string }) => r.targetUserId),
      [jieun.userId],
    )
    assert.equal((await app.inject({ method: 'DELETE', url: '/me', headers: jieun.headers })).statusCode, 204)
  })

  it('leaves unverified people out of the weekly batch: no list, shown to nobody', async () => {
    const sora = await createPerson(app, { kakaoId: '300', gender: 'F', birthYear: 1995 })
    const junho = await createPerson(app, { kakaoId: '400', gender: 'M', birthYear: 1993 })
    await verifyIdentity(app, minsu, { birthYear: 1994, gender: 'M' })
    await verifyIdentity(app, jieun, { birthYear: 1996, gender: 'F' })
    const run = await runBatch(app, admin)
    assert.equal(run.status, 'succeeded')
    assert.equal(run.usersTotal, 2, 'only the verified are eligible')
    const rows = await recommendedPairs(ctx.database)
    const pairs = rows.map((r) => [r.userId, r.targetUserId].join('>')).sort()
    assert.deepEqual(pairs, [`${minsu.userId}>${jieun.userId}`, `${jieun.userId}>${minsu.userId}`].sort())
    for (const unverified of [sora, junho]) {
      assert.ok(!rows.some((r) => r.userId === unverified.userId || r.targetUserId === unverified.userId))
    }
  })
})

describe('IDENTITY_REQUIRED=false (the default in dev and test)', () => {
  it('lets unverified people like and be recommended, as before', async () => {
    const run = await runBatch(ctx.app, admin)
    assert.equal(run.usersTotal, 2)
    assert.equal((await like(ctx.app, minsu, jieun, week)).statusCode, 200)
  })
})
