import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { weekOf } from '../../src/core/time.js'
import {
  createTestContext,
  type SignedIn,
  signIn,
  type TestContext,
  validPreferences,
  validProfile,
} from '../helpers/context.js'
import { createPerson, like, recommend } from '../helpers/factories.js'
import { addPhoto, jpeg, putBytes, type StartedUpload, startUpload } from '../helpers/photos.js'

/**
 * Bad input for every route in the OpenAPI document, as nobody, a user and an admin, in two modes:
 * - generated requests: wrong types, huge strings, unicode, missing fields, bad ids and weeks (most
 *   stop at validation);
 * - one field at a time: a valid request per route (the table below) with one field replaced by a
 *   control character, a lone surrogate, a 10,000-character string, a boundary number, an unknown
 *   enum value… so that everything else is valid and the bad value travels as far as it can (the
 *   database included).
 * The API must answer each with a status below 500, in the error shape, without leaking SQL or stack
 * traces.
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

/** Whether the operation documents this status with this error code (errorResponses). */
function declares(op: Record<string, unknown>, status: number, code: string): boolean {
  const responses = op.responses as Record<string, { content?: Record<string, { schema?: Schema }> }>
  const schema = responses[String(status)]?.content?.['application/json']?.schema as
    | { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } }
    | undefined
  return schema?.properties?.error?.properties?.code?.enum?.includes(code) ?? false
}

describe('generated bad input on every route', () => {
  it('never gets a 5xx or a leak', async (t) => {
    let sent = 0
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
          sent++
          const where = `${method.toUpperCase()} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`
          assert.ok(res.statusCode < 500, where)
          if (res.statusCode >= 400) {
            const error = res.json().error
            assert.ok(error?.code && error.requestId, where)
            // An empty path parameter is another URL, which no route serves.
            if (error.code !== 'ROUTE_NOT_FOUND') {
              assert.ok(declares(op, res.statusCode, error.code), `an undeclared error code: ${where}`)
            }
            assert.doesNotMatch(res.body, /SELECT |INSERT |UPDATE |\bat .+\.ts:\d+/, where)
          }
        }),
        { numRuns: 40, seed: 20261126 },
      )
    }
    t.diagnostic(`generated fuzz: ${sent} requests`)
    console.log(`generated fuzz: ${sent} requests on ${operations.length} operations, 0 failures`)
  })
})

// ---------------------------------------------------------------------------------------------------
// One field at a time

interface World {
  admin: SignedIn
  user: SignedIn
  other: SignedIn
  bystander: SignedIn
  matchId: string
  paymentId: string
  reportId: string
  /** Issued to `user` by POST /me/identity-verification/start. */
  identityVerificationId: string
  week: string
  /** One of the user's photos, an upload of theirs ready to claim, and one waiting for its bytes. */
  photoId: string
  uploadId: string
  pending: StartedUpload
}

/** A valid request: path parameters, query, and a JSON body (or a raw one). */
interface ValidRequest {
  path?: Record<string, string>
  query?: Record<string, unknown>
  body?: Record<string, unknown>
  raw?: { contentType: string; payload: string }
}

/** A valid request for every operation of the OpenAPI document, in the world the test builds. */
const VALID: Record<string, (w: World) => ValidRequest> = {
  'get /livez': () => ({}),
  'get /healthz': () => ({}),
  'get /readyz': () => ({}),
  'get /metrics': () => ({}),
  'post /auth/sync-kakao': () => ({
    body: { kakaoUserId: '100', email: 'minsu@example.kr', nickname: '민수' },
  }),
  'post /auth/logout': () => ({}),
  'get /me': () => ({}),
  'delete /me': () => ({}),
  'put /profile': () => ({
    body: {
      ...validProfile,
      gender: 'M',
      birthYear: 1994,
      photos: ['https://cdn.example.com/p/1.jpg'],
      visible: { age: true, height: false, region: true, job: true, intro: true },
      contact: '010-1234-5678',
    },
  }),
  'put /preferences': () => ({
    body: { ...validPreferences, targetGender: 'F', regions: ['서울'], keywords: ['등산'] },
  }),
  'post /me/identity-verification/start': () => ({ body: {} }),
  'post /me/identity-verification/complete': (w) => ({
    body: {
      identityVerificationId: w.identityVerificationId,
      dev: { birthYear: 1994, gender: 'M', phoneNumber: '010-1234-5678', ci: 'ci-of-the-user' },
    },
  }),
  'put /me/consents': () => ({
    body: { terms: 'v1', privacy: 'v1', refund: 'v1', adult: 'v1', contactShare: 'v1' },
  }),
  'post /likes': (w) => ({ body: { toUserId: w.other.userId, batchWeek: w.week } }),
  'get /matches': () => ({}),
  'get /matches/{matchId}': (w) => ({ path: { matchId: w.matchId } }),
  'post /matches/{matchId}/close': (w) => ({ path: { matchId: w.matchId } }),
  'post /blocks': (w) => ({ body: { userId: w.other.userId } }),
  'get /blocks': () => ({}),
  'delete /blocks/{userId}': (w) => ({ path: { userId: w.other.userId } }),
  'post /reports': (w) => ({
    body: { reportedUserId: w.other.userId, reason: 'spam', detail: '광고 메시지' },
  }),
  'get /admin/reports': () => ({ query: { handled: false, page: 1, pageSize: 20 } }),
  'post /admin/reports/{reportId}/handle': (w) => ({
    path: { reportId: w.reportId },
    body: { action: 'dismiss', memo: '근거 없음' },
  }),
  'post /payments/intent': (w) => ({ body: { matchId: w.matchId } }),
  'get /payments/{paymentId}': (w) => ({ path: { paymentId: w.paymentId } }),
  'put /payments/{paymentId}/refund-account': (w) => ({
    path: { paymentId: w.paymentId },
    body: { bank: 'KAKAO', number: '3333012345678', holderName: '김민수' },
  }),
  'post /webhooks/portone': (w) => ({
    raw: {
      contentType: 'application/json',
      payload: JSON.stringify({ type: 'Transaction.Paid', data: { paymentId: w.paymentId } }),
    },
  }),
  'post /admin/payments/{paymentId}/verify': (w) => ({
    path: { paymentId: w.paymentId },
    body: { depositorName: '김민수', memo: '입금 확인' },
  }),
  'post /admin/payments/{paymentId}/refund': (w) => ({
    path: { paymentId: w.paymentId },
    body: { reason: '환불 요청' },
  }),
  'get /admin/payments': () => ({ query: { status: 'pending', query: 'KM', page: 1, pageSize: 20 } }),
  'get /admin/payments/export': () => ({ query: { status: 'pending', query: 'KM' } }),
  'post /admin/payments/reconcile': () => ({
    query: { apply: false },
    raw: {
      contentType: 'text/csv',
      payload: '거래일시,적요,입금액\n2026-11-26 10:00,홍길동 KM4F7Q,"30,000"\n',
    },
  }),
  'post /admin/matches/{matchId}/activate': (w) => ({
    path: { matchId: w.matchId },
    body: { force: true, reason: '현장 결제' },
  }),
  'get /admin/users': () => ({ query: { query: '사람', page: 1, pageSize: 20 } }),
  'get /admin/users/{userId}': (w) => ({ path: { userId: w.user.userId }, query: { reason: '신고 검토' } }),
  'get /admin/users/{userId}/contact': (w) => ({
    path: { userId: w.user.userId },
    query: { reason: '환불 연락' },
  }),
  'post /admin/users/{userId}/ban': (w) => ({
    path: { userId: w.bystander.userId },
    body: { reason: '사기 의심' },
  }),
  'post /admin/users/{userId}/unban': (w) => ({
    path: { userId: w.bystander.userId },
    body: { reason: '오해' },
  }),
  'get /admin/matches': () => ({ query: { status: 'pending', page: 1, pageSize: 20 } }),
  'get /admin/actions': () => ({ query: { page: 1, pageSize: 20 } }),
  'get /admin/access-log': () => ({ query: { page: 1, pageSize: 20 } }),
  'get /recommendations': (w) => ({ query: { week: w.week } }),
  'post /admin/recs/run': (w) => ({ body: { week: w.week } }),
  'get /admin/recs/runs/{runId}': () => ({ path: { runId: '00000000-0000-4000-8000-000000000000' } }),
  'post /photos/uploads': () => ({ body: { contentType: 'image/jpeg', size: 200_000 } }),
  'post /photos': (w) => ({ body: { uploadId: w.uploadId } }),
  'get /photos': () => ({}),
  'put /photos/order': (w) => ({ body: { ids: [w.photoId] } }),
  'delete /photos/{photoId}': (w) => ({ path: { photoId: w.photoId } }),
  'get /admin/photos': () => ({ query: { status: 'pending', page: 1, pageSize: 20 } }),
  'post /admin/photos/{photoId}/approve': (w) => ({ path: { photoId: w.photoId } }),
  'post /admin/photos/{photoId}/reject': (w) => ({
    path: { photoId: w.photoId },
    body: { reason: '얼굴이 안 보여요' },
  }),
  'put /media/uploads/{uploadId}': (w) => {
    const signed = new URL(w.pending.url, 'http://api')
    return {
      path: { uploadId: w.pending.uploadId },
      query: Object.fromEntries(signed.searchParams),
      raw: { contentType: 'image/jpeg', payload: UPLOAD_TEXT },
    }
  },
  'post /likes/pass': (w) => ({ body: { toUserId: w.other.userId, batchWeek: w.week } }),
  'get /likes/received': () => ({}),
  'put /me/settings': () => ({ body: { notifyExternal: false } }),
  'get /notifications': () => ({ query: { cursor: '1000', limit: 20 } }),
  'get /notifications/unread-count': () => ({}),
  'post /notifications/read': () => ({ body: { ids: [1, 2] } }),
  'get /admin/notifications/deliveries': () => ({ query: { status: 'dead', page: 1, pageSize: 20 } }),
  'post /admin/notifications/deliveries/{deliveryId}/retry': () => ({ path: { deliveryId: '1' } }),
}

/** The bytes of the pre-signed PUT in the table above (storage does not look at what they are). */
const UPLOAD_TEXT = 'not looked at by storage '.repeat(8)

/** What replaces one field: the kinds of value item 17 of issue 10 names, and their neighbours. */
const BAD_VALUES: unknown[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\u001b[31m',
  '\t',
  '\r\n',
  '\ud800',
  'a\udc00b',
  '\udbff\udfff',
  'x'.repeat(10_000),
  '가'.repeat(10_000),
  '💣'.repeat(300),
  "'; DROP TABLE users; --",
  '=HYPERLINK("http://evil.example","x")',
  'UNKNOWN_ENUM_VALUE',
  'admin',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '2025-W53',
  '9999-W99',
  '1e309',
  0,
  -1,
  1,
  0.5,
  -2_147_483_649,
  2_147_483_647,
  2_147_483_648,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  true,
  false,
  null,
  [],
  {},
  ['x'],
  { $gt: '' },
]
/** Only a URL can carry these: percent-encoded bytes that are not UTF-8, or NUL. */
const BAD_URL_TEXT = ['%00', '%FF', '%ED%A0%80', '%', 'a%2Fb', '..%2F..%2F']

type Field = { in: 'path' | 'query'; name: string } | { in: 'body'; at: Array<string | number> }

/** Every field of an operation: its parameters and its body's properties, nested ones and first items. */
function fieldsOf(op: Record<string, unknown>): Field[] {
  const fields: Field[] = []
  for (const p of (op.parameters ?? []) as Array<{ in: string; name: string }>) {
    if (p.in === 'path' || p.in === 'query') fields.push({ in: p.in, name: p.name })
  }
  const body = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content?.[
    'application/json'
  ]?.schema
  const walk = (schema: Schema | undefined, at: Array<string | number>) => {
    if (!schema) return
    for (const option of schema.anyOf ?? []) walk(option, at)
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      fields.push({ in: 'body', at: [...at, name] })
      walk(child, [...at, name])
    }
    if (schema.items) {
      fields.push({ in: 'body', at: [...at, 0] })
      walk(schema.items, [...at, 0])
    }
  }
  walk(body, [])
  return fields
}

function withValue(body: Record<string, unknown>, at: Array<string | number>, value: unknown) {
  const copy = structuredClone(body) as Record<string | number, unknown>
  let node = copy
  for (let i = 0; i < at.length - 1; i++) {
    const key = at[i] as string | number
    const next = node[key]
    // An optional object or list the valid request leaves out is created around the bad value.
    if (next === null || typeof next !== 'object') node[key] = typeof at[i + 1] === 'number' ? [] : {}
    node = node[key] as Record<string | number, unknown>
  }
  node[at.at(-1) as string | number] = value
  return copy
}

/** A URL component: the value as text, percent-encoded (a lone surrogate cannot be: sent as raw bytes). */
function component(value: unknown): string {
  if (typeof value === 'string' && BAD_URL_TEXT.includes(value)) return value
  try {
    return encodeURIComponent(text(value))
  } catch {
    return '%ED%A0%80'
  }
}

async function seedWorld(): Promise<World> {
  await ctx.reset()
  const admin = await signIn(app, '1')
  const user = await createPerson(app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  const other = await createPerson(app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
  const bystander = await signIn(app, '300')
  const week = weekOf(ctx.clock.now())
  await recommend(ctx.database, user, other, week)
  await recommend(ctx.database, other, user, week)
  await like(app, other, user, week)
  const matchId = (await like(app, user, other, week)).json().matchId
  const paymentId = (
    await app.inject({ method: 'POST', url: '/payments/intent', headers: user.headers, payload: { matchId } })
  ).json().id
  const reportId = (
    await app.inject({
      method: 'POST',
      url: '/reports',
      headers: other.headers,
      payload: { reportedUserId: user.userId, reason: 'spam' },
    })
  ).json().id
  const image = await jpeg(120, 90)
  const photoId = (await addPhoto(app, user, image)).json().id
  const ready = await startUpload(app, user, image.length)
  await putBytes(app, ready, image)
  const pending = await startUpload(app, user, UPLOAD_TEXT.length)
  const identityVerificationId = (
    await app.inject({ method: 'POST', url: '/me/identity-verification/start', headers: user.headers })
  ).json().identityVerificationId
  return {
    admin,
    user,
    other,
    bystander,
    matchId,
    paymentId,
    reportId,
    identityVerificationId,
    week,
    photoId,
    uploadId: ready.uploadId,
    pending,
  }
}

describe('one bad field in an otherwise valid request, on every route', () => {
  it('never gets a 5xx or a leak', async (t) => {
    const table = Object.keys(VALID).sort()
    const documented = operations.map((o) => `${o.method} ${o.path}`).sort()
    assert.deepEqual(table, documented, 'a valid request for every documented operation')

    let sent = 0
    let world: World | undefined
    let changed = false
    const failures: string[] = []
    let op: Record<string, unknown> = {}
    const check = (what: string, res: Awaited<ReturnType<typeof app.inject>>) => {
      sent++
      const where = `${what} → ${res.statusCode} ${res.body.slice(0, 200)}`
      if (res.statusCode >= 500) failures.push(where)
      else if (res.statusCode >= 400) {
        const error = (res.json() as { error?: { code?: string; requestId?: string } }).error
        if (!error?.code || !error.requestId) failures.push(`no error shape: ${where}`)
        else if (error.code !== 'ROUTE_NOT_FOUND' && !declares(op, res.statusCode, error.code)) {
          failures.push(`undeclared error code: ${where}`)
        }
        if (/SELECT |INSERT |UPDATE |\bat .+\.ts:\d+/.test(res.body)) failures.push(`leak: ${where}`)
      }
    }

    for (const operation of operations) {
      const { method, path } = operation
      op = operation.op
      // A fresh world after anything that may have changed it (reads leave it as it was).
      if (!world || changed) world = await seedWorld()
      changed = method !== 'get'
      const valid = (VALID[`${method} ${path}`] as (w: World) => ValidRequest)(world)
      const identities: Array<[string, SignedIn | null]> = [
        ['nobody', null],
        ['user', world.user],
        ['admin', world.admin],
      ]
      const send = async (
        who: SignedIn | null,
        request: ValidRequest,
        raw?: { in: 'path' | 'query'; name: string; value: string },
      ) => {
        let url = path
        for (const [name, value] of Object.entries(request.path ?? {})) {
          url = url.replace(
            `{${name}}`,
            raw?.in === 'path' && raw.name === name ? raw.value : component(value),
          )
        }
        const query = Object.entries(request.query ?? {}).map(([k, v]) =>
          raw?.in === 'query' && raw.name === k ? `${k}=${raw.value}` : `${k}=${component(v)}`,
        )
        if (raw?.in === 'query' && !(raw.name in (request.query ?? {})))
          query.push(`${raw.name}=${raw.value}`)
        const headers: Record<string, string> = who ? { ...who.headers } : {}
        let payload: string | undefined
        if (request.raw) {
          headers['content-type'] = request.raw.contentType
          payload = request.raw.payload
        } else if (request.body) {
          headers['content-type'] = 'application/json'
          payload = JSON.stringify(request.body)
        }
        return app.inject({
          method: method.toUpperCase() as 'GET',
          url: query.length ? `${url}?${query.join('&')}` : url,
          headers,
          ...(payload === undefined ? {} : { payload }),
        })
      }

      const fields = fieldsOf(op)
      for (const [who, token] of identities) {
        // The valid request itself first (the world is fresh), then every field spoiled in turn.
        check(`${who} ${method.toUpperCase()} ${path} (valid)`, await send(token, valid))
        for (const field of fields) {
          const name = field.in === 'body' ? field.at.join('.') : `${field.in}.${field.name}`
          for (const value of BAD_VALUES) {
            const request: ValidRequest =
              field.in === 'body'
                ? { ...valid, body: withValue(valid.body ?? {}, field.at, value) }
                : field.in === 'path'
                  ? { ...valid, path: { ...valid.path, [field.name]: value as string } }
                  : { ...valid, query: { ...valid.query, [field.name]: value } }
            const label = `${who} ${method.toUpperCase()} ${path} ${name}=${JSON.stringify(value)?.slice(0, 40)}`
            check(label, await send(token, request))
          }
          if (field.in !== 'body') {
            for (const value of BAD_URL_TEXT) {
              check(
                `${who} ${method.toUpperCase()} ${path} ${name}=${value}`,
                await send(token, valid, { ...field, value }),
              )
            }
          }
        }
      }
    }
    t.diagnostic(`one-field fuzz: ${sent} requests, ${failures.length} failures`)
    console.log(
      `one-field fuzz: ${sent} requests on ${operations.length} operations, ${failures.length} failures`,
    )
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`)
    assert.ok(sent >= 10_000, `${sent} requests`)
  })
})
