import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { adminActions, users } from '../src/core/db/schema.js'
import { demoteUnlistedAdmins } from '../src/modules/auth/auth.service.js'
import { createTestContext, type SignedIn, signIn, type TestContext } from './helpers/context.js'

let ctx: TestContext
let user: SignedIn
let demoted: SignedIn
let adminRoutes: Array<{ method: 'GET' | 'POST'; url: string }>

before(async () => {
  ctx = await createTestContext({ ADMIN_KAKAO_IDS: '1' })
  user = await signIn(ctx.app, '500')
  demoted = await signIn(ctx.app, '1')
  // An admin token whose user has since lost the role in the database.
  await ctx.database.db.update(users).set({ role: 'user' }).where(eq(users.id, demoted.userId))
  const spec = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json()
  adminRoutes = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
    .filter(([path]) => path.startsWith('/admin'))
    .flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({
        method: method.toUpperCase() as 'GET' | 'POST',
        url: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
      })),
    )
})
after(() => ctx.close())

describe('every /admin route', () => {
  it('exists in the documentation', () => {
    assert.ok(adminRoutes.length >= 17, `${adminRoutes.length} admin routes`)
  })

  it('answers 401 without a token, and 403 to a user or to a token whose admin role was removed', async () => {
    for (const { method, url } of adminRoutes) {
      const anonymous = await ctx.app.inject({ method, url })
      assert.equal(anonymous.statusCode, 401, `${method} ${url}`)
      assert.equal(anonymous.json().error.code, 'AUTH_REQUIRED')
      for (const who of [user, demoted]) {
        const res = await ctx.app.inject({ method, url, headers: who.headers })
        assert.equal(res.statusCode, 403, `${method} ${url}`)
        assert.equal(res.json().error.code, 'ADMIN_ONLY')
      }
    }
  })
})

describe('an admin removed from ADMIN_KAKAO_IDS', () => {
  let removed: SignedIn
  let admin: SignedIn
  before(async () => {
    const formerList = await ctx.build({ ADMIN_KAKAO_IDS: '1,2' })
    removed = await signIn(formerList, '2')
    admin = await signIn(ctx.app, '1')
  })

  it('loses admin power at once, contact reveal included, before any restart', async () => {
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, removed.userId))
    assert.equal(row?.role, 'admin', 'still an admin in the database')
    const contact = await ctx.app.inject({
      method: 'GET',
      url: `/admin/users/${user.userId}/contact?reason=check`,
      headers: removed.headers,
    })
    assert.equal(contact.statusCode, 403)
    assert.equal(contact.json().error.code, 'ADMIN_ONLY')
    for (const { method, url } of adminRoutes) {
      const res = await ctx.app.inject({ method, url, headers: removed.headers })
      assert.equal(res.statusCode, 403, `${method} ${url}`)
    }
  })

  it('is demoted at start-up, sessions ended, by the system actor in the audit log', async () => {
    assert.deepEqual(await demoteUnlistedAdmins(ctx.database.db, new Set(['1'])), [removed.userId])
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, removed.userId))
    assert.equal(row?.role, 'user')
    const old = await ctx.app.inject({ method: 'GET', url: '/me', headers: removed.headers })
    assert.equal(old.statusCode, 401)
    assert.equal(old.json().error.code, 'TOKEN_REVOKED')

    const log = (
      await ctx.app.inject({ method: 'GET', url: '/admin/actions', headers: admin.headers })
    ).json()
    const demotion = log.items.find((a: { action: string }) => a.action === 'user.demote')
    assert.equal(demotion.actor, 'system:startup')
    assert.equal(demotion.adminId, null)
    assert.equal(demotion.targetId, removed.userId)
    assert.deepEqual(await demoteUnlistedAdmins(ctx.database.db, new Set(['1'])), [], 'once')
    assert.equal(
      (await ctx.app.inject({ method: 'GET', url: '/me', headers: admin.headers })).statusCode,
      200,
    )
  })
})

describe('the audit log', () => {
  it('keeps admin_id exactly when the actor is an admin', async () => {
    const insert = (values: typeof adminActions.$inferInsert) =>
      ctx.database.db.insert(adminActions).values(values)
    await assert.rejects(insert({ actor: 'admin', adminId: null, action: 'x', targetId: null }))
    await assert.rejects(
      insert({ actor: 'system:startup', adminId: user.userId, action: 'x', targetId: null }),
    )
    await assert.rejects(insert({ actor: 'somebody' as 'admin', adminId: null, action: 'x', targetId: null }))
  })
})
