import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import Fastify, { type FastifyInstance } from 'fastify'
import { base64url, SignJWT } from 'jose'
import {
  createTestContext,
  type SignedIn,
  signIn,
  type TestContext,
  testConfig,
} from '../../../test/helpers/context.js'
import { users } from '../../core/db/schema.js'
import { registerErrorHandling } from '../../core/http/errors-plugin.js'
import { createTokenService } from '../../core/security/tokens.js'
import { createActivityRecorder } from '../users/activity.js'
import { createAuthenticator } from './authenticate.js'

let ctx: TestContext
before(async () => {
  ctx = await createTestContext()
})
after(() => ctx.close())
beforeEach(() => ctx.reset())

const config = testConfig()
const secret = new TextEncoder().encode(config.appSecret)
const nowSeconds = () => Math.floor(ctx.clock.now().getTime() / 1000)

async function forge(
  userId: string,
  change: { alg?: string; key?: Uint8Array; claims?: Record<string, unknown> } = {},
) {
  const iat = nowSeconds()
  return new SignJWT({ role: 'user', tv: 0, ...change.claims })
    .setProtectedHeader({ alg: change.alg ?? 'HS256' })
    .setSubject(userId)
    .setIssuer((change.claims?.iss as string) ?? config.jwt.issuer)
    .setAudience((change.claims?.aud as string) ?? config.jwt.audience)
    .setIssuedAt((change.claims?.iat as number) ?? iat)
    .setExpirationTime((change.claims?.exp as number) ?? iat + 3600)
    .sign(change.key ?? secret)
}

// /matches reads the caller's row in the requireUser hook; /me and /recommendations read it with
// their data (requireToken + admit): all must refuse the same tokens the same way.
for (const path of ['/matches', '/me', '/recommendations'])
  describe(`protected routes (GET ${path})`, () => {
    const me = (authorization?: string) =>
      ctx.app.inject({ method: 'GET', url: path, headers: authorization ? { authorization } : {} })
    let user: SignedIn
    beforeEach(async () => {
      user = await signIn(ctx.app, '5001')
    })

    it('accept the token sync-kakao issued', async () => {
      assert.equal((await me(`Bearer ${user.token}`)).statusCode, 200)
    })

    it('accept the scheme name in any case (RFC 7235)', async () => {
      assert.equal((await me(`bearer ${user.token}`)).statusCode, 200)
      assert.equal((await me(`BEARER ${user.token}`)).statusCode, 200)
    })

    it('accept a token issued within the clock tolerance of now', async () => {
      const token = await forge(user.userId, { claims: { iat: nowSeconds() + 3 } })
      assert.equal((await me(`Bearer ${token}`)).statusCode, 200)
    })

    const refusals: Array<[string, () => Promise<string | undefined>, string]> = [
      ['no Authorization header', async () => undefined, 'AUTH_REQUIRED'],
      [
        'a scheme other than Bearer',
        async () => `Basic ${Buffer.from('a:b').toString('base64')}`,
        'INVALID_TOKEN',
      ],
      ['a malformed token', async () => 'Bearer not.a.jwt', 'INVALID_TOKEN'],
      [
        'an expired token',
        async () => `Bearer ${await forge(user.userId, { claims: { exp: nowSeconds() - 60 } })}`,
        'TOKEN_EXPIRED',
      ],
      [
        'a token signed with another secret',
        async () =>
          `Bearer ${await forge(user.userId, { key: new TextEncoder().encode('another-secret-another-secret-xx') })}`,
        'INVALID_TOKEN',
      ],
      [
        'a token for another audience',
        async () => `Bearer ${await forge(user.userId, { claims: { aud: 'someone-else' } })}`,
        'INVALID_TOKEN',
      ],
      [
        'a token issued in the future',
        async () =>
          `Bearer ${await forge(user.userId, { claims: { iat: nowSeconds() + 3600, exp: nowSeconds() + 7200 } })}`,
        'INVALID_TOKEN',
      ],
      [
        'a token from another issuer',
        async () => `Bearer ${await forge(user.userId, { claims: { iss: 'someone-else' } })}`,
        'INVALID_TOKEN',
      ],
      [
        'an HS512 token (algorithm pinned)',
        async () => `Bearer ${await forge(user.userId, { alg: 'HS512', key: new Uint8Array(64).fill(1) })}`,
        'INVALID_TOKEN',
      ],
      [
        'an unsigned token (alg: none)',
        async () => {
          const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))
          const body = base64url.encode(
            JSON.stringify({
              sub: user.userId,
              role: 'admin',
              tv: 0,
              iss: config.jwt.issuer,
              aud: config.jwt.audience,
              iat: nowSeconds(),
              exp: nowSeconds() + 3600,
            }),
          )
          return `Bearer ${header}.${body}.`
        },
        'INVALID_TOKEN',
      ],
      [
        'a token for a user that does not exist',
        async () => `Bearer ${await forge('00000000-0000-4000-8000-000000000000')}`,
        'TOKEN_REVOKED',
      ],
      [
        'a token whose subject is not a user id',
        async () => `Bearer ${await forge("1' OR '1'='1")}`,
        'INVALID_TOKEN',
      ],
    ]
    for (const [what, header, code] of refusals) {
      it(`refuse ${what} with 401`, async () => {
        const res = await me(await header())
        assert.equal(res.statusCode, 401, res.body)
        assert.equal(res.json().error.code, code)
        assert.ok(res.json().error.requestId)
      })
    }

    it('refuse a user banned after the token was issued, at once', async () => {
      await ctx.database.db.update(users).set({ banned: true }).where(eq(users.id, user.userId))
      const res = await me(`Bearer ${user.token}`)
      assert.equal(res.statusCode, 403)
      assert.equal(res.json().error.code, 'USER_BANNED')
    })

    it('refuse a user deleted after the token was issued, at once', async () => {
      await ctx.database.db.update(users).set({ deletedAt: ctx.clock.now() }).where(eq(users.id, user.userId))
      assert.equal((await me(`Bearer ${user.token}`)).json().error.code, 'TOKEN_REVOKED')
    })

    it('refuse tokens issued before the token version was bumped', async () => {
      await ctx.database.db.update(users).set({ tokenVersion: 1 }).where(eq(users.id, user.userId))
      assert.equal((await me(`Bearer ${user.token}`)).statusCode, 401)
      const fresh = await signIn(ctx.app, '5001')
      assert.equal((await me(`Bearer ${fresh.token}`)).statusCode, 200)
    })

    it('record activity, at most once a minute', async () => {
      const lastActive = async () => {
        await ctx.app.activity.flush()
        return (
          await ctx.database.db.select().from(users).where(eq(users.id, user.userId))
        )[0]?.lastActiveAt?.toISOString()
      }
      const first = ctx.clock.now().toISOString()
      assert.equal(await lastActive(), first, 'signing in is activity, written at once')
      ctx.clock.advance(30_000)
      await me(`Bearer ${user.token}`)
      assert.equal(await lastActive(), first)
      ctx.clock.advance(31_000)
      await me(`Bearer ${user.token}`)
      assert.equal(await lastActive(), ctx.clock.now().toISOString())
    })
  })

describe('requireAdmin', () => {
  let probe: FastifyInstance
  before(async () => {
    const tokens = createTokenService({ secret: config.appSecret, ...config.jwt, clock: ctx.clock.now })
    const activity = createActivityRecorder(ctx.database.db, () => {})
    after(() => activity.close())
    const auth = createAuthenticator({
      db: ctx.database.db,
      tokens,
      clock: ctx.clock.now,
      activity,
      adminKakaoIds: new Set(['6001', '6003']),
    })
    probe = Fastify()
    registerErrorHandling(probe)
    probe.decorateRequest('auth', null)
    probe.get('/admin/probe', { preParsing: auth.requireAdmin }, async (request) => ({
      role: request.auth?.role,
    }))
    await probe.ready()
  })
  after(() => probe.close())
  const call = (token: string) =>
    probe.inject({ method: 'GET', url: '/admin/probe', headers: { authorization: `Bearer ${token}` } })

  it('lets an admin in and keeps a user out with 403', async () => {
    const adminApp = await ctx.build({ ADMIN_KAKAO_IDS: '6001' })
    const admin = await signIn(adminApp, '6001')
    const user = await signIn(ctx.app, '6002')
    assert.equal((await call(admin.token)).statusCode, 200)
    const res = await call(user.token)
    assert.equal(res.statusCode, 403)
    assert.equal(res.json().error.code, 'ADMIN_ONLY')
    assert.equal((await probe.inject({ method: 'GET', url: '/admin/probe' })).statusCode, 401)
  })

  it('reads the role from the database, not from the token', async () => {
    const adminApp = await ctx.build({ ADMIN_KAKAO_IDS: '6003' })
    const admin = await signIn(adminApp, '6003')
    await ctx.database.db.update(users).set({ role: 'user' }).where(eq(users.id, admin.userId))
    assert.equal((await call(admin.token)).statusCode, 403)
  })
})
