import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { adminActions, consoleSessions, users } from '../src/core/db/schema.js'
import { createTestContext, LogCapture, type SignedIn, signIn, type TestContext } from './helpers/context.js'
import { PROD_ENV } from './helpers/prod-env.js'

/** The console's session, CSRF, rate limit and switch-off rules, through HTTP (no browser needed). */
const MINUTE = 60_000
let ctx: TestContext
let target: SignedIn

interface Console {
  cookie: string
  csrf: string
  setCookie: string
}

/** Dev sign-in through the real form: the login page's token, then the button's POST. */
async function consoleSignIn(app: FastifyInstance, kakaoUserId: string): Promise<Console> {
  const login = await app.inject({ method: 'GET', url: '/console/login' })
  const loginCookie = String(login.headers['set-cookie']).split(';')[0] as string
  const token = /name="_csrf" value="([^"]+)"/.exec(login.body)?.[1] as string
  const res = await app.inject({
    method: 'POST',
    url: '/console/login/dev',
    headers: { cookie: loginCookie },
    payload: { _csrf: token, kakaoUserId },
  })
  assert.equal(res.statusCode, 303, res.body)
  const setCookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('shh_console=')) as string
  const cookie = setCookie.split(';')[0] as string
  const page = await app.inject({ method: 'GET', url: '/console/', headers: { cookie } })
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] as string
  return { cookie, csrf, setCookie }
}

const dashboard = (app: FastifyInstance, c: Console) =>
  app.inject({ method: 'GET', url: '/console/', headers: { cookie: c.cookie } })
const post = (app: FastifyInstance, c: Console, url: string, payload: Record<string, string>) =>
  app.inject({ method: 'POST', url, headers: { cookie: c.cookie }, payload })

before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  ctx.clock.set('2026-11-26T05:00:00Z')
  target = await signIn(ctx.app, '500')
})

describe('console session', () => {
  it('is an httpOnly, SameSite=Lax cookie for /console only, not Secure outside prod', async () => {
    const c = await consoleSignIn(ctx.app, '1')
    assert.match(c.setCookie, /; HttpOnly/)
    assert.match(c.setCookie, /; SameSite=Lax/)
    assert.match(c.setCookie, /; Path=\/console(;|$)/)
    assert.doesNotMatch(c.setCookie, /Secure/)
    assert.equal((await dashboard(ctx.app, c)).statusCode, 200)
    const [row] = await ctx.database.db.select().from(consoleSessions)
    assert.notEqual(row?.tokenHash, c.cookie.split('=')[1], 'only a hash of the token is stored')
  })

  it('ends after an hour unused, but not while it is used', async () => {
    const c = await consoleSignIn(ctx.app, '1')
    for (let i = 0; i < 3; i++) {
      ctx.clock.advance(59 * MINUTE)
      assert.equal((await dashboard(ctx.app, c)).statusCode, 200, `after ${(i + 1) * 59} minutes of use`)
    }
    ctx.clock.advance(61 * MINUTE)
    const res = await dashboard(ctx.app, c)
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/console/login')
    assert.equal((await ctx.database.db.select().from(consoleSessions)).length, 0)
  })

  it('ends 12 hours after sign-in however busy', async () => {
    const c = await consoleSignIn(ctx.app, '1')
    for (let minutes = 50; minutes < 12 * 60; minutes += 50) {
      ctx.clock.advance(50 * MINUTE)
      assert.equal((await dashboard(ctx.app, c)).statusCode, 200, `${minutes} min`)
    }
    ctx.clock.advance(50 * MINUTE)
    assert.equal((await dashboard(ctx.app, c)).statusCode, 303)
  })

  it('ends when the admin signs out everywhere (token_version moves on)', async () => {
    const c = await consoleSignIn(ctx.app, '1')
    const admin = await signIn(ctx.app, '1')
    const out = await ctx.app.inject({ method: 'POST', url: '/auth/logout', headers: admin.headers })
    assert.equal(out.statusCode < 300, true, out.body)
    assert.equal((await dashboard(ctx.app, c)).statusCode, 303)
  })

  it('ends when the admin is demoted or taken off ADMIN_KAKAO_IDS', async () => {
    const c = await consoleSignIn(ctx.app, '1')
    const unlisted = await ctx.build({ ADMIN_KAKAO_IDS: '2' })
    assert.equal((await dashboard(unlisted, c)).statusCode, 303)
    const d = await consoleSignIn(ctx.app, '1')
    await ctx.database.db.update(users).set({ role: 'user' }).where(eq(users.kakaoUserId, '1'))
    assert.equal((await dashboard(ctx.app, d)).statusCode, 303)
  })

  it('ends at sign-out, which needs the CSRF token too', async () => {
    const c = await consoleSignIn(ctx.app, '1')
    assert.equal((await post(ctx.app, c, '/console/logout', {})).statusCode, 403)
    const out = await post(ctx.app, c, '/console/logout', { _csrf: c.csrf })
    assert.equal(out.statusCode, 303)
    assert.match(String(out.headers['set-cookie']), /shh_console=;/)
    assert.equal((await dashboard(ctx.app, c)).statusCode, 303)
  })
})

describe('console forms', () => {
  it('refuse a dev sign-in without the login form token, and write nothing', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/console/login/dev',
      payload: { kakaoUserId: '1' },
    })
    assert.equal(res.statusCode, 403)
    assert.match(res.body, /CSRF_INVALID/)
    assert.equal((await ctx.database.db.select().from(consoleSessions)).length, 0)
  })

  it('answer bad input with a Korean 400 page, one field at a time, and change nothing', async () => {
    const c = await consoleSignIn(ctx.app, '1')
    const cases: Array<[string, Record<string, string>]> = [
      [`/console/users/${target.userId}/ban`, { reason: 'x'.repeat(1001) }],
      [`/console/users/${target.userId}/ban`, { reason: '   ' }],
      [`/console/users/${target.userId}/ban`, { reason: 'a\u0000b' }],
      ['/console/users/not-a-uuid/ban', { reason: '스팸' }],
      [`/console/users/${target.userId}/contact`, { reason: '' }],
      ['/console/matches/00000000-0000-4000-8000-000000000000/activate', { reason: 'x'.repeat(1001) }],
      ['/console/reports/00000000-0000-4000-8000-000000000000/handle', { action: 'delete' }],
    ]
    for (const [url, form] of cases) {
      const res = await post(ctx.app, c, url, { ...form, _csrf: c.csrf })
      assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(form)}: ${res.statusCode}`)
      assert.match(res.headers['content-type'] as string, /text\/html/)
      assert.match(res.body, /입력값이 올바르지 않습니다/)
      assert.doesNotMatch(res.body, /at .*\.ts:\d+|SELECT|INSERT/)
    }
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, target.userId))
    assert.equal(row?.banned, false)
  })

  it('take a previewed statement back in full (over the 1 MB body limit), and refuse an oversized one in Korean', async () => {
    const c = await consoleSignIn(ctx.app, '1')
    const lines = `2026.11.26 15:02:11,${'홍길동'.repeat(20)},"33,000",0\n`.repeat(9_000)
    const statement = Buffer.from(`거래일시,적요,입금액,출금액\n${lines}`).toString('base64')
    assert.ok(statement.length > 1024 * 1024)
    const applied = await post(ctx.app, c, '/console/statements/apply', { _csrf: c.csrf, statement })
    assert.equal(applied.statusCode, 200)
    assert.match(applied.body, /0건을 입금 확인했습니다/)
    const tooBig = await post(ctx.app, c, '/console/statements/apply', {
      _csrf: c.csrf,
      statement: 'A'.repeat(8 * 1024 * 1024),
    })
    assert.equal(tooBig.statusCode, 413)
    assert.match(tooBig.body, /파일이 너무 큽니다/)
  })

  it('show the 404 and 409 refusals of the services in Korean', async () => {
    const c = await consoleSignIn(ctx.app, '1')
    const missing = await post(ctx.app, c, '/console/users/00000000-0000-4000-8000-000000000000/ban', {
      _csrf: c.csrf,
      reason: '스팸',
    })
    assert.equal(missing.statusCode, 404)
    assert.match(missing.body, /회원을 찾을 수 없습니다/)
    assert.equal(
      (await post(ctx.app, c, `/console/users/${target.userId}/ban`, { _csrf: c.csrf, reason: '스팸' }))
        .statusCode,
      303,
    )
    const twice = await post(ctx.app, c, `/console/users/${target.userId}/ban`, {
      _csrf: c.csrf,
      reason: '스팸',
    })
    assert.equal(twice.statusCode, 409)
    assert.match(twice.body, /이미 정지된 회원입니다/)
    assert.match(twice.body, /USER_ALREADY_BANNED/)
    assert.equal(
      (await ctx.database.db.select().from(adminActions)).filter((a) => a.action === 'user.ban').length,
      1,
    )
  })
})

describe('console sign-in limits and switch', () => {
  it("has a strict CSP: nothing inline, no other origin but the photos' one", async () => {
    const directives = (header: unknown) =>
      Object.fromEntries(
        String(header)
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      ) as Record<string, string[]>
    const local = directives(
      (await ctx.app.inject({ method: 'GET', url: '/console/login' })).headers['content-security-policy'],
    )
    assert.deepEqual(local['script-src'], ["'self'"])
    assert.deepEqual(local['style-src'], ["'self'"])
    assert.deepEqual(local['img-src'], ["'self'", 'data:'])
    assert.deepEqual(local['default-src'], ["'self'"])
    const s3 = await ctx.build({
      ADMIN_KAKAO_IDS: '1',
      STORAGE: 's3',
      S3_BUCKET: 'photos',
      S3_REGION: 'ap-northeast-2',
      S3_ENDPOINT: 'http://127.0.0.1:9',
      S3_PUBLIC_BASE_URL: 'https://photos.example.com/p',
    })
    const remote = directives(
      (await s3.inject({ method: 'GET', url: '/console/login' })).headers['content-security-policy'],
    )
    assert.deepEqual(remote['img-src'], ["'self'", 'data:', 'https://photos.example.com'])
    assert.deepEqual(remote['script-src'], ["'self'"])
  })

  it('rate-limits the sign-in routes strictly', async () => {
    const limited = await ctx.build({ ADMIN_KAKAO_IDS: '1', RATE_LIMIT_STRICT_MAX: '3' })
    const statuses: number[] = []
    for (let i = 0; i < 4; i++)
      statuses.push((await limited.inject({ method: 'GET', url: '/console/login' })).statusCode)
    assert.deepEqual(statuses, [200, 200, 200, 429])
    const devSignIn = () =>
      limited.inject({ method: 'POST', url: '/console/login/dev', payload: { kakaoUserId: '1' } })
    const posts: number[] = []
    for (let i = 0; i < 3; i++) posts.push((await devSignIn()).statusCode)
    assert.deepEqual(posts, [403, 403, 403], 'no form token')
    const refused = await devSignIn()
    assert.equal(refused.statusCode, 429)
    assert.match(refused.body, /요청이 너무 많습니다/)
  })

  it('is off in prod without CONSOLE_BASE_URL or KAKAO_CLIENT_SECRET: 404, and the log says why', async () => {
    const prod = {
      ...PROD_ENV,
      ADMIN_KAKAO_IDS: '1',
      IDENTITY_REQUIRED: 'false',
      LOG_LEVEL: 'warn',
    }
    for (const [extra, why] of [
      [{}, /CONSOLE_BASE_URL is not set/],
      [{ CONSOLE_BASE_URL: 'https://ops.example.com/console' }, /KAKAO_CLIENT_SECRET is not set/],
    ] as const) {
      const log = new LogCapture()
      const app = await ctx.build({ ...prod, ...extra }, { logStream: log })
      for (const url of ['/console/', '/console/login', '/console/login/kakao']) {
        assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url)
      }
      assert.match(log.text, /operator console is off/)
      assert.match(log.text, why)
    }
  })
})
