import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../../../test/helpers/context.js'
import { createPerson, like, recommend, recommendationOf, runBatch } from '../../../test/helpers/factories.js'
import { queryRows } from '../../core/db/client.js'
import { consents } from '../../core/db/schema.js'
import { weekOf } from '../../core/time.js'

let ctx: TestContext
let admin: SignedIn
before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1', REC_ACTIVE_DAYS: '365' })
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  admin = await signIn(ctx.app, '1')
})

const week = () => weekOf(ctx.clock.now())
const accept = (app: FastifyInstance, who: SignedIn, payload: object) =>
  app.inject({ method: 'PUT', url: '/me/consents', headers: who.headers, payload })
const missingIn = async (app: FastifyInstance, who: SignedIn) =>
  (await app.inject({ method: 'GET', url: '/me', headers: who.headers })).json().consentsMissing
const listOf = async (userId: string) =>
  (
    await queryRows<{ id: string }>(
      ctx.database.db,
      sql`SELECT t.id::text AS id FROM recommendation_lists l CROSS JOIN LATERAL unnest(l.targets) AS x(seq)
          JOIN users t ON t.seq = x.seq WHERE l.user_id = ${userId}::uuid`,
    )
  ).map((r) => r.id)

describe('GET /me consentsMissing', () => {
  it('lists each required document whose current version the person has not accepted', async () => {
    const user = await signIn(ctx.app, '100')
    assert.deepEqual(await missingIn(ctx.app, user), [
      { type: 'terms', version: 'v1' },
      { type: 'privacy', version: 'v1' },
      { type: 'refund', version: 'v1' },
      { type: 'adult', version: 'v1' },
    ])
    await accept(ctx.app, user, { terms: 'v1', privacy: 'v0', contactShare: 'v1' })
    assert.deepEqual(await missingIn(ctx.app, user), [
      { type: 'privacy', version: 'v1' },
      { type: 'refund', version: 'v1' },
      { type: 'adult', version: 'v1' },
    ])
    await accept(ctx.app, user, { privacy: 'v1', refund: 'v1', adult: 'v1' })
    assert.deepEqual(await missingIn(ctx.app, user), [])
  })

  it('asks everyone again when a new version is published', async () => {
    const user = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
    const republished = await ctx.build({ CONSENT_VERSIONS: 'terms=2026-12,privacy=v1,refund=v1,adult=v1' })
    assert.deepEqual(await missingIn(republished, user), [{ type: 'terms', version: '2026-12' }])
    assert.equal((await accept(republished, user, { terms: '2026-12' })).statusCode, 200)
    assert.deepEqual(await missingIn(republished, user), [])
    assert.equal((await ctx.database.db.select().from(consents)).filter((c) => c.kind === 'terms').length, 2)
  })
})

describe('POST /likes and POST /payments/intent', () => {
  it('refuse with 403 CONSENT_REQUIRED naming what is missing, and go ahead once it is accepted', async () => {
    const minsu = await createPerson(ctx.app, {
      kakaoId: '100',
      gender: 'M',
      birthYear: 1994,
      consents: false,
    })
    const jieun = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
    await recommend(ctx.database, minsu, jieun, week())
    await recommend(ctx.database, jieun, minsu, week())
    await accept(ctx.app, minsu, { terms: 'v1', adult: 'old', refund: 'v1' })

    const refused = await like(ctx.app, minsu, jieun, week())
    assert.equal(refused.statusCode, 403)
    assert.equal(refused.json().error.code, 'CONSENT_REQUIRED')
    assert.match(refused.json().error.message, /privacy, adult/)
    assert.deepEqual(refused.json().error.details, {
      missing: [
        { type: 'privacy', version: 'v1' },
        { type: 'adult', version: 'v1' },
      ],
    })
    assert.equal((await recommendationOf(ctx.database, minsu, jieun, week()))?.responded, false)

    await accept(ctx.app, minsu, { privacy: 'v1', adult: 'v1' })
    assert.equal((await like(ctx.app, minsu, jieun, week())).statusCode, 200)
    const matched = (await like(ctx.app, jieun, minsu, week())).json()
    assert.equal(matched.matched, true)

    // Paying also needs the refund policy: withdraw nothing, publish a new one.
    const republished = await ctx.build({ CONSENT_VERSIONS: 'terms=v1,privacy=v1,refund=v2,adult=v1' })
    const intent = () =>
      republished.inject({
        method: 'POST',
        url: '/payments/intent',
        headers: minsu.headers,
        payload: { matchId: matched.matchId },
      })
    const unpaid = await intent()
    assert.equal(unpaid.statusCode, 403)
    assert.deepEqual(unpaid.json().error.details, { missing: [{ type: 'refund', version: 'v2' }] })
    await accept(republished, minsu, { refund: 'v2' })
    assert.equal((await intent()).statusCode, 200)
  })

  it('check the token before the consents, and the consents before the body', async () => {
    const user = await signIn(ctx.app, '100')
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/likes', payload: {} })
    assert.equal(anonymous.statusCode, 401)
    const invalid = await ctx.app.inject({
      method: 'POST',
      url: '/likes',
      headers: user.headers,
      payload: {},
    })
    assert.equal(invalid.statusCode, 400)
    const valid = { toUserId: crypto.randomUUID(), batchWeek: week() }
    const gated = await ctx.app.inject({
      method: 'POST',
      url: '/likes',
      headers: user.headers,
      payload: valid,
    })
    assert.equal(gated.json().error.code, 'CONSENT_REQUIRED')
  })
})

describe('the weekly batch', () => {
  it('leaves out whoever lacks the current terms, privacy or adult consent, as viewer and as candidate', async () => {
    const man = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
    const consenting = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
    const never = await createPerson(ctx.app, {
      kakaoId: '201',
      gender: 'F',
      birthYear: 1996,
      consents: false,
    })
    const stale = await createPerson(ctx.app, {
      kakaoId: '202',
      gender: 'F',
      birthYear: 1996,
      consents: false,
    })
    await accept(ctx.app, stale, { terms: 'v1', privacy: 'v1', adult: 'v0', refund: 'v1' })
    // Refund is not needed to be recommended.
    const noRefund = await createPerson(ctx.app, {
      kakaoId: '203',
      gender: 'F',
      birthYear: 1996,
      consents: false,
    })
    await accept(ctx.app, noRefund, { terms: 'v1', privacy: 'v1', adult: 'v1' })

    assert.equal((await runBatch(ctx.app, admin)).status, 'succeeded')
    assert.deepEqual((await listOf(man.userId)).sort(), [consenting.userId, noRefund.userId].sort())
    for (const left of [never, stale]) assert.deepEqual(await listOf(left.userId), [])
  })

  it('leaves out everyone who has not accepted a newly published version', async () => {
    const man = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
    const woman = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
    const republished = await ctx.build({
      ADMIN_KAKAO_IDS: '1',
      REC_ACTIVE_DAYS: '365',
      CONSENT_VERSIONS: 'terms=v1,privacy=v2,refund=v1,adult=v1',
    })
    await accept(republished, woman, { privacy: 'v2' })
    assert.equal((await runBatch(republished, admin)).status, 'succeeded')
    assert.deepEqual(await listOf(man.userId), [])
    assert.deepEqual(await listOf(woman.userId), [])
  })
})
