import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../../../test/helpers/context.js'
import { consents } from '../../core/db/schema.js'

let ctx: TestContext
let user: SignedIn
before(async () => {
  ctx = await createTestContext()
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  user = await signIn(ctx.app, '100')
})

const put = (payload: unknown) =>
  ctx.app.inject({ method: 'PUT', url: '/me/consents', headers: user.headers, payload: payload as object })
const history = () => ctx.database.db.select().from(consents)

describe('PUT /me/consents', () => {
  it('records each acceptance with its time and shows the current state in GET /me', async () => {
    const none = (await ctx.app.inject({ method: 'GET', url: '/me', headers: user.headers })).json().consents
    assert.deepEqual(none, { terms: null, privacy: null, refund: null, adult: null, contactShare: null })
    const res = await put({
      terms: '2026-11-01',
      privacy: '2026-11-01',
      refund: 'v1',
      adult: 'v1',
      contactShare: 'v1',
    })
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().terms.version, '2026-11-01')
    assert.equal(res.json().terms.acceptedAt, ctx.clock.now().toISOString())
    const me = (await ctx.app.inject({ method: 'GET', url: '/me', headers: user.headers })).json()
    assert.deepEqual(me.consents, res.json())
  })

  it('keeps history: a new version adds a row, the same version adds nothing, nothing is overwritten', async () => {
    await put({ terms: 'v1' })
    await put({ terms: 'v1' })
    assert.equal((await history()).length, 1)
    ctx.clock.advance(1000)
    const res = await put({ terms: 'v2' })
    assert.equal(res.json().terms.version, 'v2')
    assert.deepEqual(
      (await history()).map((h) => h.version),
      ['v1', 'v2'],
    )
  })

  it('withdraws contactShare with null, keeping the acceptance on record', async () => {
    await put({ contactShare: 'v1' })
    ctx.clock.advance(1000)
    const res = await put({ contactShare: null })
    assert.equal(res.json().contactShare, null)
    assert.deepEqual(
      (await history()).map((h) => h.version),
      ['v1', null],
    )
  })

  it('refuses withdrawing the other consents, an empty body and malformed versions with 400', async () => {
    for (const payload of [
      { terms: null },
      {},
      { privacy: 'v 1' },
      { adult: '' },
      { refund: 'x'.repeat(33) },
    ]) {
      assert.equal((await put(payload)).statusCode, 400, JSON.stringify(payload))
    }
    assert.equal((await history()).length, 0)
  })

  it('requires a token', async () => {
    const res = await ctx.app.inject({ method: 'PUT', url: '/me/consents', payload: { terms: 'v1' } })
    assert.equal(res.statusCode, 401)
  })
})
