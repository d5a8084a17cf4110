import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { createTestContext, LogCapture, signIn, type TestContext } from './helpers/context.js'
import { PROD_ENV } from './helpers/prod-env.js'

let ctx: TestContext
before(async () => {
  ctx = await createTestContext()
})
after(() => ctx.close())

/** Every route the API serves; the OpenAPI document must describe each one. */
const ROUTES = [
  ['post', '/auth/sync-kakao'],
  ['post', '/auth/logout'],
  ['get', '/me'],
  ['put', '/profile'],
  ['put', '/preferences'],
  ['post', '/me/identity-verification/start'],
  ['post', '/me/identity-verification/complete'],
  ['get', '/healthz'],
  ['get', '/readyz'],
  ['get', '/livez'],
  ['get', '/metrics'],
  ['get', '/recommendations'],
  ['post', '/admin/recs/run'],
  ['get', '/admin/recs/runs/{runId}'],
  ['put', '/me/consents'],
  ['delete', '/me'],
  ['post', '/likes'],
  ['get', '/matches'],
  ['get', '/matches/{matchId}'],
  ['post', '/matches/{matchId}/close'],
  ['post', '/blocks'],
  ['delete', '/blocks/{userId}'],
  ['get', '/blocks'],
  ['post', '/reports'],
  ['get', '/admin/reports'],
  ['post', '/admin/reports/{reportId}/handle'],
  ['post', '/payments/intent'],
  ['get', '/payments/{paymentId}'],
  ['put', '/payments/{paymentId}/refund-account'],
  ['post', '/webhooks/portone'],
  ['post', '/admin/payments/{paymentId}/verify'],
  ['post', '/admin/payments/{paymentId}/refund'],
  ['get', '/admin/payments'],
  ['post', '/admin/payments/reconcile'],
  ['get', '/admin/payments/export'],
  ['post', '/admin/matches/{matchId}/activate'],
  ['get', '/admin/users'],
  ['get', '/admin/users/{userId}'],
  ['get', '/admin/users/{userId}/contact'],
  ['post', '/admin/users/{userId}/ban'],
  ['post', '/admin/users/{userId}/unban'],
  ['get', '/admin/matches'],
  ['get', '/admin/actions'],
  ['get', '/admin/access-log'],
  ['post', '/photos/uploads'],
  ['post', '/photos'],
  ['get', '/photos'],
  ['put', '/photos/order'],
  ['delete', '/photos/{photoId}'],
  ['get', '/admin/photos'],
  ['post', '/admin/photos/{photoId}/approve'],
  ['post', '/admin/photos/{photoId}/reject'],
  ['put', '/media/uploads/{uploadId}'],
  ['post', '/likes/pass'],
  ['get', '/likes/received'],
  ['put', '/me/settings'],
  ['get', '/notifications'],
  ['get', '/notifications/unread-count'],
  ['post', '/notifications/read'],
  ['get', '/admin/notifications/deliveries'],
  ['post', '/admin/notifications/deliveries/{deliveryId}/retry'],
] as const

describe('error shape', () => {
  it('answers malformed JSON with 400 in the error shape', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/auth/sync-kakao',
      headers: { 'content-type': 'application/json' },
      payload: '{"kakaoUserId":',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.headers['content-type'] as string, /application\/json/)
    assert.equal(res.json().error.code, 'BAD_REQUEST')
    assert.equal(res.json().error.requestId, res.headers['x-request-id'])
  })

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/no/such/route?token=secret' })
    assert.equal(res.statusCode, 404)
    assert.equal(res.json().error.code, 'ROUTE_NOT_FOUND')
    assert.doesNotMatch(res.body, /secret/)
  })

  it('answers a body over 1 MiB with 413', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/auth/sync-kakao',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ kakaoUserId: '1', nickname: 'x'.repeat(1024 * 1024) }),
    })
    assert.equal(res.statusCode, 413)
    assert.equal(res.json().error.code, 'PAYLOAD_TOO_LARGE')
  })

  it('answers an unsupported content type with 415', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/auth/sync-kakao',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    })
    assert.equal(res.statusCode, 415)
    assert.equal(res.json().error.code, 'UNSUPPORTED_MEDIA_TYPE')
  })

  it('turns an unexpected error into a 500 that leaks neither SQL nor parameters, in body or log', async () => {
    const log = new LogCapture()
    const app = await ctx.build({ LOG_LEVEL: 'info' }, { logStream: log })
    app.get('/boom', async () => {
      await ctx.database.db.execute(sql`SELECT * FROM no_such_table WHERE secret = ${'param-0451'}`)
    })
    const res = await app.inject({ method: 'GET', url: '/boom' })
    assert.equal(res.statusCode, 500)
    assert.deepEqual(Object.keys(res.json().error).sort(), ['code', 'message', 'requestId'])
    assert.equal(res.json().error.code, 'INTERNAL_ERROR')
    assert.doesNotMatch(res.body, /no_such_table|param-0451|SELECT|stack/i)
    assert.match(log.text, /unexpected error/)
    assert.match(log.text, /no_such_table/, 'the SQL text is logged for the operator')
    assert.doesNotMatch(log.text, /param-0451/, 'parameters are never logged')
  })
})

describe('request ids and logs', () => {
  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const given = await ctx.app.inject({
      method: 'GET',
      url: '/livez',
      headers: { 'x-request-id': 'abc-123' },
    })
    assert.equal(given.headers['x-request-id'], 'abc-123')
    const bad = await ctx.app.inject({
      method: 'GET',
      url: '/livez',
      headers: { 'x-request-id': 'a b\u0000<script>' },
    })
    assert.match(bad.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/)
  })

  it('keeps a client id only if it is at most 64 characters of [A-Za-z0-9._-], on every kind of answer', async () => {
    const id = (value: string, url = '/livez') =>
      ctx.app.inject({ method: 'GET', url, headers: { 'x-request-id': value } })
    const longest = `${'a'.repeat(60)}.b_-`
    for (const url of ['/livez', '/no/such/route', '/me', '/matches/%zz']) {
      const kept = await id(longest, url)
      assert.equal(kept.headers['x-request-id'], longest, url)
      if (kept.statusCode >= 400) assert.equal(kept.json().error.requestId, longest, url)
      for (const bad of [`${longest}x`, 'a/b', 'é', 'a b', '', 'a,b', '<x>']) {
        const res = await id(bad, url)
        assert.match(res.headers['x-request-id'] as string, /^[0-9a-f]{8}-[0-9a-f-]{27}$/, `${url} ${bad}`)
      }
    }
  })

  it('logs one JSON line per request with request id, user id, method, route, status and latency', async () => {
    const log = new LogCapture()
    const app = await ctx.build({ LOG_LEVEL: 'info' }, { logStream: log })
    const user = await signIn(app, '8001')
    await app.inject({
      method: 'GET',
      url: '/me?q=private-search',
      headers: { ...user.headers, 'x-request-id': 'req-42' },
    })
    const line = log.lines.map((l) => JSON.parse(l)).find((l) => l.requestId === 'req-42')
    assert.ok(line, log.text)
    assert.equal(line.userId, user.userId)
    assert.equal(line.method, 'GET')
    assert.equal(line.route, '/me')
    assert.equal(line.statusCode, 200)
    assert.equal(typeof line.latencyMs, 'number')
    assert.doesNotMatch(log.text, /private-search/)
    assert.ok(!log.text.includes(user.token), 'tokens are never logged')
  })
})

describe('OpenAPI', () => {
  it('documents every route with its request and response schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/openapi.json' })
    assert.equal(res.statusCode, 200)
    const spec = res.json()
    assert.match(spec.openapi, /^3\./)
    for (const [method, path] of ROUTES) {
      const op = spec.paths[path]?.[method]
      assert.ok(op, `${method.toUpperCase()} ${path} is not documented`)
      assert.ok(op.summary, `${path} has no summary`)
      const success = op.responses['200'] ?? op.responses['201'] ?? op.responses['202']
      assert.ok(
        op.responses['204'] ||
          Object.values((success?.content ?? {}) as Record<string, { schema?: unknown }>).some(
            (m) => m.schema,
          ),
        `${path} has no success schema`,
      )
      assert.ok(op.responses['500'], `${path} does not declare its error response`)
      const takesBody = method === 'post' || method === 'put'
      if (takesBody && !/\/(close|retry|approve)$/.test(path) && path !== '/auth/logout') {
        const content = op.requestBody?.content
        assert.ok(
          content?.['application/json']?.schema ??
            content?.['text/csv']?.schema ??
            content?.['image/jpeg']?.schema,
          `${path} has no body schema`,
        )
      }
    }
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
      .sort()
    assert.deepEqual(
      documented,
      ROUTES.map(([method, path]) => `${method} ${path}`).sort(),
      'the route list here is complete',
    )
    assert.deepEqual(spec.paths['/me'].get.security, [{ bearerAuth: [] }])
  })

  it('refuses control characters in every string a request can carry', async () => {
    const spec = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    type Node = Record<string, unknown>
    const unchecked: string[] = []
    const walk = (schema: Node | undefined, where: string) => {
      if (!schema) return
      if (schema.type === 'string' && !schema.enum && !schema.format) {
        const pattern = schema.pattern as string | undefined
        if (!pattern || new RegExp(pattern, 'u').test('a\u0000b')) unchecked.push(where)
      }
      for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Node>)) {
        walk(child, `${where}.${name}`)
      }
      if (schema.items) walk(schema.items as Node, `${where}[]`)
      for (const key of ['anyOf', 'oneOf', 'allOf']) {
        for (const child of (schema[key] ?? []) as Node[]) walk(child, where)
      }
    }
    for (const [path, ops] of Object.entries(spec.paths as Record<string, Record<string, Node>>)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const p of (op.parameters ?? []) as Array<{ in: string; name: string; schema: Node }>) {
          walk(p.schema, `${method} ${path} ${p.in}.${p.name}`)
        }
        const content = (op.requestBody as { content?: Record<string, { schema: Node }> } | undefined)
          ?.content
        walk(content?.['application/json']?.schema, `${method} ${path} body`)
      }
    }
    assert.deepEqual(unchecked, [])
  })

  it('serves the interactive docs at /docs', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/docs/' })
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['content-type'] as string, /text\/html/)
  })

  it('keeps /docs and /openapi.json private in prod unless DOCS_PUBLIC=true; an admin still reads the spec', async () => {
    const prod = { ...PROD_ENV, ADMIN_KAKAO_IDS: '1', IDENTITY_REQUIRED: 'false' }
    const api = await ctx.build(prod)
    // Tokens from an app with the same secret: prod signs in through Kakao, which is not here.
    const signer = await ctx.build({ APP_SECRET: prod.APP_SECRET, ADMIN_KAKAO_IDS: '1' })
    const admin = await signIn(signer, '1')
    const user = await signIn(signer, '2')
    for (const url of ['/docs', '/docs/', '/docs/static/index.html', '/openapi.json']) {
      const res = await api.inject({ method: 'GET', url })
      assert.equal(res.statusCode, 404, url)
      assert.equal(res.json().error.code, 'ROUTE_NOT_FOUND')
    }
    const asUser = await api.inject({ method: 'GET', url: '/openapi.json', headers: user.headers })
    assert.equal(asUser.statusCode, 404)
    const asAdmin = await api.inject({ method: 'GET', url: '/openapi.json', headers: admin.headers })
    assert.equal(asAdmin.statusCode, 200)
    assert.ok(asAdmin.json().paths['/auth/sync-kakao'])

    const open = await ctx.build({ ...prod, DOCS_PUBLIC: 'true' })
    assert.equal((await open.inject({ method: 'GET', url: '/docs/' })).statusCode, 200)
    assert.equal((await open.inject({ method: 'GET', url: '/openapi.json' })).statusCode, 200)
  })

  it('prefixes every route with API_BASE_PATH', async () => {
    const app = await ctx.build({ API_BASE_PATH: '/api/v1' })
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/livez' })).statusCode, 200)
    assert.equal((await app.inject({ method: 'GET', url: '/livez' })).statusCode, 404)
    const spec = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
    assert.ok(spec.paths['/api/v1/auth/sync-kakao'])
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/docs/' })).statusCode, 200)
  })
})
