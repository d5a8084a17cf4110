import assert from 'node:assert/strict'
import { createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq, or } from 'drizzle-orm'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../../../test/helpers/context.js'
import { createPerson, like, recommend } from '../../../test/helpers/factories.js'
import { DEV_DATA_ENCRYPTION_KEY, DEV_IDENTITY_HASH_KEY } from '../../core/config.js'
import {
  adminActions,
  bannedIdentities,
  blocks,
  consents,
  likes,
  matches,
  payments,
  preferences,
  profiles,
  recommendationLists,
  users,
} from '../../core/db/schema.js'
import { createIdentityHasher } from '../../core/security/identity-hash.js'
import { weekOf } from '../../core/time.js'

let ctx: TestContext
let minsu: SignedIn
let jieun: SignedIn
let week: string
before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  week = weekOf(ctx.clock.now())
  minsu = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
  await recommend(ctx.database, minsu, jieun, week)
  await recommend(ctx.database, jieun, minsu, week)
})

const deleteMe = (who: SignedIn) => ctx.app.inject({ method: 'DELETE', url: '/me', headers: who.headers })

describe('DELETE /me', () => {
  it('erases the personal data, closes matches, keeps payment and audit records, and logs the person out', async () => {
    const db = ctx.database.db
    await ctx.app.inject({
      method: 'PUT',
      url: '/profile',
      headers: minsu.headers,
      payload: { nickname: '민수', gender: 'M', birthYear: 1994, contact: '010-1234-5678' },
    })
    await ctx.app.inject({
      method: 'PUT',
      url: '/me/consents',
      headers: minsu.headers,
      payload: { terms: 'v1' },
    })
    await like(ctx.app, minsu, jieun, week)
    const matchId = (await like(ctx.app, jieun, minsu, week)).json().matchId
    const [payment] = await db
      .insert(payments)
      .values({
        matchId,
        amount: 30000,
        code: 'KM4F7Q',
        status: 'verified',
        expiresAt: new Date('2026-12-01T00:00:00Z'),
      })
      .returning()
    const admin = await signIn(await ctx.build({ ADMIN_KAKAO_IDS: '1' }), '1')
    await db
      .insert(adminActions)
      .values({ actor: 'admin', adminId: admin.userId, action: 'payment.verify', targetId: payment?.id })
    await db.insert(blocks).values({ blockerId: jieun.userId, blockedId: minsu.userId })

    // A request a moment before the deletion leaves activity waiting to be written.
    ctx.clock.advance(120_000)
    await ctx.app.inject({ method: 'GET', url: '/me', headers: minsu.headers })
    const res = await deleteMe(minsu)
    assert.equal(res.statusCode, 204)

    const id = minsu.userId
    assert.equal((await db.select().from(profiles).where(eq(profiles.userId, id))).length, 0)
    assert.equal((await db.select().from(preferences).where(eq(preferences.userId, id))).length, 0)
    assert.equal((await db.select().from(consents).where(eq(consents.userId, id))).length, 0)
    assert.equal(
      (
        await db
          .select()
          .from(blocks)
          .where(or(eq(blocks.blockerId, id), eq(blocks.blockedId, id)))
      ).length,
      0,
    )
    assert.equal(
      (
        await db
          .select()
          .from(likes)
          .where(or(eq(likes.fromUser, id), eq(likes.toUser, id)))
      ).length,
      0,
    )
    assert.equal(
      (await db.select().from(recommendationLists).where(eq(recommendationLists.userId, id))).length,
      0,
    )

    await ctx.app.activity.flush() // activity noted just before the deletion must not reappear
    const [row] = await db.select().from(users).where(eq(users.id, id))
    assert.equal(row?.lastActiveAt, null)
    assert.ok(row?.deletedAt)
    assert.equal(row?.kakaoUserId, `deleted:${id}`, 'the Kakao id is released')
    const [match] = await db.select().from(matches).where(eq(matches.id, matchId))
    assert.equal(match?.status, 'closed')
    const [kept] = await db.select().from(payments)
    assert.equal(kept?.id, payment?.id, 'payment records are kept')
    assert.equal(kept?.status, 'refund_due')
    assert.equal((await db.select().from(adminActions)).length, 1, 'the audit log is kept')

    assert.equal(
      (await ctx.app.inject({ method: 'GET', url: '/me', headers: minsu.headers })).statusCode,
      401,
    )
    assert.equal((await deleteMe(minsu)).statusCode, 401)
  })

  it('leaves the person nowhere for others, and a new sign-in starts a fresh account', async () => {
    await like(ctx.app, minsu, jieun, week)
    await like(ctx.app, jieun, minsu, week)
    await deleteMe(minsu)
    const seenBy = (url: string) => ctx.app.inject({ method: 'GET', url, headers: jieun.headers })
    assert.deepEqual((await seenBy('/matches')).json(), [])
    assert.deepEqual((await seenBy('/recommendations')).json(), [])
    const report = await ctx.app.inject({
      method: 'POST',
      url: '/reports',
      headers: jieun.headers,
      payload: { reportedUserId: minsu.userId, reason: 'spam' },
    })
    assert.equal(report.statusCode, 404)

    const again = await signIn(ctx.app, '100')
    assert.notEqual(again.userId, minsu.userId)
    const me = (await ctx.app.inject({ method: 'GET', url: '/me', headers: again.headers })).json()
    assert.equal(me.profile, null)
    assert.equal(me.user.banned, false)
  })

  it('keeps a banned person banned after deleting and signing in again, without keeping the Kakao id', async () => {
    await ctx.database.db.update(users).set({ banned: true }).where(eq(users.id, jieun.userId))
    assert.equal(
      (await ctx.app.inject({ method: 'GET', url: '/me', headers: jieun.headers })).statusCode,
      403,
    )
    assert.equal((await deleteMe(jieun)).statusCode, 204, 'a banned person may still delete their account')
    const identities = await ctx.database.db.select().from(bannedIdentities)
    assert.equal(identities.length, 1)
    assert.ok(!identities[0]?.kakaoIdHash.includes('200'))
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/auth/sync-kakao',
      payload: { kakaoUserId: '200' },
    })
    assert.equal(res.statusCode, 403)
    assert.equal(res.json().error.code, 'USER_BANNED')
    const fresh = await ctx.database.db.select().from(users).where(eq(users.kakaoUserId, '200'))
    assert.equal(fresh[0]?.banned, true)
    assert.equal(
      (await ctx.app.inject({ method: 'POST', url: '/auth/sync-kakao', payload: { kakaoUserId: '201' } }))
        .statusCode,
      200,
    )
  })

  it('is open to a person banned by an operator, with the session the ban ended', async () => {
    const admin = await signIn(await ctx.build({ ADMIN_KAKAO_IDS: '1' }), '1')
    const ban = await ctx.app.inject({
      method: 'POST',
      url: `/admin/users/${jieun.userId}/ban`,
      headers: admin.headers,
      payload: { reason: '사기' },
    })
    assert.equal(ban.statusCode, 200)
    assert.equal(
      (await ctx.app.inject({ method: 'GET', url: '/me', headers: jieun.headers })).statusCode,
      403,
    )
    assert.equal((await deleteMe(jieun)).statusCode, 204)
    assert.equal((await ctx.database.db.select().from(bannedIdentities)).length, 1)
  })

  it('keeps a banned person banned across a rotation of DATA_ENCRYPTION_KEY', async () => {
    await ctx.database.db.update(users).set({ banned: true }).where(eq(users.id, jieun.userId))
    assert.equal((await deleteMe(jieun)).statusCode, 204)
    const rotated = await ctx.build({
      ADMIN_KAKAO_IDS: '1',
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      DATA_ENCRYPTION_OLD_KEYS: DEV_DATA_ENCRYPTION_KEY,
    })
    const res = await rotated.inject({
      method: 'POST',
      url: '/auth/sync-kakao',
      payload: { kakaoUserId: '200' },
    })
    assert.equal(res.statusCode, 403)
    assert.equal(res.json().error.code, 'USER_BANNED')
  })

  it('recognises a ban hashed before IDENTITY_HASH_KEY, re-keys it, and forgets it when the ban is lifted', async () => {
    // What a ban was stored as before: keyed from the DATA_ENCRYPTION_KEY of the time, since rotated out.
    const oldKey = Buffer.from(DEV_DATA_ENCRYPTION_KEY, 'base64')
    const legacyKey = Buffer.from(hkdfSync('sha256', oldKey, Buffer.alloc(0), 'shh-match keyed hash v1', 32))
    const legacy = createHmac('sha256', legacyKey).update('300').digest('hex')
    await ctx.database.db.insert(bannedIdentities).values({ kakaoIdHash: legacy, legacy: true })
    const app = await ctx.build({
      ADMIN_KAKAO_IDS: '1',
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      DATA_ENCRYPTION_OLD_KEYS: DEV_DATA_ENCRYPTION_KEY,
    })
    const sync = () =>
      app.inject({ method: 'POST', url: '/auth/sync-kakao', payload: { kakaoUserId: '300' } })
    assert.equal((await sync()).json().error.code, 'USER_BANNED')
    const current = createIdentityHasher(Buffer.from(DEV_IDENTITY_HASH_KEY, 'base64'), []).hash('300')
    assert.deepEqual(
      (await ctx.database.db.select().from(bannedIdentities)).map((r) => r.kakaoIdHash),
      [current],
      'stored under IDENTITY_HASH_KEY from now on',
    )

    const admin = await signIn(app, '1')
    const [returning] = await ctx.database.db.select().from(users).where(eq(users.kakaoUserId, '300'))
    const unban = await app.inject({
      method: 'POST',
      url: `/admin/users/${returning?.id}/unban`,
      headers: admin.headers,
      payload: { reason: '이의 신청 인용' },
    })
    assert.equal(unban.statusCode, 200)
    assert.equal(
      (await ctx.database.db.select().from(bannedIdentities)).length,
      0,
      'lifting the ban forgets it',
    )
    const person = await signIn(app, '300')
    assert.equal((await deleteMe(person)).statusCode, 204)
    assert.equal((await sync()).statusCode, 200, 'a new account, not banned')
  })

  it('requires a token', async () => {
    assert.equal((await ctx.app.inject({ method: 'DELETE', url: '/me' })).statusCode, 401)
  })
})
