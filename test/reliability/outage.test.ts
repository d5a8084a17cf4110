import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.js'
import { type DbHandle, openDatabase } from '../../src/core/db/client.js'
import { testConfig } from '../helpers/context.js'
import { createPgTestDatabase, testDatabaseUrl } from '../helpers/databases.js'
import { TcpProxy } from '../helpers/tcp-proxy.js'

/**
 * PostgreSQL going away and coming back, through a TCP proxy of the test's own (the server other
 * suites use is never touched). Only with a real server: `npm run test:pg`.
 */
const serverUrl = testDatabaseUrl()
if (serverUrl) {
  describe('a database outage', () => {
    let proxy: TcpProxy
    let database: DbHandle
    let app: FastifyInstance
    let drop: () => Promise<void>
    let token: string

    before(async () => {
      const created = await createPgTestDatabase(serverUrl)
      drop = created.drop
      const target = new URL(created.url)
      proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) })
      const viaProxy = new URL(created.url)
      viaProxy.hostname = '127.0.0.1'
      viaProxy.port = String(proxy.port)
      database = await openDatabase(viaProxy.toString(), { poolMax: 4 })
      app = await buildApp({ config: testConfig(), database })
      const res = await app.inject({
        method: 'POST',
        url: '/auth/sync-kakao',
        payload: { kakaoUserId: '100' },
      })
      token = res.json().jwt
    })
    after(async () => {
      await app.close()
      await database.close()
      await proxy.stop()
      await drop()
    })

    const me = () => app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${token}` } })

    it('answers 503 in the error shape while PostgreSQL is unreachable, and recovers without a restart', async () => {
      assert.equal((await me()).statusCode, 200)
      proxy.disconnect()
      for (let i = 0; i < 3; i++) {
        const res = await me()
        assert.equal(res.statusCode, 503, res.body)
        assert.equal(res.json().error.code, 'DATABASE_UNAVAILABLE')
        assert.ok(res.headers['retry-after'])
        assert.doesNotMatch(res.body, /ECONN|terminated|SELECT/)
      }
      assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 503)
      assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 503)
      assert.equal(
        (await app.inject({ method: 'GET', url: '/livez' })).statusCode,
        200,
        'the process stays up',
      )

      proxy.reconnect()
      let recovered = false
      for (let i = 0; i < 20 && !recovered; i++) {
        recovered = (await me()).statusCode === 200
        if (!recovered) await new Promise((resolve) => setTimeout(resolve, 100))
      }
      assert.ok(recovered, 'requests succeed again once the database is back')
      assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200)
    })
  })
}
