import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { and, eq, isNull } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import {
  createTestContext,
  type SignedIn,
  signIn,
  type TestContext,
  validProfile,
} from '../../../test/helpers/context.js'
import { FakePortOne, type IdentityAnswer, PERSON } from '../../../test/helpers/portone.js'
import { PROD_ENV } from '../../../test/helpers/prod-env.js'
import { DEV_DATA_ENCRYPTION_KEY, DEV_IDENTITY_HASH_KEY } from '../../core/config.js'
import {
  adminActions,
  bannedIdentities,
  identityVerifications,
  profiles,
  users,
} from '../../core/db/schema.js'
import { errorCodes } from '../../core/errors.js'
import { createFieldCipher } from '../../core/security/crypto.js'
import { createIdentityHasher } from '../../core/security/identity-hash.js'

let ctx: TestContext
let portone: FakePortOne
/** The app verifying identities through the PortOne stand-in. */
let app: FastifyInstance
/** The same, giving up on PortOne after 300 ms (the timeout tests). */
let impatient: FastifyInstance
let minsu: SignedIn

const cipher = createFieldCipher(Buffer.from(DEV_DATA_ENCRYPTION_KEY, 'base64'))
const ciHashOf = (ci: string) =>
  createIdentityHasher(Buffer.from(DEV_IDENTITY_HASH_KEY, 'base64'), []).hash(`ci:${ci}`)

before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
  portone = await FakePortOne.start()
  app = await ctx.build(portone.env({ ADMIN_KAKAO_IDS: '1' }))
  impatient = await ctx.build(portone.env({ ADMIN_KAKAO_IDS: '1', PORTONE_TIMEOUT_MS: '300' }))
})
after(async () => {
  await ctx.close()
  await portone.stop()
})
beforeEach(async () => {
  await ctx.reset()
  minsu = await signIn(app, '100')
})

const start = (who: SignedIn, on = app) =>
  on.inject({ method: 'POST', url: '/me/identity-verification/start', headers: who.headers })
const complete = (who: SignedIn, payload: Record<string, unknown>, on = app) =>
  on.inject({ method: 'POST', url: '/me/identity-verification/complete', headers: who.headers, payload })
const me = (who: SignedIn, on = app) => on.inject({ method: 'GET', url: '/me', headers: who.headers })
const userRow = async (id: string) => (await ctx.database.db.select().from(users).where(eq(users.id, id)))[0]

/** A started verification that PortOne answers as given (by default: verified just now). */
async function startedAs(who: SignedIn, answer?: Partial<Extract<IdentityAnswer, { kind: 'verified' }>>) {
  const res = await start(who)
  assert.equal(res.statusCode, 200, res.body)
  const id: string = res.json().identityVerificationId
  portone.answer(id, { kind: 'verified', verifiedAt: ctx.clock.now(), ...answer })
  return id
}

/** Nothing of the person is stored on the account (the state before any verification). */
async function assertNothingStored(userId: string) {
  const row = await userRow(userId)
  assert.equal(row?.identityVerifiedAt, null)
  assert.equal(row?.verifiedBirthYear, null)
  assert.equal(row?.verifiedGender, null)
  assert.equal(row?.phoneVerified, false)
  assert.equal(row?.phoneEncrypted, null)
  assert.equal(row?.ciHash, null)
}

const usedAt = async (id: string) =>
  (await ctx.database.db.select().from(identityVerifications).where(eq(identityVerifications.id, id)))[0]
    ?.usedAt

describe('POST /me/identity-verification/start', () => {
  it('gives an unguessable id bound to the caller with the store id and channel key, before any profile', async () => {
    const first = await start(minsu)
    assert.equal(first.statusCode, 200)
    const body = first.json()
    assert.match(body.identityVerificationId, /^idv-[0-9a-f-]{36}$/)
    assert.equal(body.storeId, portone.storeId)
    assert.equal(body.channelKey, portone.channelKey)
    assert.equal(body.expiresAt, new Date(ctx.clock.now().getTime() + 30 * 60_000).toISOString())
    const second = (await start(minsu)).json()
    assert.notEqual(second.identityVerificationId, body.identityVerificationId)
    const rows = await ctx.database.db.select().from(identityVerifications)
    assert.deepEqual(
      rows.map((r) => r.userId),
      [minsu.userId, minsu.userId],
    )
  })

  it('clears the caller’s expired ids', async () => {
    await start(minsu)
    ctx.clock.advance(31 * 60_000)
    await start(minsu)
    assert.equal((await ctx.database.db.select().from(identityVerifications)).length, 1)
  })

  it('requires a token', async () => {
    const res = await app.inject({ method: 'POST', url: '/me/identity-verification/start' })
    assert.equal(res.statusCode, 401)
  })
})

describe('POST /me/identity-verification/complete with PortOne', () => {
  it('verifies through PortOne: the body, GET /me, what is stored and what is not', async () => {
    const id = await startedAs(minsu)
    const res = await complete(minsu, { identityVerificationId: id })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json(), {
      identityVerified: true,
      birthYear: 1995,
      gender: 'M',
      phoneVerified: true,
      identityVerifiedAt: ctx.clock.now().toISOString(),
    })
    // The server asked PortOne itself, with its secret and store.
    const requests = portone.seen.filter((r) => r.path === `/identity-verifications/${id}`)
    assert.equal(requests.length, 1)
    assert.equal(requests[0]?.authorization, `PortOne ${portone.secret}`)
    assert.equal(requests[0]?.storeId, portone.storeId)

    const user = (await me(minsu)).json().user
    assert.equal(user.identityVerified, true)
    assert.equal(user.identityVerifiedAt, ctx.clock.now().toISOString())
    assert.equal(user.phoneVerified, true)

    const row = await userRow(minsu.userId)
    assert.equal(row?.verifiedBirthYear, 1995)
    assert.equal(row?.verifiedGender, 'M')
    assert.equal(row?.ciHash, ciHashOf(PERSON.ci as string), 'a keyed hash of the CI')
    assert.ok(row?.phoneEncrypted?.startsWith('v2.'))
    assert.equal(cipher.decrypt(row?.phoneEncrypted as string, minsu.userId), '01012345678')
    assert.throws(() => cipher.decrypt(row?.phoneEncrypted as string, '00000000-0000-4000-8000-000000000000'))
    // Never the CI, the DI or the name, anywhere.
    const everything = JSON.stringify([
      await ctx.database.db.select().from(users),
      await ctx.database.db.select().from(identityVerifications),
      await ctx.database.db.select().from(adminActions),
    ])
    for (const secret of [PERSON.ci, PERSON.di, PERSON.name, PERSON.phoneNumber]) {
      assert.ok(!everything.includes(secret as string), `${secret} is stored`)
    }
  })

  it('answers phoneVerified false when PortOne gives no phone number', async () => {
    const id = await startedAs(minsu, { customer: { phoneNumber: undefined } })
    const res = await complete(minsu, { identityVerificationId: id })
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().phoneVerified, false)
    assert.equal((await userRow(minsu.userId))?.phoneEncrypted, null)
  })

  describe('rule 1: a dev field while IDENTITY_VERIFY=portone', () => {
    it('is a 400 VALIDATION_ERROR before anything else, even for an id that is not the caller’s', async () => {
      const other = await signIn(app, '200')
      const othersId = await startedAs(other)
      const dev = { birthYear: 1995, gender: 'M', phoneNumber: '010-1234-5678' }
      const before = portone.seen.length
      for (const identityVerificationId of [othersId, 'idv-unknown', await startedAs(minsu)]) {
        const res = await complete(minsu, { identityVerificationId, dev })
        assert.equal(res.statusCode, 400)
        assert.equal(res.json().error.code, 'VALIDATION_ERROR')
        assert.equal(res.json().error.details[0].field, 'body/dev')
      }
      assert.equal(portone.seen.length, before, 'PortOne was not asked')
      assert.equal(await usedAt(othersId), null)
      await assertNothingStored(minsu.userId)
    })
  })

  describe('rule 2: the id is the caller’s, unexpired and unused', () => {
    it('is 404 VERIFICATION_NOT_FOUND for another person’s id, which stays usable by its owner', async () => {
      const jieun = await signIn(app, '200')
      const id = await startedAs(jieun, { customer: { ci: 'CI-OF-JIEUN', gender: 'FEMALE' } })
      const asked = portone.seen.length
      const res = await complete(minsu, { identityVerificationId: id })
      assert.equal(res.statusCode, 404)
      assert.equal(res.json().error.code, 'VERIFICATION_NOT_FOUND')
      assert.equal(portone.seen.length, asked, 'PortOne was not asked')
      await assertNothingStored(minsu.userId)
      assert.equal((await complete(jieun, { identityVerificationId: id })).statusCode, 200)
    })

    it('is 404 for an id never issued and for an expired one', async () => {
      const unknown = await complete(minsu, {
        identityVerificationId: 'idv-00000000-0000-4000-8000-000000000000',
      })
      assert.equal(unknown.statusCode, 404)
      assert.equal(unknown.json().error.code, 'VERIFICATION_NOT_FOUND')
      const id = await startedAs(minsu)
      ctx.clock.advance(30 * 60_000)
      const expired = await complete(minsu, { identityVerificationId: id })
      assert.equal(expired.statusCode, 404)
      assert.equal(expired.json().error.code, 'VERIFICATION_NOT_FOUND')
      await assertNothingStored(minsu.userId)
    })

    it('is 409 VERIFICATION_USED the second time', async () => {
      const id = await startedAs(minsu)
      assert.equal((await complete(minsu, { identityVerificationId: id })).statusCode, 200)
      const again = await complete(minsu, { identityVerificationId: id })
      assert.equal(again.statusCode, 409)
      assert.equal(again.json().error.code, 'VERIFICATION_USED')
    })

    it('lets one of two simultaneous completions of one id through', async () => {
      const id = await startedAs(minsu)
      const results = await Promise.all([1, 2, 3].map(() => complete(minsu, { identityVerificationId: id })))
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409, 409])
    })

    it('refuses a malformed id with 400', async () => {
      for (const identityVerificationId of ['', 'a'.repeat(65), 'idv/../x', 'idv\u0000']) {
        const res = await complete(minsu, { identityVerificationId })
        assert.equal(res.statusCode, 400)
        assert.equal(res.json().error.code, 'VALIDATION_ERROR')
      }
      assert.equal((await complete(minsu, {})).statusCode, 400)
    })
  })

  describe('rule 3: PortOne unreachable, timing out or failing', () => {
    for (const [what, answer] of [
      ['answers 500', { kind: 'http-500' }],
      ['answers a page that is not JSON', { kind: 'not-json' }],
      ['answers too late', { kind: 'slow', ms: 1_500, after: { kind: 'ready' } }],
    ] as Array<[string, IdentityAnswer]>) {
      it(`is a 503 IDENTITY_PROVIDER_UNAVAILABLE when PortOne ${what}; nothing stored, the id still works`, async () => {
        const res = await start(minsu)
        const id: string = res.json().identityVerificationId
        portone.answer(id, answer)
        const failed = await complete(minsu, { identityVerificationId: id }, impatient)
        assert.equal(failed.statusCode, 503)
        assert.equal(failed.json().error.code, 'IDENTITY_PROVIDER_UNAVAILABLE')
        await assertNothingStored(minsu.userId)
        assert.equal(await usedAt(id), null)
        portone.answer(id, { kind: 'verified', verifiedAt: ctx.clock.now() })
        assert.equal((await complete(minsu, { identityVerificationId: id })).statusCode, 200)
      })
    }

    it('gives up on a slow PortOne at PORTONE_TIMEOUT_MS (300 ms here) and closes the connection', async () => {
      const id: string = (await start(minsu)).json().identityVerificationId
      portone.answer(id, { kind: 'slow', ms: 5_000, after: { kind: 'ready' } })
      const abandoned = portone.abandoned
      const res = await complete(minsu, { identityVerificationId: id }, impatient)
      assert.equal(res.statusCode, 503)
      for (let i = 0; i < 50 && portone.abandoned === abandoned; i++)
        await new Promise((r) => setTimeout(r, 20))
      assert.equal(portone.abandoned, abandoned + 1, 'the request was aborted, not left hanging')
    })

    it('is a 503 when nothing listens at PORTONE_API_BASE, and when PortOne refuses our secret', async () => {
      const gone = await FakePortOne.start()
      await gone.stop()
      const unreachable = await ctx.build(portone.env({ PORTONE_API_BASE: gone.url }))
      const id: string = (await start(minsu, unreachable)).json().identityVerificationId
      const res = await complete(minsu, { identityVerificationId: id }, unreachable)
      assert.equal(res.statusCode, 503)
      assert.equal(res.json().error.code, 'IDENTITY_PROVIDER_UNAVAILABLE')

      const wrongSecret = await ctx.build(portone.env({ PORTONE_API_SECRET: 'not-the-secret' }))
      const id2 = await startedAs(minsu)
      const refused = await complete(minsu, { identityVerificationId: id2 }, wrongSecret)
      assert.equal(refused.statusCode, 503)
      assert.equal(refused.json().error.code, 'IDENTITY_PROVIDER_UNAVAILABLE')
      await assertNothingStored(minsu.userId)
    })
  })

  describe('rule 4: not a fresh, complete verification', () => {
    const cases: Array<[string, (id: string) => IdentityAnswer]> = [
      ['FAILED', () => ({ kind: 'failed' })],
      ['READY (not finished)', () => ({ kind: 'ready' })],
      ['unknown to PortOne (404)', () => ({ kind: 'not-found' })],
      [
        'verified 31 minutes ago',
        () => ({ kind: 'verified', verifiedAt: new Date(ctx.clock.now().getTime() - 31 * 60_000) }),
      ],
      [
        'without birthDate',
        () => ({ kind: 'verified', verifiedAt: ctx.clock.now(), customer: { birthDate: undefined } }),
      ],
      [
        'without gender',
        () => ({ kind: 'verified', verifiedAt: ctx.clock.now(), customer: { gender: undefined } }),
      ],
      ['without ci', () => ({ kind: 'verified', verifiedAt: ctx.clock.now(), customer: { ci: undefined } })],
    ]
    for (const [what, answer] of cases) {
      it(`is a 400 IDENTITY_NOT_VERIFIED when ${what}; nothing stored`, async () => {
        const id: string = (await start(minsu)).json().identityVerificationId
        portone.answer(id, answer(id))
        const res = await complete(minsu, { identityVerificationId: id })
        assert.equal(res.statusCode, 400)
        assert.equal(res.json().error.code, 'IDENTITY_NOT_VERIFIED')
        await assertNothingStored(minsu.userId)
      })
    }
  })

  describe('rule 5: under 19 by Korean year-age', () => {
    it('is a 403 UNDERAGE and nothing about the person is kept; at 19 it passes', async () => {
      // 2026 − 2008 = 18: under age all year, whatever the birthday.
      const id = await startedAs(minsu, { customer: { birthDate: '2008-01-01' } })
      const res = await complete(minsu, { identityVerificationId: id })
      assert.equal(res.statusCode, 403)
      assert.equal(res.json().error.code, 'UNDERAGE')
      await assertNothingStored(minsu.userId)
      assert.equal((await ctx.database.db.select().from(adminActions)).length, 0)

      const adult = await startedAs(minsu, { customer: { birthDate: '2007-12-31' } })
      const ok = await complete(minsu, { identityVerificationId: adult })
      assert.equal(ok.statusCode, 200)
      assert.equal(ok.json().birthYear, 2007)
    })
  })

  describe('rule 6: the CI of a banned account', () => {
    it('is a 403 USER_BANNED and bans this account too, when the banned account is live', async () => {
      const banned = await signIn(app, '900')
      assert.equal(
        (await complete(banned, { identityVerificationId: await startedAs(banned) })).statusCode,
        200,
      )
      await ctx.database.db.update(users).set({ banned: true }).where(eq(users.id, banned.userId))

      const res = await complete(minsu, { identityVerificationId: await startedAs(minsu) })
      assert.equal(res.statusCode, 403)
      assert.equal(res.json().error.code, 'USER_BANNED')
      const row = await userRow(minsu.userId)
      assert.equal(row?.banned, true)
      assert.equal(row?.identityVerifiedAt, null, 'not verified')
      const after = await me(minsu)
      assert.equal(after.statusCode, 403, 'the account is suspended at once')
      assert.equal(after.json().error.code, 'USER_BANNED')
      const [audit] = await ctx.database.db.select().from(adminActions)
      assert.equal(audit?.actor, 'system:identity')
      assert.equal(audit?.action, 'user.ban')
      assert.equal(audit?.targetId, minsu.userId)
      assert.deepEqual(audit?.detail, {
        reason: 'identity_of_banned_account',
        bannedAccountId: banned.userId,
      })
    })

    it('follows the person from a deleted banned account, and an operator lifting the ban lifts it on the person', async () => {
      const banned = await signIn(app, '900')
      await complete(banned, { identityVerificationId: await startedAs(banned) })
      await ctx.database.db.update(users).set({ banned: true }).where(eq(users.id, banned.userId))
      assert.equal(
        (await app.inject({ method: 'DELETE', url: '/me', headers: banned.headers })).statusCode,
        204,
      )
      const [kept] = await ctx.database.db.select().from(bannedIdentities)
      assert.equal(kept?.ciHash, ciHashOf(PERSON.ci as string), 'the CI hash outlives the banned account')

      // The same person with a new Kakao account.
      const res = await complete(minsu, { identityVerificationId: await startedAs(minsu) })
      assert.equal(res.statusCode, 403)
      assert.equal(res.json().error.code, 'USER_BANNED')
      assert.equal((await userRow(minsu.userId))?.banned, true)
      assert.equal((await userRow(minsu.userId))?.ciHash, ciHashOf(PERSON.ci as string), 'the ban moved here')
      assert.equal((await ctx.database.db.select().from(bannedIdentities))[0]?.ciHash, null)

      const admin = await signIn(app, '1')
      const unban = await app.inject({
        method: 'POST',
        url: `/admin/users/${minsu.userId}/unban`,
        headers: admin.headers,
        payload: { reason: '이의 신청 인용' },
      })
      assert.equal(unban.statusCode, 200)
      const back = await signIn(app, '100')
      const ok = await complete(back, { identityVerificationId: await startedAs(back) })
      assert.equal(ok.statusCode, 200, ok.body)
    })
  })

  describe('rule 7: one person, one account', () => {
    it('is a 409 IDENTITY_IN_USE when another live account has the CI', async () => {
      const first = await signIn(app, '200')
      assert.equal(
        (await complete(first, { identityVerificationId: await startedAs(first) })).statusCode,
        200,
      )
      const res = await complete(minsu, { identityVerificationId: await startedAs(minsu) })
      assert.equal(res.statusCode, 409)
      assert.equal(res.json().error.code, 'IDENTITY_IN_USE')
      await assertNothingStored(minsu.userId)
    })

    it('lets exactly one of several accounts racing with one CI win; the unique index decides', async () => {
      const racers = [minsu, ...(await Promise.all(['201', '202', '203', '204'].map((k) => signIn(app, k))))]
      const ids = await Promise.all(racers.map((r) => startedAs(r)))
      const results = await Promise.all(racers.map((r, i) => complete(r, { identityVerificationId: ids[i] })))
      const statuses = results.map((r) => r.statusCode).sort()
      assert.deepEqual(statuses, [200, 409, 409, 409, 409], results.map((r) => r.body).join('\n'))
      for (const r of results.filter((x) => x.statusCode === 409)) {
        assert.equal(r.json().error.code, 'IDENTITY_IN_USE')
      }
      const holders = await ctx.database.db
        .select()
        .from(users)
        .where(and(eq(users.ciHash, ciHashOf(PERSON.ci as string)), isNull(users.deletedAt)))
      assert.equal(holders.length, 1)
      // The database itself refuses a second live account with the CI, whoever writes it.
      const loser = racers.find((r) => r.userId !== holders[0]?.id) as SignedIn
      await assert.rejects(
        ctx.database.db.update(users).set({ ciHash: holders[0]?.ciHash }).where(eq(users.id, loser.userId)),
        (err) => errorCodes(err).includes('23505'),
      )
    })

    it('lets the same person verify the same account again, and not as someone else', async () => {
      assert.equal(
        (await complete(minsu, { identityVerificationId: await startedAs(minsu) })).statusCode,
        200,
      )
      const again = await complete(minsu, {
        identityVerificationId: await startedAs(minsu, { customer: { phoneNumber: '01099998888' } }),
      })
      assert.equal(again.statusCode, 200)
      const row = await userRow(minsu.userId)
      assert.equal(cipher.decrypt(row?.phoneEncrypted as string, minsu.userId), '01099998888')
      const other = await complete(minsu, {
        identityVerificationId: await startedAs(minsu, { customer: { ci: 'SOMEONE-ELSE' } }),
      })
      assert.equal(other.statusCode, 409)
      assert.equal(other.json().error.code, 'IDENTITY_MISMATCH')
    })
  })
})

describe('the profile takes the verified birth year and gender', () => {
  it('updates an existing profile, and refuses other values with 400 IDENTITY_LOCKED naming the field', async () => {
    const put = (payload: unknown) =>
      app.inject({ method: 'PUT', url: '/profile', headers: minsu.headers, payload: payload as object })
    assert.equal((await put({ ...validProfile, gender: 'F', birthYear: 1990 })).statusCode, 200)
    assert.equal((await complete(minsu, { identityVerificationId: await startedAs(minsu) })).statusCode, 200)
    const profile = (await me(minsu)).json().profile
    assert.equal(profile.birthYear, 1995)
    assert.equal(profile.gender, 'M')

    const year = await put({ ...validProfile, gender: 'M', birthYear: 1990 })
    assert.equal(year.statusCode, 400)
    assert.equal(year.json().error.code, 'IDENTITY_LOCKED')
    assert.deepEqual(
      year.json().error.details.map((d: { field: string }) => d.field),
      ['body/birthYear'],
    )
    const gender = await put({ ...validProfile, gender: 'F', birthYear: 1995 })
    assert.equal(gender.json().error.code, 'IDENTITY_LOCKED')
    assert.deepEqual(
      gender.json().error.details.map((d: { field: string }) => d.field),
      ['body/gender'],
    )
    assert.equal((await put({ ...validProfile, gender: 'M', birthYear: 1995 })).statusCode, 200)
  })

  it('applies to a profile created after the verification', async () => {
    await complete(minsu, { identityVerificationId: await startedAs(minsu) })
    const wrong = await app.inject({
      method: 'PUT',
      url: '/profile',
      headers: minsu.headers,
      payload: { ...validProfile, gender: 'F', birthYear: 1996 },
    })
    assert.equal(wrong.statusCode, 400)
    assert.equal(wrong.json().error.code, 'IDENTITY_LOCKED')
    assert.equal(wrong.json().error.details.length, 2)
    assert.equal((await ctx.database.db.select().from(profiles)).length, 0)
  })
})

describe('account deletion', () => {
  it('erases the identity verification, so the person may verify a new account', async () => {
    await complete(minsu, { identityVerificationId: await startedAs(minsu) })
    assert.equal((await app.inject({ method: 'DELETE', url: '/me', headers: minsu.headers })).statusCode, 204)
    const row = await userRow(minsu.userId)
    assert.equal(row?.ciHash, null)
    assert.equal(row?.phoneEncrypted, null)
    assert.equal(row?.identityVerifiedAt, null)
    assert.equal(row?.verifiedBirthYear, null)
    assert.equal((await ctx.database.db.select().from(identityVerifications)).length, 0)
    assert.equal((await ctx.database.db.select().from(bannedIdentities)).length, 0)

    const fresh = await signIn(app, '100')
    const res = await complete(fresh, { identityVerificationId: await startedAs(fresh) })
    assert.equal(res.statusCode, 200)
  })
})

describe('development mode (IDENTITY_VERIFY=none, APP_ENV test)', () => {
  it('takes the person from the dev field and applies the same rules', async () => {
    const dev = ctx.app
    const jieun = await signIn(dev, '200')
    const id = (await start(jieun, dev)).json().identityVerificationId
    const missing = await complete(jieun, { identityVerificationId: id }, dev)
    assert.equal(missing.statusCode, 400)
    assert.equal(missing.json().error.details[0].field, 'body/dev')
    const badPhone = await complete(
      jieun,
      { identityVerificationId: id, dev: { birthYear: 1996, gender: 'F', phoneNumber: '02-123-4567' } },
      dev,
    )
    assert.equal(badPhone.statusCode, 400)
    assert.equal(badPhone.json().error.details[0].field, 'body/dev/phoneNumber')

    const ok = await complete(
      jieun,
      {
        identityVerificationId: id,
        dev: { birthYear: 1996, gender: 'F', phoneNumber: '010-2222-3333', ci: 'ci-jieun' },
      },
      dev,
    )
    assert.equal(ok.statusCode, 200, ok.body)
    assert.deepEqual(ok.json(), {
      identityVerified: true,
      birthYear: 1996,
      gender: 'F',
      phoneVerified: true,
      identityVerifiedAt: ctx.clock.now().toISOString(),
    })
    assert.equal((await userRow(jieun.userId))?.ciHash, ciHashOf('ci-jieun'))

    const twin = await signIn(dev, '201')
    const twinId = (await start(twin, dev)).json().identityVerificationId
    const taken = await complete(
      twin,
      {
        identityVerificationId: twinId,
        dev: { birthYear: 1996, gender: 'F', phoneNumber: '01022223333', ci: 'ci-jieun' },
      },
      dev,
    )
    assert.equal(taken.json().error.code, 'IDENTITY_IN_USE')
    // Without a ci, every account is a person of its own.
    const defaulted = await complete(
      twin,
      { identityVerificationId: twinId, dev: { birthYear: 2008, gender: 'F', phoneNumber: '01022223333' } },
      dev,
    )
    assert.equal(defaulted.json().error.code, 'UNDERAGE')
    const adult = await complete(
      twin,
      { identityVerificationId: twinId, dev: { birthYear: 1990, gender: 'F', phoneNumber: '01022223333' } },
      dev,
    )
    assert.equal(adult.statusCode, 200)
  })
})

describe('operators', () => {
  it('see identityVerified and identityVerifiedAt, filter by it, and never the CI or its hash; the phone only through the logged contact route', async () => {
    const admin = await signIn(app, '1')
    const jieun = await signIn(app, '200')
    await complete(minsu, { identityVerificationId: await startedAs(minsu) })
    const get = (url: string) => app.inject({ method: 'GET', url, headers: admin.headers })

    const all = (await get('/admin/users')).json()
    const byId = new Map(all.items.map((u: { id: string }) => [u.id, u]))
    assert.equal((byId.get(minsu.userId) as { identityVerified: boolean }).identityVerified, true)
    assert.equal(
      (byId.get(minsu.userId) as { identityVerifiedAt: string }).identityVerifiedAt,
      ctx.clock.now().toISOString(),
    )
    assert.equal((byId.get(jieun.userId) as { identityVerified: boolean }).identityVerified, false)
    const verified = (await get('/admin/users?identityVerified=true')).json()
    assert.deepEqual(
      verified.items.map((u: { id: string }) => u.id),
      [minsu.userId],
    )
    assert.equal(verified.total, 1)
    const unverified = (await get('/admin/users?identityVerified=false')).json()
    assert.deepEqual(
      unverified.items.map((u: { id: string }) => u.id).sort(),
      [admin.userId, jieun.userId].sort(),
    )
    assert.equal((await get('/admin/users?identityVerified=maybe')).statusCode, 400)

    const detail = await get(`/admin/users/${minsu.userId}`)
    assert.equal(detail.json().user.identityVerified, true)
    const hash = (await userRow(minsu.userId))?.ciHash as string
    for (const body of [JSON.stringify(all), detail.body]) {
      for (const secret of [hash, PERSON.ci, '01012345678']) assert.ok(!body.includes(secret as string))
    }
    const contact = await get(
      `/admin/users/${minsu.userId}/contact?reason=${encodeURIComponent('환불 연락')}`,
    )
    assert.equal(contact.statusCode, 200)
    assert.equal(contact.json().verifiedPhone, '01012345678')
    const log = (await get('/admin/access-log')).json().items
    assert.ok(
      log.some(
        (e: { what: string; subjectUserId: string }) =>
          e.what === 'contact' && e.subjectUserId === minsu.userId,
      ),
    )
  })
})

describe('in prod', () => {
  // The consents createPerson gives are the development versions.
  const prod = { ...PROD_ENV, CONSENT_VERSIONS: 'terms=v1,privacy=v1,refund=v1,adult=v1' }
  /** Prod signs in through Kakao, which is not here: tokens come from an app with the same secret. */
  const personFor = async () => signIn(await ctx.build({ APP_SECRET: prod.APP_SECRET }), '700')

  it('always refuses a dev field, also without PortOne', async () => {
    const withPortOne = await ctx.build({
      ...prod,
      ...portone.env(),
      PORTONE_API_BASE: 'https://127.0.0.1:1',
    })
    const without = await ctx.build({ ...prod, IDENTITY_REQUIRED: 'false' })
    const person = await personFor()
    const dev = { birthYear: 1990, gender: 'F', phoneNumber: '01012345678' }
    for (const api of [withPortOne, without]) {
      const id = (await start(person, withPortOne)).json().identityVerificationId
      const res = await complete(person, { identityVerificationId: id, dev }, api)
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().error.code, 'VALIDATION_ERROR')
    }
    await assertNothingStored(person.userId)
  })

  it('answers 503 IDENTITY_PROVIDER_UNAVAILABLE when verification is not set up (IDENTITY_VERIFY=none)', async () => {
    const without = await ctx.build({ ...prod, IDENTITY_REQUIRED: 'false' })
    const person = await personFor()
    const started = await start(person, without)
    assert.equal(started.statusCode, 503)
    assert.equal(started.json().error.code, 'IDENTITY_PROVIDER_UNAVAILABLE')
    const completed = await complete(person, { identityVerificationId: 'idv-x' }, without)
    assert.equal(completed.statusCode, 503)
    assert.equal((await me(person, without)).json().identityRequired, false)
  })
})
