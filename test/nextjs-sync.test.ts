import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { SYNC_FAILURES, type SyncOptions, syncWithApi } from '../examples/nextjs/lib/api-sync.js'
import { users } from '../src/core/db/schema.js'
import { createTestContext, type TestContext } from './helpers/context.js'
import { FakeKakao } from './helpers/kakao.js'

/**
 * The Next.js guide's sync helper (examples/nextjs/lib/api-sync.ts, the code auth.ts runs in its
 * signIn callback) against the API over HTTP, with Kakao's key set on a local stand-in: the success
 * and each way sign-in can fail, and what the person is shown for it.
 */
const SECRET = 'guide-sync-secret-with-enough-variety-0123'
const MINUTE = 60_000
let ctx: TestContext
let kakao: FakeKakao
let apiUrl: string
const servers: Server[] = []

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}

/** A server on 127.0.0.1 that answers every request with `handler` (a proxy's error page, silence…). */
async function standIn(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const options = (extra: Partial<SyncOptions> = {}): SyncOptions => ({ apiUrl, syncSecret: SECRET, ...extra })
const token = (sub: string, minutesAgo = 0) =>
  kakao.idToken(sub, new Date(ctx.clock.now().getTime() - minutesAgo * MINUTE))

before(async () => {
  kakao = await FakeKakao.start()
  ctx = await createTestContext(kakao.env({ SYNC_SHARED_SECRET: SECRET, ADMIN_KAKAO_IDS: '1' }))
  apiUrl = await listen(ctx.app)
})
after(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  await ctx.close()
  await kakao.stop()
})

describe("the Next.js guide's syncWithApi", () => {
  it('signs a person in: an API token that works, its role and expiry', async () => {
    const result = await syncWithApi({ idToken: await token('4001'), kakaoUserId: '4001' }, options())
    assert.ok(result.ok, JSON.stringify(result))
    assert.equal(result.session.role, 'user')
    const sevenDays = Math.floor(ctx.clock.now().getTime() / 1000) + 7 * 24 * 60 * 60
    assert.equal(result.session.expiresAt, sevenDays)
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/me',
      headers: { authorization: `Bearer ${result.session.apiToken}` },
    })
    assert.equal(me.json().user.id, result.session.userId)

    const admin = await syncWithApi({ idToken: await token('1') }, options({ apiUrl: `${apiUrl}/` }))
    assert.ok(admin.ok && admin.session.role === 'admin')
  })

  it('works against a development API (KAKAO_VERIFY=none), which takes the Kakao id as sent', async () => {
    const dev = await listen(await ctx.build({ KAKAO_VERIFY: 'none' }))
    const result = await syncWithApi(
      { idToken: 'unverified', kakaoUserId: '4002' },
      { apiUrl: dev, syncSecret: SECRET },
    )
    assert.ok(result.ok)
    const missing = await syncWithApi({ idToken: 'unverified' }, { apiUrl: dev, syncSecret: SECRET })
    assert.deepEqual([missing.ok, !missing.ok && missing.code], [false, 'KAKAO_USER_ID_REQUIRED'])
  })

  it('sends a banned person to /suspended', async () => {
    assert.ok((await syncWithApi({ idToken: await token('4003') }, options())).ok)
    await ctx.database.db.update(users).set({ banned: true }).where(eq(users.kakaoUserId, '4003'))
    ctx.clock.advance(1_000) // a new ID token, not the same one again
    const result = await syncWithApi({ idToken: await token('4003') }, options())
    assert.ok(!result.ok)
    assert.deepEqual([result.code, result.status], ['USER_BANNED', 403])
    assert.match(result.requestId ?? '', /^[0-9a-f-]{36}$/)
    assert.deepEqual(SYNC_FAILURES[result.code], { redirect: '/suspended', retry: false })
  })

  it('asks for a fresh Kakao login for a stale, replayed or forged ID token', async () => {
    const stale = await syncWithApi({ idToken: await token('4004', 11) }, options())
    const used = await token('4005')
    assert.ok((await syncWithApi({ idToken: used }, options())).ok)
    const replayed = await syncWithApi({ idToken: used }, options())
    const impostor = await FakeKakao.start()
    const forged = await syncWithApi({ idToken: await impostor.idToken('4006', ctx.clock.now()) }, options())
    await impostor.stop()
    for (const [result, code] of [
      [stale, 'ID_TOKEN_EXPIRED'],
      [replayed, 'ID_TOKEN_REPLAYED'],
      [forged, 'INVALID_ID_TOKEN'],
    ] as const) {
      assert.ok(!result.ok)
      assert.deepEqual([result.code, result.status], [code, 401])
      assert.equal(SYNC_FAILURES[result.code].redirect, '/sign-in-error?code=SIGN_IN_AGAIN')
    }
  })

  it('reports a wrong shared secret, a Kakao id that is not the token subject and a malformed token as configuration errors', async () => {
    const cases = [
      [{ idToken: await token('4007') }, options({ syncSecret: 'wrong' }), 'INVALID_SYNC_SECRET', 401],
      [{ idToken: await token('4008'), kakaoUserId: '9999' }, options(), 'KAKAO_ID_MISMATCH', 401],
      [{ idToken: '   ' }, options(), 'VALIDATION_ERROR', 400],
    ] as const
    for (const [identity, opts, code, status] of cases) {
      const result = await syncWithApi(identity, opts)
      assert.ok(!result.ok)
      assert.deepEqual([result.code, result.status], [code, status])
      assert.deepEqual(SYNC_FAILURES[result.code], {
        redirect: '/sign-in-error?code=CONFIGURATION',
        retry: false,
      })
    }
  })

  it('says when to retry: rate limited, Kakao unavailable', async () => {
    const limited = await listen(
      await ctx.build(kakao.env({ SYNC_SHARED_SECRET: SECRET, RATE_LIMIT_STRICT_MAX: '1' })),
    )
    await syncWithApi({ idToken: await token('4009') }, options({ apiUrl: limited }))
    const tooMany = await syncWithApi({ idToken: await token('4009') }, options({ apiUrl: limited }))
    assert.ok(!tooMany.ok)
    assert.deepEqual([tooMany.code, tooMany.status], ['RATE_LIMITED', 429])
    assert.ok((tooMany.retryAfter ?? 0) > 0)

    const troubled = await FakeKakao.start()
    troubled.answer('http-500')
    const down = await listen(await ctx.build(troubled.env({ SYNC_SHARED_SECRET: SECRET })))
    const unavailable = await syncWithApi(
      { idToken: await troubled.idToken('4010', ctx.clock.now()) },
      options({ apiUrl: down }),
    )
    await troubled.stop()
    assert.ok(!unavailable.ok)
    assert.deepEqual([unavailable.code, unavailable.status], ['KAKAO_UNAVAILABLE', 503])
    assert.deepEqual(SYNC_FAILURES[unavailable.code], {
      redirect: '/sign-in-error?code=API_UNREACHABLE',
      retry: true,
    })
  })

  it('gives up on an API that is down, silent or hidden behind an error page, without throwing', async () => {
    const closed = await standIn(() => undefined)
    const closedServer = servers.pop() as Server
    await new Promise((resolve) => closedServer.close(resolve))
    const silent = await standIn(() => undefined) // accepts, never answers
    const gateway = await standIn((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end('<html><body>502 Bad Gateway</body></html>')
    })
    const portal = await standIn((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html>login to wifi</html>')
    })
    const idToken = await token('4011')
    const started = Date.now()
    const outcomes = []
    for (const url of [closed, silent, gateway, portal]) {
      const result = await syncWithApi({ idToken }, options({ apiUrl: url, timeoutMs: 300 }))
      assert.ok(!result.ok)
      outcomes.push([result.code, result.status])
    }
    assert.deepEqual(outcomes, [
      ['API_UNREACHABLE', null],
      ['API_UNREACHABLE', null],
      ['API_UNREACHABLE', 502],
      ['UNEXPECTED_RESPONSE', 200],
    ])
    assert.ok(Date.now() - started < 5_000, 'the timeout ends the wait')
  })

  it('handles every code the API documents for sign-in, and no other', () => {
    const spec = JSON.parse(readFileSync('openapi.json', 'utf8'))
    const responses = spec.paths['/auth/sync-kakao'].post.responses as Record<
      string,
      {
        content: {
          'application/json': {
            schema: { properties: { error: { properties: { code: { enum: string[] } } } } }
          }
        }
      }
    >
    const documented = Object.entries(responses)
      .filter(([status]) => Number(status) >= 400)
      .flatMap(([, r]) => r.content['application/json'].schema.properties.error.properties.code.enum)
    assert.deepEqual(
      Object.keys(SYNC_FAILURES).sort(),
      [...new Set([...documented, 'API_UNREACHABLE', 'UNEXPECTED_RESPONSE'])].sort(),
    )
  })
})
