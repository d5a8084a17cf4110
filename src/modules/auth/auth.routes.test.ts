import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { base64url, decodeJwt, SignJWT } from 'jose'
import { createTestContext, type TestContext } from '../../../test/helpers/context.js'
import { FakeKakao, KAKAO_CLIENT_ID } from '../../../test/helpers/kakao.js'
import { kakaoIdTokenUses, users } from '../../core/db/schema.js'
import { createKakaoIdTokenVerifier } from './kakao-id-token.js'

const SYNC_SECRET = 'next-server-shared-secret-0123456789'

let ctx: TestContext
let kakao: FakeKakao

before(async () => {
  ctx = await createTestContext()
  kakao = await FakeKakao.start()
})
after(async () => {
  await ctx.close()
  await kakao.stop()
})
beforeEach(() => ctx.reset())

const sync = (app: FastifyInstance, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/auth/sync-kakao', payload: payload as object, headers })

describe('POST /auth/sync-kakao with KAKAO_VERIFY=none (dev and test)', () => {
  it('creates the user once and returns our JWT with the SPEC claims', async () => {
    const first = await sync(ctx.app, { kakaoUserId: '1001', email: 'a@b.kr', nickname: '카카오닉' })
    assert.equal(first.statusCode, 200)
    const body = first.json()
    assert.deepEqual(Object.keys(body.user).sort(), [
      'banned',
      'createdAt',
      'id',
      'identityVerified',
      'identityVerifiedAt',
      'kakaoUserId',
      'phoneVerified',
      'role',
    ])
    assert.equal(body.user.kakaoUserId, '1001')
    assert.equal(body.user.role, 'user')
    assert.equal(body.user.banned, false)
    const claims = decodeJwt(body.jwt)
    assert.equal(claims.sub, body.user.id)
    assert.equal(claims.role, 'user')
    assert.equal(claims.iss, 'kakao-match-api')
    assert.equal(claims.aud, 'kakao-match-web')
    assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 10080 * 60)

    const second = await sync(ctx.app, { kakaoUserId: '1001' })
    assert.equal(second.json().user.id, body.user.id)
    assert.equal((await ctx.database.db.select().from(users)).length, 1)
  })

  it('stores neither email nor nickname and creates no default profile', async () => {
    const { jwt } = (await sync(ctx.app, { kakaoUserId: '1002', email: 'x@y.kr', nickname: '아무개' })).json()
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/me',
      headers: { authorization: `Bearer ${jwt}` },
    })
    assert.equal(me.statusCode, 200)
    assert.equal(me.json().profile, null)
    assert.equal(me.json().preferences, null)
    assert.doesNotMatch(me.body, /x@y\.kr|아무개/)
  })

  it('requires a kakaoUserId and rejects malformed ones', async () => {
    assert.equal((await sync(ctx.app, {})).json().error.code, 'VALIDATION_ERROR')
    for (const kakaoUserId of ['', 'a b', 'x'.repeat(65), 123]) {
      const res = await sync(ctx.app, { kakaoUserId })
      assert.equal(res.statusCode, 400, String(kakaoUserId))
      assert.equal(res.json().error.code, 'VALIDATION_ERROR')
    }
  })

  it('promotes ids listed in ADMIN_KAKAO_IDS and demotes them when removed', async () => {
    const withAdmin = await ctx.build({ ADMIN_KAKAO_IDS: '7,2001' })
    const promoted = await sync(withAdmin, { kakaoUserId: '2001' })
    assert.equal(promoted.json().user.role, 'admin')
    assert.equal(decodeJwt(promoted.json().jwt).role, 'admin')

    const demoted = await sync(ctx.app, { kakaoUserId: '2001' })
    assert.equal(demoted.json().user.role, 'user')
    const [row] = await ctx.database.db.select().from(users).where(eq(users.kakaoUserId, '2001'))
    assert.equal(row?.role, 'user')
  })

  it('refuses a banned user with 403', async () => {
    await sync(ctx.app, { kakaoUserId: '3001' })
    await ctx.database.db.update(users).set({ banned: true }).where(eq(users.kakaoUserId, '3001'))
    const res = await sync(ctx.app, { kakaoUserId: '3001' })
    assert.equal(res.statusCode, 403)
    assert.equal(res.json().error.code, 'USER_BANNED')
    assert.equal(res.json().jwt, undefined)
  })
})

describe('POST /auth/logout', () => {
  it('ends every session of the caller: 204, then 401 TOKEN_REVOKED for every old token', async () => {
    const phone = (await sync(ctx.app, { kakaoUserId: '1501' })).json().jwt
    ctx.clock.advance(1000)
    const laptop = (await sync(ctx.app, { kakaoUserId: '1501' })).json().jwt
    const other = (await sync(ctx.app, { kakaoUserId: '1502' })).json().jwt
    const me = (jwt: string) =>
      ctx.app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${jwt}` } })
    assert.equal((await me(phone)).statusCode, 200)

    const out = await ctx.app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { authorization: `Bearer ${laptop}` },
    })
    assert.equal(out.statusCode, 204)
    assert.equal(out.body, '')
    for (const jwt of [phone, laptop]) {
      const res = await me(jwt)
      assert.equal(res.statusCode, 401)
      assert.equal(res.json().error.code, 'TOKEN_REVOKED')
    }
    assert.equal((await me(other)).statusCode, 200, 'nobody else is signed out')
    const fresh = (await sync(ctx.app, { kakaoUserId: '1501' })).json().jwt
    assert.equal((await me(fresh)).statusCode, 200)
    assert.equal((await ctx.app.inject({ method: 'POST', url: '/auth/logout' })).statusCode, 401)
  })
})

describe('POST /auth/sync-kakao with KAKAO_VERIFY=idtoken', () => {
  let app: FastifyInstance
  const secret = { 'x-sync-secret': SYNC_SECRET }
  before(async () => {
    app = await ctx.build(kakao.env({ SYNC_SHARED_SECRET: SYNC_SECRET }))
  })

  const expectRefused = async (payload: unknown, status: number, code: string, headers = secret) => {
    const res = await sync(app, payload, headers)
    assert.equal(res.statusCode, status, res.body)
    assert.equal(res.json().error.code, code)
    assert.equal((await ctx.database.db.select().from(users)).length, 0, 'no user may be created')
  }

  it('signs in the subject of a valid ID token', async () => {
    const idToken = await kakao.idToken('4242', ctx.clock.now())
    const res = await sync(app, { idToken }, secret)
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().user.kakaoUserId, '4242')
  })

  it('accepts a kakaoUserId equal to the token subject and refuses a different one', async () => {
    const ok = await sync(
      app,
      { idToken: await kakao.idToken('4243', ctx.clock.now()), kakaoUserId: '4243' },
      secret,
    )
    assert.equal(ok.statusCode, 200)
    await ctx.reset()
    await expectRefused(
      { idToken: await kakao.idToken('4244', ctx.clock.now()), kakaoUserId: '9999' },
      401,
      'KAKAO_ID_MISMATCH',
    )
  })

  it('refuses the same ID token presented twice (replay)', async () => {
    const idToken = await kakao.idToken('4245', ctx.clock.now())
    assert.equal((await sync(app, { idToken }, secret)).statusCode, 200)
    const replay = await sync(app, { idToken }, secret)
    assert.equal(replay.statusCode, 401)
    assert.equal(replay.json().error.code, 'ID_TOKEN_REPLAYED')
    assert.equal((await ctx.database.db.select().from(kakaoIdTokenUses)).length, 1)
  })

  it('refuses a used token whose signature is spelled differently (unused base64url bits)', async () => {
    const idToken = await kakao.idToken('4247', ctx.clock.now())
    assert.equal((await sync(app, { idToken }, secret)).statusCode, 200)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const last = alphabet.indexOf(idToken.at(-1) as string)
    const respelled = `${idToken.slice(0, -1)}${alphabet[last ^ 1]}`
    assert.notEqual(respelled, idToken)
    assert.deepEqual(
      Buffer.from(respelled.split('.')[2] as string, 'base64url'),
      Buffer.from(idToken.split('.')[2] as string, 'base64url'),
      'the same signature bytes',
    )
    const replay = await sync(app, { idToken: respelled }, secret)
    assert.equal(replay.statusCode, 401)
    assert.equal(replay.json().error.code, 'ID_TOKEN_REPLAYED')
  })

  it('refuses a token for another audience', async () => {
    const idToken = await kakao.idToken('1', ctx.clock.now(), { aud: 'someone-elses-app' })
    await expectRefused({ idToken }, 401, 'INVALID_ID_TOKEN')
  })

  it('refuses a token from another issuer', async () => {
    const idToken = await kakao.idToken('1', ctx.clock.now(), { iss: 'https://evil.example.com' })
    await expectRefused({ idToken }, 401, 'INVALID_ID_TOKEN')
  })

  it('refuses an expired token', async () => {
    const now = Math.floor(ctx.clock.now().getTime() / 1000)
    const idToken = await kakao.idToken('1', ctx.clock.now(), { iat: now - 300, exp: now - 120 })
    await expectRefused({ idToken }, 401, 'ID_TOKEN_EXPIRED')
  })

  it('refuses a token issued more than 10 minutes ago even if not expired', async () => {
    const now = Math.floor(ctx.clock.now().getTime() / 1000)
    const idToken = await kakao.idToken('1', ctx.clock.now(), { iat: now - 11 * 60, exp: now + 3600 })
    await expectRefused({ idToken }, 401, 'ID_TOKEN_EXPIRED')
  })

  it('refuses an HS256 token signed with a guessable secret (algorithm confusion)', async () => {
    const now = Math.floor(ctx.clock.now().getTime() / 1000)
    const idToken = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://kauth.kakao.com')
      .setAudience(KAKAO_CLIENT_ID)
      .setSubject('1')
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(new TextEncoder().encode(KAKAO_CLIENT_ID))
    await expectRefused({ idToken }, 401, 'INVALID_ID_TOKEN')
  })

  it('refuses an unsigned token (alg: none) and garbage', async () => {
    const now = Math.floor(ctx.clock.now().getTime() / 1000)
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))
    const payload = base64url.encode(
      JSON.stringify({
        iss: 'https://kauth.kakao.com',
        aud: KAKAO_CLIENT_ID,
        sub: '1',
        iat: now,
        exp: now + 3600,
      }),
    )
    await expectRefused({ idToken: `${header}.${payload}.` }, 401, 'INVALID_ID_TOKEN')
    await expectRefused({ idToken: 'not-a-jwt' }, 401, 'INVALID_ID_TOKEN')
  })

  it('requires the ID token; a bare kakaoUserId is not proof', async () => {
    await expectRefused({ kakaoUserId: '4242' }, 400, 'ID_TOKEN_REQUIRED')
  })

  it('requires X-Sync-Secret when SYNC_SHARED_SECRET is set', async () => {
    const idToken = await kakao.idToken('4246', ctx.clock.now())
    await expectRefused({ idToken }, 401, 'INVALID_SYNC_SECRET', {} as typeof secret)
    await expectRefused({ idToken }, 401, 'INVALID_SYNC_SECRET', { 'x-sync-secret': `${SYNC_SECRET}x` })
    await expectRefused({ idToken }, 401, 'INVALID_SYNC_SECRET', { 'x-sync-secret': 'short' })
  })

  it('answers 503 when the Kakao key set cannot be fetched', async () => {
    const offline = await ctx.build(kakao.env({ KAKAO_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }))
    const res = await sync(offline, { idToken: await kakao.idToken('1', ctx.clock.now()) })
    assert.equal(res.statusCode, 503)
    assert.equal(res.json().error.code, 'KAKAO_UNAVAILABLE')
  })

  for (const behaviour of ['http-500', 'slow', 'not-json'] as const) {
    it(`answers 503 KAKAO_UNAVAILABLE, not 401, when the key set answers ${behaviour}`, async (t) => {
      kakao.answer(behaviour)
      t.after(() => kakao.answer('ok'))
      // A fresh verifier (nothing cached), waiting 200 ms for the key set.
      const verifier = createKakaoIdTokenVerifier({
        clientId: KAKAO_CLIENT_ID,
        jwksUrl: kakao.jwksUrl,
        clock: ctx.clock.now,
        timeoutMs: 200,
      })
      const troubled = await ctx.build(kakao.env({ SYNC_SHARED_SECRET: SYNC_SECRET }), {
        kakaoVerifier: verifier,
      })
      const res = await sync(troubled, { idToken: await kakao.idToken('4250', ctx.clock.now()) }, secret)
      assert.equal(res.statusCode, 503, res.body)
      assert.equal(res.json().error.code, 'KAKAO_UNAVAILABLE')
      assert.equal((await ctx.database.db.select().from(users)).length, 0)
      kakao.answer('ok')
      const retried = await sync(troubled, { idToken: await kakao.idToken('4250', ctx.clock.now()) }, secret)
      assert.equal(retried.statusCode, 200, 'a retry once Kakao is back succeeds')
    })
  }
})
