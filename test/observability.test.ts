import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { createTestContext, LogCapture, type SignedIn, signIn, type TestContext } from './helpers/context.js'
import { runBatch } from './helpers/factories.js'
import { FakeKakao } from './helpers/kakao.js'

const METRICS_TOKEN = 'scraper-token-0123456789'
let ctx: TestContext
let app: FastifyInstance
let admin: SignedIn
let user: SignedIn
before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1', METRICS_TOKEN })
  app = ctx.app
  admin = await signIn(app, '1')
  user = await signIn(app, '100')
})
after(() => ctx.close())

const scrape = (authorization?: string) =>
  app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} })

describe('GET /metrics', () => {
  it('is not public: the scraper token or an admin token', async () => {
    assert.equal((await scrape()).statusCode, 401)
    assert.equal((await scrape(`Bearer ${user.token}`)).statusCode, 403)
    assert.equal((await scrape('Bearer wrong-token-wrong-token')).statusCode, 401)
    assert.equal((await scrape(`Bearer ${admin.token}`)).statusCode, 200)
    const res = await scrape(`Bearer ${METRICS_TOKEN}`)
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /text\/plain/)
  })

  it('counts requests and latency by route pattern and status, errors, batches and pending payments', async () => {
    await app.inject({ method: 'GET', url: '/me', headers: user.headers })
    await app.inject({
      method: 'GET',
      url: '/matches/00000000-0000-4000-8000-000000000000',
      headers: user.headers,
    })
    await runBatch(app, admin)
    const text = (await scrape(`Bearer ${METRICS_TOKEN}`)).body
    assert.match(text, /shh_http_requests_total\{method="GET",route="\/me",status="200"\} 1/)
    assert.match(text, /shh_http_requests_total\{method="GET",route="\/matches\/:matchId",status="404"\} 1/)
    assert.match(
      text,
      /shh_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/me",status="200"\}/,
    )
    assert.match(text, /shh_http_errors_total/)
    assert.match(text, /shh_recs_batch_runs_total\{status="succeeded"\} 1/)
    assert.match(text, /shh_recs_batch_duration_seconds_count 1/)
    assert.match(text, /shh_payments_pending 0/)
    assert.match(text, /shh_process_resident_memory_bytes/)
    assert.ok(!text.includes('00000000-0000-4000-8000-000000000000'), 'ids never become labels')
  })
})

describe('log lines', () => {
  it('carry the route pattern but no query string, token, Kakao ID token or admin search term', async () => {
    const kakao = await FakeKakao.start()
    try {
      const log = new LogCapture()
      const logged = await ctx.build(kakao.env({ ADMIN_KAKAO_IDS: '1', LOG_LEVEL: 'trace' }), {
        logStream: log,
      })
      const idToken = await kakao.idToken('5555', ctx.clock.now())
      const signedIn = await logged.inject({ method: 'POST', url: '/auth/sync-kakao', payload: { idToken } })
      assert.equal(signedIn.statusCode, 200)
      const token = signedIn.json().jwt
      await logged.inject({ method: 'POST', url: '/auth/sync-kakao', payload: { idToken } })
      await logged.inject({
        method: 'GET',
        url: '/admin/users?query=%EA%B9%80%EC%88%98%EC%83%81',
        headers: { authorization: `Bearer ${admin.token}` },
      })
      await logged.inject({
        method: 'GET',
        url: '/recommendations?week=2026-W48',
        headers: { authorization: `Bearer ${token}` },
      })
      const routes = log.lines.map((l) => JSON.parse(l).route).filter(Boolean)
      assert.ok(routes.includes('/admin/users'))
      assert.ok(routes.includes('/recommendations'))
      for (const secret of [
        idToken,
        idToken.split('.')[1] as string,
        token,
        admin.token,
        '김수상',
        '%EA%B9%80',
        'week=',
      ]) {
        assert.ok(!log.text.includes(secret), `${secret.slice(0, 20)}… was logged`)
      }
    } finally {
      await kakao.stop()
    }
  })

  it('name the signed-in user on the lines of their own request, and only there', async () => {
    const log = new LogCapture()
    const logged = await ctx.build({ ADMIN_KAKAO_IDS: '1', LOG_LEVEL: 'info' }, { logStream: log })
    const calls = [
      { url: '/me', who: user },
      { url: '/recommendations', who: admin },
      { url: '/me', who: undefined },
      { url: '/recommendations', who: user },
    ]
    const requestIds: Array<string | undefined> = []
    for (const { url, who } of calls) {
      const res = await logged.inject({ method: 'GET', url, headers: who ? who.headers : {} })
      assert.equal(res.statusCode, who ? 200 : 401)
      requestIds.push(res.headers['x-request-id'] as string | undefined)
    }
    const lines = log.lines.map((l) => JSON.parse(l) as { requestId?: string; userId?: string; msg?: string })
    calls.forEach(({ who }, i) => {
      const own = lines.filter((l) => l.requestId === requestIds[i])
      assert.ok(
        own.some((l) => l.msg === 'request completed'),
        `request ${i} was logged`,
      )
      const completed = own.filter((l) => l.msg === 'request completed')
      for (const line of completed) assert.equal(line.userId, who?.userId, `request ${i}`)
    })
  })
})
