import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { weekOf } from '../../src/core/time.js'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../helpers/context.js'
import { createPerson, like, recommend } from '../helpers/factories.js'

/**
 * Generated bad input for every route in the OpenAPI document: wrong types, huge strings, unicode,
 * missing fields, bad ids and weeks, as nobody, a user and an admin. The API must answer each with a
 * status below 500, in the error shape, without leaking SQL or stack traces.
 */
type Schema = {
  type?: string
  format?: string
  enum?: unknown[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
}

let ctx: TestContext
let app: FastifyInstance
let tokens: Array<string | undefined>
let ids: string[]
let operations: Array<{ method: string; path: string; op: Record<string, unknown> }>

const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constantFrom(
    'x'.repeat(20_000),
    '2025-W53',
    '2026-W54',
    '2026-W7',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    "'; DROP TABLE users; --",
    '\u0000\u0001',
    '💣'.repeat(300),
    '../../etc/passwd',
    -1,
    2 ** 53,
    '1e309',
  ),
)

function plausible(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return weird
  if (schema.enum) return fc.constantFrom(...schema.enum)
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => plausible(s, depth + 1)))
  switch (schema.type) {
    case 'string':
      return schema.format === 'uuid'
        ? fc.oneof(fc.uuid(), fc.constantFrom(...ids))
        : fc.string({ maxLength: 30 })
    case 'integer':
      return fc.integer({ min: -5, max: 3000 })
    case 'number':
      return fc.double()
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(valueFor(schema.items, depth + 1), { maxLength: 8 })
    case 'object':
      return objectFor(schema, depth + 1)
    default:
      return weird
  }
}
/** How a generated value travels in a URL. */
const text = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'))

const valueFor = (schema: Schema | undefined, depth = 0) => fc.oneof(plausible(schema, depth), weird)

function objectFor(schema: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {}
  const model = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, valueFor(s, depth)]))
  return fc
    .tuple(
      fc.record(model, { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 8 }), weird, { maxKeys: 2 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }))
}

before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
  app = ctx.app
  const admin = await signIn(app, '1')
  const minsu: SignedIn = await createPerson(app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  const jieun: SignedIn = await createPerson(app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
  const week = weekOf(ctx.clock.now())
  await recommend(ctx.database, minsu, jieun, week)
  await recommend(ctx.database, jieun, minsu, week)
  await like(app, minsu, jieun, week)
  const matchId = (await like(app, jieun, minsu, week)).json().matchId
  const payment = (
    await app.inject({
      method: 'POST',
      url: '/payments/intent',
      headers: minsu.headers,
      payload: { matchId },
    })
  ).json()
  ids = [minsu.userId, jieun.userId, matchId, payment.id]
  tokens = [
    undefined,
    `Bearer ${minsu.token}`,
    `Bearer ${admin.token}`,
    'Bearer garbage.token.here',
    'Basic x',
  ]
  const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json()
  operations = Object.entries(spec.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
    ([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, op })),
  )
})
after(() => ctx.close())

describe('generated bad input on every route', () => {
  it('never gets a 5xx or a leak', async () => {
    assert.ok(operations.length >= 38, `${operations.length} operations`)
    for (const { method, path, op } of operations) {
      const parameters = (op.parameters ?? []) as Array<{ in: string; name: string; schema: Schema }>
      const pathParams = parameters.filter((p) => p.in === 'path')
      const queryParams = parameters.filter((p) => p.in === 'query')
      const body = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)
        ?.content?.['application/json']?.schema
      const request = fc.record({
        token: fc.constantFrom(...tokens),
        path: fc.tuple(...pathParams.map((p) => valueFor(p.schema)), fc.constant(null)),
        query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueFor(p.schema)])), {
          requiredKeys: [],
        }),
        body: body ? fc.oneof(objectFor(body), weird) : fc.constant(undefined),
      })
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let url = path
          pathParams.forEach((p, i) => {
            url = url.replace(`{${p.name}}`, encodeURIComponent(text(r.path[i])).slice(0, 300) || 'x')
          })
          const query = new URLSearchParams()
          for (const [k, v] of Object.entries(r.query)) {
            query.set(k, text(v).slice(0, 2000))
          }
          const res = await app.inject({
            method: method.toUpperCase() as 'GET',
            url: query.size ? `${url}?${query}` : url,
            headers: {
              ...(r.token ? { authorization: r.token } : {}),
              ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(r.body !== undefined ? { payload: JSON.stringify(r.body) } : {}),
          })
          const where = `${method.toUpperCase()} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`
          assert.ok(res.statusCode < 500, where)
          if (res.statusCode >= 400) {
            const error = res.json().error
            assert.ok(error?.code && error.requestId, where)
            assert.doesNotMatch(res.body, /SELECT |INSERT |UPDATE |\bat .+\.ts:\d+/, where)
          }
        }),
        { numRuns: 40, seed: 20261126 },
      )
    }
  })
})
