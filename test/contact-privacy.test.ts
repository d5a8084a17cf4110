import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { matches, profiles } from '../src/core/db/schema.js'
import { weekOf } from '../src/core/time.js'
import { createTestContext, LogCapture, type SignedIn, signIn, type TestContext } from './helpers/context.js'
import { createPerson, like, recommend, runBatch } from './helpers/factories.js'

/**
 * Contact details leave the server only for their owner, and for the other person of an active
 * match who has the owner's contactShare consent. Never in a log line.
 */
const MINSU_PHONE = '01055512345'
const JIEUN_CHAT = 'https://open.kakao.com/o/sJieun42'

let ctx: TestContext
let app: FastifyInstance
let log: LogCapture
let minsu: SignedIn
let jieun: SignedIn
let matchId: string
const bodies: string[] = []

before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
  log = new LogCapture()
  app = await ctx.build({ ADMIN_KAKAO_IDS: '1', LOG_LEVEL: 'trace' }, { logStream: log })
  minsu = await createPerson(app, { kakaoId: '100', gender: 'M', birthYear: 1994 })
  jieun = await createPerson(app, { kakaoId: '200', gender: 'F', birthYear: 1996 })
  for (const [who, contact] of [
    [minsu, '+82 10-5551-2345'],
    [jieun, JIEUN_CHAT],
  ] as const) {
    const res = await app.inject({
      method: 'PUT',
      url: '/profile',
      headers: who.headers,
      payload: {
        nickname: who === minsu ? '민수' : '지은',
        gender: who === minsu ? 'M' : 'F',
        birthYear: 1995,
        contact,
      },
    })
    bodies.push(res.body)
  }
})
after(() => ctx.close())

const call = async (who: SignedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
  const res = await app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) })
  return res
}

describe('contact details', () => {
  it('are stored encrypted and shown to their owner', async () => {
    const [row] = await ctx.database.db.select().from(profiles).where(eq(profiles.userId, minsu.userId))
    assert.ok(row?.contactEncrypted)
    assert.ok(!row.contactEncrypted.includes(MINSU_PHONE))
    assert.ok(!row.contactEncrypted.includes('5551'))
    const me = (await call(minsu, 'GET', '/me')).json()
    assert.equal(me.profile.contact, MINSU_PHONE, 'normalised to digits')
  })

  it('are never shown to others before an active match', async () => {
    const admin = await signIn(app, '1')
    await runBatch(app, admin)
    const week = weekOf(ctx.clock.now())
    await recommend(ctx.database, minsu, jieun, week)
    await recommend(ctx.database, jieun, minsu, week)
    const seen: string[] = []
    seen.push(
      (await call(minsu, 'GET', '/recommendations')).body,
      (await call(jieun, 'GET', '/recommendations')).body,
    )
    seen.push((await like(app, minsu, jieun, week)).body)
    const matched = await like(app, jieun, minsu, week)
    matchId = matched.json().matchId
    seen.push(matched.body)
    for (const who of [minsu, jieun]) {
      seen.push(
        (await call(who, 'GET', '/matches')).body,
        (await call(who, 'GET', `/matches/${matchId}`)).body,
      )
    }
    for (const body of seen) {
      assert.ok(!body.includes(MINSU_PHONE) && !body.includes(JIEUN_CHAT), body.slice(0, 200))
    }
  })

  it('are not shown in an active match without the owner’s contactShare consent', async () => {
    await ctx.database.db.update(matches).set({ status: 'active' }).where(eq(matches.id, matchId))
    const detail = (await call(minsu, 'GET', `/matches/${matchId}`)).json()
    assert.equal(detail.otherProfile.contact, undefined)
    assert.equal(detail.otherProfile.nickname, '지은', 'the profile is there, as its owner shows it')
  })

  it('are shown to the other person of an active match once the owner consents, and withdrawn with it', async () => {
    await call(jieun, 'PUT', '/me/consents', { contactShare: 'v1' })
    const forMinsu = (await call(minsu, 'GET', `/matches/${matchId}`)).json()
    assert.equal(forMinsu.otherProfile.contact, JIEUN_CHAT)
    const forJieun = (await call(jieun, 'GET', `/matches/${matchId}`)).json()
    assert.equal(forJieun.otherProfile.contact, undefined, 'minsu has not consented')
    assert.ok(!(await call(minsu, 'GET', '/matches')).body.includes(JIEUN_CHAT), 'the list stays public')
    await call(jieun, 'PUT', '/me/consents', { contactShare: null })
    assert.equal((await call(minsu, 'GET', `/matches/${matchId}`)).json().otherProfile.contact, undefined)
  })

  it('never appear in a log line', () => {
    assert.ok(log.lines.length > 20)
    for (const secret of [MINSU_PHONE, '5551-2345', JIEUN_CHAT, 'sJieun42']) {
      assert.ok(!log.text.includes(secret), `${secret} was logged`)
    }
  })
})
