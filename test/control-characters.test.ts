import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import Fastify from 'fastify'
import { profiles } from '../src/core/db/schema.js'
import { registerErrorHandling } from '../src/core/http/errors-plugin.js'
import { weekOf } from '../src/core/time.js'
import {
  createTestContext,
  type SignedIn,
  signIn,
  type TestContext,
  validProfile,
} from './helpers/context.js'
import { createPerson, like, recommend } from './helpers/factories.js'

/**
 * C0 control characters in any text field, one field at a time inside an otherwise valid request:
 * 400 VALIDATION_ERROR naming the field, never a 500 (PostgreSQL cannot store NUL), nothing changed.
 */
let ctx: TestContext
let admin: SignedIn
let minsu: SignedIn
let jieun: SignedIn
let matchId: string
let paymentId: string
let reportId: string

before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
  admin = await signIn(ctx.app, '1')
  minsu = await createPerson(ctx.app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(ctx.app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
  const week = weekOf(ctx.clock.now())
  await recommend(ctx.database, minsu, jieun, week)
  await recommend(ctx.database, jieun, minsu, week)
  await like(ctx.app, minsu, jieun, week)
  matchId = (await like(ctx.app, jieun, minsu, week)).json().matchId
  const intent = await ctx.app.inject({
    method: 'POST',
    url: '/payments/intent',
    headers: minsu.headers,
    payload: { matchId },
  })
  paymentId = intent.json().id
  const report = await ctx.app.inject({
    method: 'POST',
    url: '/reports',
    headers: jieun.headers,
    payload: { reportedUserId: minsu.userId, reason: 'spam' },
  })
  reportId = report.json().id
})
after(() => ctx.close())

type Method = 'GET' | 'POST' | 'PUT'
interface Case {
  what: string
  method: Method
  url: string
  who: () => SignedIn | null
  /** A valid body, and the field to spoil: a path into it (numbers index arrays). */
  body?: () => Record<string, unknown>
  path?: Array<string | number>
  /** Or a query parameter to spoil. */
  query?: string
  field: string
  multiline?: boolean
}

const week = () => weekOf(ctx.clock.now())
const cases: Case[] = [
  {
    what: 'nickname',
    method: 'PUT',
    url: '/profile',
    who: () => minsu,
    body: () => ({ ...validProfile }),
    path: ['nickname'],
    field: 'body/nickname',
  },
  {
    what: 'job',
    method: 'PUT',
    url: '/profile',
    who: () => minsu,
    body: () => ({ ...validProfile }),
    path: ['job'],
    field: 'body/job',
  },
  {
    what: 'intro',
    method: 'PUT',
    url: '/profile',
    who: () => minsu,
    body: () => ({ ...validProfile }),
    path: ['intro'],
    field: 'body/intro',
    multiline: true,
  },
  {
    what: 'contact',
    method: 'PUT',
    url: '/profile',
    who: () => minsu,
    body: () => ({ ...validProfile, contact: '010-1234-5678' }),
    path: ['contact'],
    field: 'body/contact',
  },
  {
    what: 'a keyword',
    method: 'PUT',
    url: '/preferences',
    who: () => minsu,
    body: () => ({ targetGender: 'F', ageMin: 20, ageMax: 40, keywords: ['등산', '커피'] }),
    path: ['keywords', 1],
    field: 'body/keywords/1',
  },
  {
    what: 'report detail',
    method: 'POST',
    url: '/reports',
    who: () => minsu,
    body: () => ({ reportedUserId: jieun.userId, reason: 'other', detail: '연락이 너무 잦아요' }),
    path: ['detail'],
    field: 'body/detail',
    multiline: true,
  },
  {
    what: 'the like week',
    method: 'POST',
    url: '/likes',
    who: () => minsu,
    body: () => ({ toUserId: jieun.userId, batchWeek: week() }),
    path: ['batchWeek'],
    field: 'body/batchWeek',
  },
  {
    what: 'the list week',
    method: 'GET',
    url: '/recommendations',
    who: () => minsu,
    query: 'week',
    field: 'querystring/week',
  },
  {
    what: 'sign-in nickname',
    method: 'POST',
    url: '/auth/sync-kakao',
    who: () => null,
    body: () => ({ kakaoUserId: '100', nickname: '민수' }),
    path: ['nickname'],
    field: 'body/nickname',
  },
  {
    what: 'sign-in email',
    method: 'POST',
    url: '/auth/sync-kakao',
    who: () => null,
    body: () => ({ kakaoUserId: '100', email: 'a@b.kr' }),
    path: ['email'],
    field: 'body/email',
  },
  {
    what: 'ban reason',
    method: 'POST',
    url: '',
    who: () => admin,
    body: () => ({ reason: '사기 의심' }),
    path: ['reason'],
    field: 'body/reason',
    multiline: true,
  },
  {
    what: 'admin user search',
    method: 'GET',
    url: '/admin/users',
    who: () => admin,
    query: 'query',
    field: 'querystring/query',
  },
  {
    what: 'admin payment search',
    method: 'GET',
    url: '/admin/payments',
    who: () => admin,
    query: 'query',
    field: 'querystring/query',
  },
  {
    what: 'reason to view a user',
    method: 'GET',
    url: '',
    who: () => admin,
    query: 'reason',
    field: 'querystring/reason',
  },
  {
    what: 'reason to see a contact',
    method: 'GET',
    url: '',
    who: () => admin,
    query: 'reason',
    field: 'querystring/reason',
  },
  {
    what: 'depositor name',
    method: 'POST',
    url: '',
    who: () => admin,
    body: () => ({ depositorName: '김민수 KM', memo: '확인' }),
    path: ['depositorName'],
    field: 'body/depositorName',
  },
  {
    what: 'verification memo',
    method: 'POST',
    url: '',
    who: () => admin,
    body: () => ({ depositorName: '김민수 KM', memo: '확인' }),
    path: ['memo'],
    field: 'body/memo',
    multiline: true,
  },
  {
    what: 'refund reason',
    method: 'POST',
    url: '',
    who: () => admin,
    body: () => ({ reason: '환불 요청' }),
    path: ['reason'],
    field: 'body/reason',
    multiline: true,
  },
  {
    what: 'forced activation reason',
    method: 'POST',
    url: '',
    who: () => admin,
    body: () => ({ force: true, reason: '현장 결제' }),
    path: ['reason'],
    field: 'body/reason',
    multiline: true,
  },
  {
    what: 'report handling memo',
    method: 'POST',
    url: '',
    who: () => admin,
    body: () => ({ action: 'dismiss', memo: '근거 없음' }),
    path: ['memo'],
    field: 'body/memo',
    multiline: true,
  },
]
const urls: Record<string, () => string> = {
  'ban reason': () => `/admin/users/${minsu.userId}/ban`,
  'reason to view a user': () => `/admin/users/${minsu.userId}`,
  'reason to see a contact': () => `/admin/users/${minsu.userId}/contact`,
  'depositor name': () => `/admin/payments/${paymentId}/verify`,
  'verification memo': () => `/admin/payments/${paymentId}/verify`,
  'refund reason': () => `/admin/payments/${paymentId}/refund`,
  'forced activation reason': () => `/admin/matches/${matchId}/activate`,
  'report handling memo': () => `/admin/reports/${reportId}/handle`,
}

function spoil(body: Record<string, unknown>, path: Array<string | number>, value: string) {
  let node = body as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) {
    node[key] = Array.isArray(node[key]) ? [...(node[key] as unknown[])] : { ...(node[key] as object) }
    node = node[key] as Record<string | number, unknown>
  }
  const last = path.at(-1) as string | number
  node[last] = `${String(node[last] ?? '')}${value}`
  return body
}

async function send(c: Case, bad: string) {
  const who = c.who()
  const url = urls[c.what]?.() ?? c.url
  const headers = who ? who.headers : {}
  if (c.query) {
    return ctx.app.inject({
      method: c.method,
      url: `${url}?${c.query}=${encodeURIComponent(`a${bad}b`)}`,
      headers,
    })
  }
  const payload = spoil((c.body as () => Record<string, unknown>)(), c.path as Array<string | number>, bad)
  return ctx.app.inject({ method: c.method, url, headers, payload })
}

describe('control characters in text fields', () => {
  for (const c of cases) {
    it(`${c.what}: NUL and other C0 characters are a 400 naming ${c.field}`, async () => {
      const [before] = await ctx.database.db.select().from(profiles).where(eq(profiles.userId, minsu.userId))
      for (const bad of ['\u0000', '\u0007', '\u001b[31m', ...(c.multiline ? [] : ['\n', '\r', '\t'])]) {
        const res = await send(c, bad)
        assert.equal(res.statusCode, 400, `${JSON.stringify(bad)}: ${res.body}`)
        const error = res.json().error
        assert.equal(error.code, 'VALIDATION_ERROR')
        assert.equal(error.details[0].field, c.field)
        assert.match(error.details[0].message, /control characters/)
      }
      const [now] = await ctx.database.db.select().from(profiles).where(eq(profiles.userId, minsu.userId))
      assert.deepEqual(now, before, 'nothing stored changed')
    })
  }

  it('keeps tab and line breaks where text is multi-line, and refuses them in a name', async () => {
    const intro = '안녕하세요\n주말엔\t등산을 해요\r\n잘 부탁드려요'
    const ok = await ctx.app.inject({
      method: 'PUT',
      url: '/profile',
      headers: jieun.headers,
      payload: { ...validProfile, intro },
    })
    assert.equal(ok.statusCode, 200, ok.body)
    assert.equal(ok.json().intro, intro)
    const report = await ctx.app.inject({
      method: 'POST',
      url: `/admin/reports/${reportId}/handle`,
      headers: admin.headers,
      payload: { action: 'dismiss', memo: '1. 확인함\n2. 근거 없음' },
    })
    assert.equal(report.statusCode, 200, report.body)
  })
})

describe('text the database cannot store, past validation', () => {
  it('is a 400 in the error shape (SQLSTATE 22021), not a 500', async () => {
    const probe = Fastify()
    registerErrorHandling(probe)
    probe.get('/probe', async () => ctx.database.db.execute(sql`SELECT ${'a\u0000b'}::text`))
    const res = await probe.inject({ method: 'GET', url: '/probe' })
    await probe.close()
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'VALIDATION_ERROR')
    assert.doesNotMatch(res.body, /SELECT|params/)
  })
})
