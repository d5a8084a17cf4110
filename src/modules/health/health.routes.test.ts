import assert from 'node:assert/strict'
import fs from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { createTestContext, type TestContext, testConfig } from '../../../test/helpers/context.js'
import { openTestDatabase } from '../../../test/helpers/databases.js'
import { buildApp } from '../../app.js'

let ctx: TestContext
before(async () => {
  ctx = await createTestContext()
})
after(() => ctx.close())

const get = (url: string, app = ctx.app) => app.inject({ method: 'GET', url })

describe('health endpoints', () => {
  it('answer 200 while the database is up and migrated', async () => {
    for (const url of ['/livez', '/healthz', '/readyz']) {
      const res = await get(url)
      assert.equal(res.statusCode, 200, url)
      assert.deepEqual(res.json(), { status: 'ok' })
    }
  })

  it('/readyz reads the committed migrations once, at start, not on every probe', async (t) => {
    const reads = t.mock.method(fs, 'readFileSync')
    const app = await ctx.build()
    const atStart = reads.mock.calls.filter((c) => String(c.arguments[0]).includes('drizzle')).length
    for (let i = 0; i < 5; i++) assert.equal((await get('/readyz', app)).statusCode, 200)
    const later = reads.mock.calls.filter((c) => String(c.arguments[0]).includes('drizzle')).length
    assert.ok(atStart > 0, 'read when the app is built')
    assert.equal(later, atStart, 'no migration file read by a probe')
  })

  it('/readyz answers 503 until the migrations are applied', async () => {
    const database = await openTestDatabase()
    const app = await buildApp({ config: testConfig(), database })
    try {
      await database.db.execute(sql`DELETE FROM drizzle.__drizzle_migrations`)
      const res = await get('/readyz', app)
      assert.equal(res.statusCode, 503)
      assert.equal(res.json().error.code, 'MIGRATIONS_PENDING')
      assert.equal((await get('/healthz', app)).statusCode, 200)
    } finally {
      await app.close()
      await database.close()
    }
  })

  it('answer 503 in the error shape while the database is unreachable, and /livez stays 200', async () => {
    const database = await openTestDatabase()
    const app = await buildApp({ config: testConfig(), database })
    try {
      await database.close()
      for (const url of ['/healthz', '/readyz']) {
        const res = await get(url, app)
        assert.equal(res.statusCode, 503, url)
        assert.equal(res.json().error.code, 'DATABASE_UNAVAILABLE')
        assert.ok(res.json().error.requestId)
      }
      assert.equal((await get('/livez', app)).statusCode, 200)
    } finally {
      await app.close()
    }
  })
})
