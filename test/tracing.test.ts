import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api'
import {
  AlwaysOnSampler,
  InMemorySpanExporter,
  ParentBasedSampler,
  type ReadableSpan,
  type Sampler,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace'
import type { FastifyInstance } from 'fastify'
import { startTracing } from '../src/core/observability/tracing.js'
import { weekOf } from '../src/core/time.js'
import type { LogCapture as LogCaptureType, SignedIn, TestContext } from './helpers/context.js'
import type { FakeKakao as FakeKakaoType } from './helpers/kakao.js'

/**
 * Tracing in process, exported to memory: the SDK starts before the app's modules are imported, as
 * the preload does for the server (src/instrument.ts).
 */
const exporter = new InMemorySpanExporter()
/** The default sampler, with a note of every span it was asked about. */
const asked: string[] = []
const parentBased = new ParentBasedSampler({ root: new AlwaysOnSampler() })
const sampler: Sampler = {
  shouldSample(...args) {
    asked.push(args[2])
    return parentBased.shouldSample(...args)
  },
  toString: () => 'noting ParentBased{AlwaysOn}',
}
await startTracing({}, { spanProcessors: [new SimpleSpanProcessor({ exporter })], sampler })
const { createTestContext, LogCapture } = await import('./helpers/context.js')
const { FakeKakao } = await import('./helpers/kakao.js')
const { runBatch } = await import('./helpers/factories.js')
const { openDatabase } = await import('../src/core/db/client.js')

const SYNC_SECRET = 'sync-secret-for-tracing-tests-0123456789'
const JIEUN_CONTACT = 'https://open.kakao.com/o/jieun-open-chat-7781'
let ctx: TestContext
let kakao: FakeKakaoType
let app: FastifyInstance
let log: LogCaptureType
/** Signed in, onboarded and with a list, by the flow below. */
let member: SignedIn
before(async () => {
  ctx = await createTestContext()
  kakao = await FakeKakao.start()
  log = new LogCapture()
  app = await ctx.build(
    kakao.env({ ADMIN_KAKAO_IDS: '8800000001', SYNC_SHARED_SECRET: SYNC_SECRET, LOG_LEVEL: 'info' }),
    { logStream: log },
  )
})
after(async () => {
  await ctx.close()
  await kakao.stop()
})

const requestSpans = () => exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER)
const statementSpans = () => exporter.getFinishedSpans().filter((s) => 'db.query.text' in s.attributes)
const childrenOf = (parent: ReadableSpan) =>
  exporter.getFinishedSpans().filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId)

/** Every text a span carries out of the process: name, attributes, events, status, resource. */
function textsOf(span: ReadableSpan): string[] {
  const values = (attributes: object | undefined) =>
    Object.entries(attributes ?? {}).flatMap(([key, value]) => [key, JSON.stringify(value)])
  return [
    span.name,
    ...values(span.attributes),
    ...span.events.flatMap((e) => [e.name, ...values(e.attributes)]),
    span.status.message ?? '',
    ...values(span.resource.attributes),
  ]
}

describe('tracing, from sign-in to contacts revealed', () => {
  const secrets: string[] = []
  const rawPaths: string[] = []
  const responses: Array<{ method: string; url: string; requestId: string; status: number }> = []

  async function call(method: 'GET' | 'POST' | 'PUT', url: string, who: SignedIn | null, payload?: object) {
    const res = await app.inject({
      method,
      url,
      headers: who ? who.headers : {},
      ...(payload ? { payload } : {}),
    })
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`)
    responses.push({ method, url, requestId: String(res.headers['x-request-id']), status: res.statusCode })
    return res.json()
  }

  async function signInWithKakao(kakaoId: string): Promise<SignedIn> {
    const idToken = await kakao.idToken(kakaoId, ctx.clock.now())
    secrets.push(kakaoId, idToken, idToken.split('.')[1] as string)
    const res = await app.inject({
      method: 'POST',
      url: '/auth/sync-kakao',
      headers: { 'x-sync-secret': SYNC_SECRET },
      payload: { idToken },
    })
    assert.equal(res.statusCode, 200, res.body)
    responses.push({
      method: 'POST',
      url: '/auth/sync-kakao',
      requestId: String(res.headers['x-request-id']),
      status: res.statusCode,
    })
    const body = res.json() as { jwt: string; user: { id: string } }
    secrets.push(body.jwt)
    return { token: body.jwt, userId: body.user.id, headers: { authorization: `Bearer ${body.jwt}` } }
  }

  async function onboard(kakaoId: string, nickname: string, gender: 'M' | 'F', contact: string) {
    const user = await signInWithKakao(kakaoId)
    secrets.push(nickname, contact)
    await call('PUT', '/profile', user, { nickname, gender, birthYear: 1995, region: '서울', contact })
    await call('PUT', '/preferences', user, {
      targetGender: gender === 'M' ? 'F' : 'M',
      ageMin: 25,
      ageMax: 40,
      regions: ['서울'],
    })
    await call('PUT', '/me/consents', user, {
      terms: 'v1',
      privacy: 'v1',
      refund: 'v1',
      adult: 'v1',
      contactShare: 'v1',
    })
    return user
  }

  before(async () => {
    secrets.push(SYNC_SECRET, '01012345678', '1234-5678', 'jieun-open-chat-7781')
    const admin = await signInWithKakao('8800000001')
    const minsu = await onboard('8800000002', '김민수', 'M', '010-1234-5678')
    const jieun = await onboard('8800000003', '이지은', 'F', JIEUN_CONTACT)
    rawPaths.push(minsu.userId, jieun.userId)
    member = minsu

    const run = await runBatch(app, admin)
    assert.equal(run.status, 'succeeded')
    const listOf = async (who: SignedIn) =>
      (await call('GET', `/recommendations?week=${weekOf(ctx.clock.now())}`, who)) as Array<{
        targetUserId: string
        batchWeek: string
      }>
    const [forMinsu] = await listOf(minsu)
    const [forJieun] = await listOf(jieun)
    assert.ok(forMinsu && forJieun)
    await call('POST', '/likes', minsu, { toUserId: jieun.userId, batchWeek: forMinsu.batchWeek })
    const { matchId } = await call('POST', '/likes', jieun, {
      toUserId: minsu.userId,
      batchWeek: forJieun.batchWeek,
    })
    const payment = await call('POST', '/payments/intent', minsu, { matchId })
    rawPaths.push(matchId, payment.id)
    const statement = `거래일시,입금자명,입금액\n2026-11-26 15:00,김민수 ${payment.code},"${payment.amount}"\n`
    const reconcile = await app.inject({
      method: 'POST',
      url: '/admin/payments/reconcile?apply=true',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: statement,
    })
    assert.equal(reconcile.json().applied, 1, reconcile.body)
    await call('POST', `/admin/matches/${matchId}/activate`, admin, {})
    assert.equal((await call('GET', `/matches/${matchId}`, minsu)).otherProfile.contact, JIEUN_CONTACT)
    assert.equal((await call('GET', `/matches/${matchId}`, jieun)).otherProfile.contact, '01012345678')
    await call(
      'GET',
      `/admin/users/${minsu.userId}/contact?reason=${encodeURIComponent('환불 문의 통화')}`,
      admin,
    )
    await call('GET', `/admin/users?query=${encodeURIComponent('김민수')}`, admin)
    secrets.push('환불 문의 통화', encodeURIComponent('김민수'), 'reason=', 'query=', 'week=', 'apply=')
  })

  it('exports no token, contact, phone number, name, Kakao id, raw path or query string', () => {
    const spans = exporter.getFinishedSpans()
    assert.ok(spans.length > 50, `only ${spans.length} spans`)
    for (const span of spans) {
      for (const text of textsOf(span)) {
        for (const secret of [...secrets, ...rawPaths]) {
          assert.ok(
            !text.includes(secret),
            `"${secret.slice(0, 24)}" in span ${span.name}: ${text.slice(0, 200)}`,
          )
        }
      }
    }
  })

  it('has one span per request, named by its route pattern, with the request id', () => {
    const spans = requestSpans()
    for (const { method, url, requestId, status } of responses) {
      const own = spans.filter((s) => s.attributes['http.request.id'] === requestId)
      assert.equal(own.length, 1, `${method} ${url}`)
      const span = own[0] as ReadableSpan
      const route = span.attributes['http.route'] as string
      assert.equal(span.name, `${method} ${route}`)
      assert.equal(span.attributes['url.path'], route)
      assert.equal(span.attributes['http.response.status_code'], status)
      assert.equal(span.status.code, SpanStatusCode.UNSET)
      assert.ok(!route.includes('?'))
    }
    const names = new Set(spans.map((s) => s.name))
    for (const name of [
      'POST /auth/sync-kakao',
      'PUT /profile',
      'GET /recommendations',
      'POST /likes',
      'POST /payments/intent',
      'POST /admin/payments/reconcile',
      'POST /admin/matches/:matchId/activate',
      'GET /matches/:matchId',
      'GET /admin/users/:userId/contact',
    ]) {
      assert.ok(names.has(name), `${name} in ${[...names].join(', ')}`)
    }
  })

  it('has a child span per database statement, with the statement text and no parameter values', () => {
    const like = requestSpans().find((s) => s.name === 'POST /likes') as ReadableSpan
    const statements = childrenOf(like).filter((s) => 'db.query.text' in s.attributes)
    assert.ok(statements.length >= 2, `${statements.length} statements under POST /likes`)
    for (const s of statements) {
      assert.equal(s.attributes['db.system.name'], 'postgresql')
      assert.match(s.name, /^pg\.query:\S+ /)
    }
    assert.ok(statementSpans().some((s) => /\$1/.test(String(s.attributes['db.query.text']))))
  })

  it('traces the weekly batch as a run with load, compute and write phases carrying counts', () => {
    const runs = exporter.getFinishedSpans().filter((s) => s.name === 'recommendations.batch')
    assert.equal(runs.length, 1)
    const run = runs[0] as ReadableSpan
    assert.equal(run.parentSpanContext, undefined, 'a trace of its own')
    assert.equal(run.links.length, 1, 'linked to the request that started it')
    const phases = Object.fromEntries(childrenOf(run).map((s) => [s.name, s]))
    const load = phases['recommendations.load'] as ReadableSpan
    const compute = phases['recommendations.compute'] as ReadableSpan
    const write = phases['recommendations.write'] as ReadableSpan
    assert.ok(load && compute && write, Object.keys(phases).join(', '))
    assert.equal(load.attributes['recs.eligible'], 2)
    assert.equal(compute.attributes['recs.viewers'], 2)
    assert.equal(write.attributes['recs.lists_written'], 2)
    assert.equal(write.attributes['recs.recommendations_written'], 2)
    assert.ok(
      childrenOf(load).some((s) => 'db.query.text' in s.attributes),
      'load statements nest under load',
    )
    assert.ok(
      childrenOf(write).some((s) => 'db.query.text' in s.attributes),
      'write statements nest under write',
    )
  })

  it('writes the trace and span ids of the request on its log lines', () => {
    const last = responses.at(-1) as { requestId: string }
    const span = requestSpans().find(
      (s) => s.attributes['http.request.id'] === last.requestId,
    ) as ReadableSpan
    const line = log.lines
      .map((l) => JSON.parse(l) as Record<string, string>)
      .find((l) => l.requestId === last.requestId && l.msg === 'request completed')
    assert.ok(line)
    assert.equal(line.trace_id, span.spanContext().traceId)
    assert.equal(line.span_id, span.spanContext().spanId)
  })
})

describe('tracing, request by request', () => {
  it('continues the trace of an incoming W3C traceparent', async () => {
    exporter.reset()
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
    const parentId = '00f067aa0ba902b7'
    const res = await app.inject({
      method: 'GET',
      url: '/me',
      headers: { traceparent: `00-${traceId}-${parentId}-01` },
    })
    assert.equal(res.statusCode, 401)
    const [span] = requestSpans()
    assert.equal(span?.spanContext().traceId, traceId)
    assert.equal(span?.parentSpanContext?.spanId, parentId)
  })

  it('names an unknown route by its method only, without its path or query', async () => {
    exporter.reset()
    const res = await app.inject({ method: 'GET', url: '/no/such/path?token=abc123' })
    assert.equal(res.statusCode, 404)
    const [span] = requestSpans()
    assert.equal(span?.name, 'GET')
    assert.equal(span?.attributes['url.path'], 'unmatched')
    assert.equal(span?.attributes['http.route'], undefined)
    assert.equal(span?.attributes['http.response.status_code'], 404)
    assert.ok(!textsOf(span as ReadableSpan).some((t) => t.includes('/no/such') || t.includes('abc123')))
  })

  it('decides sampling once, at the request: an unsampled request’s statements make no span at all', async () => {
    exporter.reset()
    asked.length = 0
    const unsampled = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00'
    const res = await app.inject({
      method: 'GET',
      url: '/recommendations',
      headers: { ...member.headers, traceparent: unsampled },
    })
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().length, 1, 'the list was read')
    assert.deepEqual(asked, ['request'], 'the sampler was asked about the request span only')
    assert.equal(exporter.getFinishedSpans().length, 0)

    const sampled = await app.inject({ method: 'GET', url: '/recommendations', headers: member.headers })
    assert.equal(sampled.statusCode, 200)
    const [request] = requestSpans()
    assert.ok(request && childrenOf(request).some((s) => 'db.query.text' in s.attributes))
  })

  it('keeps each statement in its own request’s trace while requests wait for a pooled connection', async () => {
    // One connection for eight requests: pg-pool hands it over from inside the request releasing it.
    const database =
      ctx.database.kind === 'pg'
        ? await openDatabase(ctx.database.url as string, { poolMax: 1 })
        : ctx.database
    const narrow = await ctx.build({}, { database })
    try {
      exporter.reset()
      const alone = await narrow.inject({ method: 'GET', url: '/me', headers: member.headers })
      assert.equal(alone.statusCode, 200)
      const perRequest = statementSpans().length
      assert.ok(perRequest > 0)
      exporter.reset()
      const all = await Promise.all(
        Array.from({ length: 8 }, () =>
          narrow.inject({ method: 'GET', url: '/me', headers: member.headers }),
        ),
      )
      assert.deepEqual(
        all.map((r) => r.statusCode),
        Array(8).fill(200),
      )
      const requests = requestSpans()
      assert.equal(requests.length, 8)
      for (const request of requests) {
        const own = childrenOf(request).filter((s) => 'db.query.text' in s.attributes)
        assert.equal(own.length, perRequest, `statements under ${request.spanContext().spanId}`)
      }
    } finally {
      await narrow.close()
      if (database !== ctx.database) await database.close()
    }
  })

  it('marks a request that failed with a 5xx as an error, with its status and no message', async () => {
    const { default: Fastify } = await import('fastify')
    const bare = Fastify()
    bare.get('/boom/:id', async () => {
      throw new Error('db said (phone)=(010-5555-0101)')
    })
    try {
      exporter.reset()
      const res = await bare.inject({ method: 'GET', url: '/boom/7?x=1' })
      assert.equal(res.statusCode, 500)
      const [span] = requestSpans()
      assert.equal(span?.name, 'GET /boom/:id')
      assert.equal(span?.attributes['http.response.status_code'], 500)
      assert.equal(span?.attributes['error.type'], '500')
      assert.equal(span?.status.code, SpanStatusCode.ERROR)
      assert.ok(!textsOf(span as ReadableSpan).some((t) => t.includes('5555') || t.includes('/boom/7')))
    } finally {
      await bare.close()
    }
  })

  it('leaves the probes out', async () => {
    exporter.reset()
    assert.equal((await app.inject({ method: 'GET', url: '/livez' })).statusCode, 200)
    assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200)
    assert.equal(requestSpans().length, 0)
  })

  it('keeps only the type of an error: no status message, exception message or stack', () => {
    exporter.reset()
    trace.getTracer('test').startActiveSpan('failing', (span) => {
      span.recordException(new Error('duplicate key (phone)=(010-9876-5432)'))
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'params: 010-9876-5432' })
      span.end()
    })
    const [span] = exporter.getFinishedSpans()
    assert.equal(span?.status.code, SpanStatusCode.ERROR)
    assert.ok(!textsOf(span as ReadableSpan).some((t) => t.includes('9876')))
    assert.deepEqual(
      span?.events.map((e) => e.attributes),
      [{ 'exception.type': 'Error' }],
    )
  })
})

const redisUrl = process.env.REDIS_TEST_URL
describe('tracing Redis', { skip: redisUrl ? false : 'REDIS_TEST_URL is not set' }, () => {
  it('records the shared rate limiter’s commands by name only, under the request', async () => {
    const shared = await ctx.build({ REDIS_URL: redisUrl as string, CORS_ORIGINS: 'https://tracing.example' })
    exporter.reset()
    const ip = '198.51.100.77'
    const res = await shared.inject({ method: 'GET', url: '/recommendations', remoteAddress: ip })
    assert.equal(res.statusCode, 401)
    const request = requestSpans().find((s) => s.name === 'GET /recommendations') as ReadableSpan
    const commands = exporter.getFinishedSpans().filter((s) => s.attributes['db.system.name'] === 'redis')
    assert.ok(
      commands.some((s) => s.parentSpanContext?.spanId === request.spanContext().spanId),
      commands.map((s) => s.name).join(', '),
    )
    for (const s of commands) assert.match(String(s.attributes['db.query.text']), /^[a-z]+$/i)
    assert.ok(!commands.flatMap(textsOf).some((t) => t.includes(ip)))

    exporter.reset()
    asked.length = 0
    const unsampled = await shared.inject({
      method: 'GET',
      url: '/recommendations',
      remoteAddress: ip,
      headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00' },
    })
    assert.equal(unsampled.statusCode, 401)
    assert.equal(
      unsampled.headers['x-ratelimit-remaining'],
      String(Number(res.headers['x-ratelimit-remaining']) - 1),
    )
    assert.deepEqual(asked, ['request'], 'an unsampled request’s commands make no span at all')
  })
})
