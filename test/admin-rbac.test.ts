import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { users } from '../src/core/db/schema.js'
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
