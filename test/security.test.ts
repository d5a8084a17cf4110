import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { createTestContext, type SignedIn, signIn, type TestContext } from './helpers/context.js'

let ctx: TestContext
before(async () => {
  ctx = await createTestContext({ CORS_ORIGINS: 'https://web.shh-match.kr,https://admin.shh-match.kr' })
})
after(() => ctx.close())

describe('CORS', () => {
  it('allows exactly the configured origins, without credentials or a wildcard', async () => {
    const preflight = (origin: string) =>
      ctx.app.inject({
        method: 'OPTIONS',
        url: '/me',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      })
    const allowed = await preflight('https://web.shh-match.kr')
    assert.equal(allowed.statusCode, 204)
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://web.shh-match.kr')
    assert.match(String(allowed.headers['access-control-allow-headers']), /Authorization/i)
    assert.equal(allowed.headers['access-control-allow-credentials'], undefined)
    const refused = await preflight('https://evil.example.com')
    assert.equal(refused.headers['access-control-allow-origin'], undefined)
    const simple = await ctx.app.inject({
      method: 'GET',
      url: '/livez',
      headers: { origin: 'https://admin.shh-match.kr' },
    })
    assert.equal(simple.headers['access-control-allow-origin'], 'https://admin.shh-match.kr')
    assert.match(String(simple.headers['access-control-expose-headers']), /X-RateLimit-Remaining/)
  })
})

describe('security headers', () => {
  it('come with every response, including a Content-Security-Policy', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/livez' })
    const csp = String(res.headers['content-security-policy'])
    assert.match(csp, /default-src 'self'/)
    assert.match(csp, /script-src 'self'/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.equal(res.headers['x-content-type-options'], 'nosniff')
    assert.ok(res.headers['strict-transport-security'])
    assert.equal(res.headers['x-powered-by'], undefined)
  })
})

describe('rate limits', () => {
  let limited: FastifyInstance
  before(async () => {
    limited = await ctx.build({ RATE_LIMIT_MAX: '5', RATE_LIMIT_STRICT_MAX: '2' })
  })
  const me = (who: SignedIn, app = limited) => app.inject({ method: 'GET', url: '/me', headers: who.headers })

  it('send X-RateLimit headers and a 429 in the error shape past RATE_LIMIT_MAX, per user', async () => {
    await ctx.reset()
    const a = await signIn(ctx.app, '100')
    const b = await signIn(ctx.app, '200')
    const first = await me(a)
    assert.equal(first.headers['x-ratelimit-limit'], '5')
    assert.equal(first.headers['x-ratelimit-remaining'], '4')
    assert.ok(Number(first.headers['x-ratelimit-reset']) > 0)
    for (let i = 0; i < 4; i++) assert.equal((await me(a)).statusCode, 200)
    const over = await me(a)
    assert.equal(over.statusCode, 429)
    assert.equal(over.json().error.code, 'RATE_LIMITED')
    assert.ok(over.json().error.requestId)
    assert.ok(Number(over.headers['retry-after']) > 0)
    assert.equal((await me(b)).statusCode, 200, 'another user behind the same IP has a budget of its own')
  })

  it('key anonymous callers by IP, from X-Forwarded-For only with TRUST_PROXY', async () => {
    const anonymous = (app: FastifyInstance, ip: string) =>
      app.inject({ method: 'GET', url: '/recommendations', headers: { 'x-forwarded-for': ip } })
    const proxied = await ctx.build({ RATE_LIMIT_MAX: '2', TRUST_PROXY: '1' })
    for (let i = 0; i < 2; i++) assert.equal((await anonymous(proxied, '203.0.113.1')).statusCode, 401)
    assert.equal((await anonymous(proxied, '203.0.113.1')).statusCode, 429)
    assert.equal((await anonymous(proxied, '203.0.113.2')).statusCode, 401, 'another client IP')
    const direct = await ctx.build({ RATE_LIMIT_MAX: '2' })
    for (let i = 0; i < 2; i++) await anonymous(direct, `203.0.113.${10 + i}`)
    assert.equal(
      (await anonymous(direct, '203.0.113.99')).statusCode,
      429,
      'the header is ignored without TRUST_PROXY',
    )
  })

  it('cannot be dodged with a spoofed left-most X-Forwarded-For behind one proxy (TRUST_PROXY=1)', async () => {
    // The load balancer (10.0.0.1) appends the address it saw; whatever the client wrote comes first.
    const viaBalancer = (app: FastifyInstance, forwardedFor: string) =>
      app.inject({
        method: 'GET',
        url: '/recommendations',
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-for': forwardedFor },
      })
    for (const trust of ['1', '10.0.0.0/8', 'uniquelocal,127.0.0.1']) {
      const app = await ctx.build({ RATE_LIMIT_MAX: '2', TRUST_PROXY: trust })
      for (let i = 0; i < 2; i++) {
        assert.equal((await viaBalancer(app, `198.51.100.${i}, 203.0.113.7`)).statusCode, 401, trust)
      }
      const spoofed = await viaBalancer(app, '198.51.100.99, 203.0.113.7')
      assert.equal(spoofed.statusCode, 429, `a new left-most address is the same client (${trust})`)
      assert.equal((await viaBalancer(app, '203.0.113.8')).statusCode, 401, `another client (${trust})`)
    }
    // With a blanket true (refused in prod) the spoof works: each made-up address gets a fresh budget.
    const naive = await ctx.build({ RATE_LIMIT_MAX: '2', TRUST_PROXY: 'true' })
    for (let i = 0; i < 4; i++) {
      assert.equal((await viaBalancer(naive, `198.51.100.${i}, 203.0.113.7`)).statusCode, 401)
    }
  })

  it('hold sign-in to RATE_LIMIT_STRICT_MAX per Kakao id, not per IP', async () => {
    const sync = (kakaoUserId: string) =>
      limited.inject({ method: 'POST', url: '/auth/sync-kakao', payload: { kakaoUserId } })
    assert.equal((await sync('300')).statusCode, 200)
    assert.equal((await sync('300')).statusCode, 200)
    const over = await sync('300')
    assert.equal(over.statusCode, 429)
    assert.equal(over.headers['x-ratelimit-limit'], '2')
    assert.equal(
      (await sync('301')).statusCode,
      200,
      'another person signing in through the same Next.js host',
    )
  })

  it('hold likes, reports and payment intents to the strict limit', async () => {
    const user = await signIn(ctx.app, '400')
    for (const [url, payload] of [
      ['/likes', { toUserId: user.userId, batchWeek: '2026-W48' }],
      ['/reports', { reportedUserId: user.userId, reason: 'spam' }],
      ['/payments/intent', { matchId: user.userId }],
    ] as const) {
      const post = () => limited.inject({ method: 'POST', url, headers: user.headers, payload })
      assert.notEqual((await post()).statusCode, 429)
      assert.notEqual((await post()).statusCode, 429)
      assert.equal((await post()).statusCode, 429, url)
    }
  })

  it('leave health probes alone', async () => {
    for (let i = 0; i < 10; i++)
      assert.equal((await limited.inject({ method: 'GET', url: '/livez' })).statusCode, 200)
  })
})

const redisUrl = process.env.REDIS_TEST_URL
if (redisUrl) {
  describe('rate limits shared through Redis', () => {
    it('count requests across replicas', async () => {
      const namespace = `${Date.now()}`
      const env = { RATE_LIMIT_MAX: '3', REDIS_URL: redisUrl, CORS_ORIGINS: `https://r${namespace}.example` }
      const [one, two] = [await ctx.build(env), await ctx.build(env)]
      const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`
      const hit = (app: FastifyInstance) =>
        app.inject({ method: 'GET', url: '/recommendations', remoteAddress: ip })
      assert.equal((await hit(one)).statusCode, 401)
      assert.equal((await hit(two)).statusCode, 401)
      assert.equal((await hit(one)).statusCode, 401)
      const over = await hit(two)
      assert.equal(over.statusCode, 429, 'the second replica sees the first one’s requests')
    })
  })
}
