import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { openDatabase } from '../../src/core/db/client.js'
import { runMigrations } from '../../src/core/db/migrate.js'
import { notificationDeliveries, users } from '../../src/core/db/schema.js'
import { createNotifier } from '../../src/core/notifications.js'
import { createFieldCipher } from '../../src/core/security/crypto.js'
import {
  createDeliveryWorker,
  createMessageProvider,
  leaseFor,
} from '../../src/modules/notifications/notifications.worker.js'
import { testConfig } from '../helpers/context.js'
import { SolapiStandIn, solapiEnv } from '../helpers/solapi-stand-in.js'

/**
 * The real server process with every background loop on (weekly schedule and catch-up, housekeeping,
 * notification worker) and a message stuck mid-send at Solapi: SIGTERM still ends it, exit code 0,
 * within 10 s, and the message it was sending is handed back, not lost.
 */
let dir: string
let solapi: SolapiStandIn
let child: ChildProcess
let output = ''

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shh-bg-shutdown-'))
  const database = await openDatabase(`pglite://${dir}`)
  await runMigrations(database)
  const [user] = await database.db.insert(users).values({ kakaoUserId: '4242' }).returning()
  if (!user) throw new Error('no user')
  const cipher = createFieldCipher(testConfig().dataEncryptionKey)
  await database.db
    .update(users)
    .set({ phoneVerified: true, phoneEncrypted: cipher.encrypt('01012345678', user.id) })
    .where(eq(users.id, user.id))
  await createNotifier({ externalTypes: new Set(['match.created']) }).notify(
    database.db,
    user.id,
    'match.created',
    { matchId: '11111111-2222-4333-8444-555555555555' },
    new Date(),
  )
  await database.close()
  solapi = await new SolapiStandIn().start()
  solapi.fallback = 'hang'
})

after(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  await solapi.close()
  rmSync(dir, { recursive: true, force: true })
})

async function startServer(): Promise<void> {
  const port = await freePort()
  output = ''
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      ...solapiEnv(solapi, { SOLAPI_TIMEOUT_MS: '60000' }),
      APP_ENV: 'dev',
      LOG_LEVEL: 'info',
      DATABASE_URL: `pglite://${dir}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      SCHEDULER_ENABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const before = solapi.received.length
  for (let i = 0; i < 240 && solapi.received.length === before; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  assert.equal(solapi.received.length, before + 1, `the worker is sending:\n${output}`)
}

describe('SIGTERM with background work going on', () => {
  it('exits 0 within 10 s and hands the message being sent back to the queue', async () => {
    await startServer()
    assert.match(output, /scheduler started/)

    const t0 = Date.now()
    child.kill('SIGTERM')
    const [code] = (await once(child, 'exit')) as [number | null]
    const took = Date.now() - t0
    assert.equal(code, 0, output)
    assert.ok(took < 10_000, `exited after ${took} ms`)

    const database = await openDatabase(`pglite://${dir}`)
    try {
      const [row] = await database.db.select().from(notificationDeliveries)
      assert.equal(row?.status, 'pending', 'handed back, not lost')
      assert.equal(row?.attempts, 0)
      assert.equal(row?.lastError, 'stopped before Solapi answered')
    } finally {
      await database.close()
    }
  })
})

describe('a process killed mid-send', () => {
  it('leaves the message claimed; once the lease ends another worker sends it, with the same id', async () => {
    await startServer()
    child.kill('SIGKILL')
    await once(child, 'exit')
    solapi.cutHanging()
    solapi.fallback = 'accept'

    const database = await openDatabase(`pglite://${dir}`)
    try {
      const [claimed] = await database.db.select().from(notificationDeliveries)
      assert.equal(claimed?.status, 'sending', 'the claim was committed before the send')
      const config = testConfig(solapiEnv(solapi))
      const worker = createDeliveryWorker({
        db: database.db,
        clock: () => claimed?.nextAttemptAt as Date,
        cipher: createFieldCipher(config.dataEncryptionKey),
        provider: createMessageProvider(config, { info() {}, warn() {}, error() {} }),
        log: { info() {}, warn() {}, error() {} },
        maxAttempts: config.notifications.maxAttempts,
        retryBaseMs: config.notifications.retryBaseMs,
        linkUrl: config.notifications.linkUrl,
        leaseMs: leaseFor(config),
      })
      assert.equal(await worker.drain(), 1)
      const [sent] = await database.db.select().from(notificationDeliveries)
      assert.equal(sent?.status, 'sent')
      assert.equal(sent?.attempts, 2)
      const id = String(sent?.id)
      assert.deepEqual(solapi.deliveryIds().slice(-2), [id, id], 'at least once, the row id both times')
    } finally {
      await database.close()
    }
  })
})
