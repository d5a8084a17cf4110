import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import {
  createTestContext,
  LogCapture,
  type SignedIn,
  signIn,
  type TestContext,
} from '../../../test/helpers/context.js'
import { verifyIdentity, verifyPhone } from '../../../test/helpers/factories.js'
import { SolapiStandIn, solapiEnv } from '../../../test/helpers/solapi-stand-in.js'
import { notificationDeliveries, users } from '../../core/db/schema.js'
import { createNotifier } from '../../core/notifications.js'
import { type MessageProvider, ProviderError } from './notifications.provider.js'

let ctx: TestContext
let solapi: SolapiStandIn
let minsu: SignedIn

const MATCH_ID = '11111111-2222-4333-8444-555555555555'
const notifier = createNotifier({ externalTypes: new Set(['match.created', 'payment.verified']) })

before(async () => {
  ctx = await createTestContext()
  solapi = await new SolapiStandIn().start()
})
after(async () => {
  await ctx.close()
  await solapi.close()
})

beforeEach(async () => {
  await ctx.reset()
  ctx.clock.set('2026-11-26T05:00:00Z')
  solapi.received.length = 0
  solapi.queue.length = 0
  solapi.fallback = 'accept'
  minsu = await signIn(ctx.app, '100')
  await verifyPhone(ctx.database, minsu, '01012345678')
})

/** Queues `n` match.created messages for `who` through the writer services use. */
async function queue(who: SignedIn, n = 1, type: 'match.created' | 'payment.verified' = 'match.created') {
  for (let i = 0; i < n; i++) {
    const data = type === 'match.created' ? { matchId: MATCH_ID } : { matchId: MATCH_ID, paymentId: MATCH_ID }
    await notifier.notify(ctx.database.db, who.userId, type, data as never, ctx.clock.now())
  }
}
const rows = () => ctx.database.db.select().from(notificationDeliveries).orderBy(notificationDeliveries.id)
const solapiApp = (env: Record<string, string> = {}, logStream?: LogCapture) =>
  ctx.build(solapiEnv(solapi, env), logStream ? { logStream } : {})

describe('delivery through Solapi', () => {
  it('sends a signed 알림톡 with SMS fallback that names nobody, and records it sent', async () => {
    const app = await solapiApp()
    await queue(minsu, 1, 'payment.verified')
    assert.equal(await app.jobs.worker.drain(), 1)
    assert.equal(solapi.received.length, 1)
    const [request] = solapi.received
    assert.equal(request?.signatureValid, true, request?.authorization)
    const [delivery] = await rows()
    assert.deepEqual(request?.body.messages, [
      {
        to: '01012345678',
        from: '0212345678',
        text: 'SHH Match: 새 소식이 있어요\nhttps://shh.example/notifications',
        type: 'ATA',
        kakaoOptions: {
          pfId: 'KA01PF2611260000000000STANDIN',
          templateId: 'KA01TP-PAYMENT-VERIFIED',
          variables: { '#{link}': 'https://shh.example/notifications' },
          disableSms: false,
        },
        customFields: { deliveryId: String(delivery?.id) },
      },
    ])
    assert.equal(delivery?.status, 'sent')
    assert.equal(delivery?.attempts, 1)
    assert.equal(delivery?.sentAt?.toISOString(), ctx.clock.now().toISOString())
    assert.match(delivery?.providerMessageId ?? '', /^M4V/)
    assert.equal(await app.jobs.worker.drain(), 0, 'sent once')
  })

  it('retries provider errors with exponential backoff, then marks the delivery dead', async () => {
    const app = await solapiApp({
      NOTIFY_MAX_ATTEMPTS: '4',
      NOTIFY_RETRY_BASE_SECONDS: '60',
      SOLAPI_TIMEOUT_MS: '1000',
      METRICS_TOKEN: 'metrics-token-0123456789',
    })
    await queue(minsu)
    solapi.queue.push('error500', 'hang', 'refuse', 'error400')
    const expectations: Array<[string, number]> = [
      ['Solapi HTTP 500 InternalError', 60],
      ['Solapi timed out after 1000 ms', 120],
      ['Solapi refused the message: status 1062', 240],
    ]
    for (const [error, waitSeconds] of expectations) {
      assert.equal(await app.jobs.worker.tick(), 1)
      const [row] = await rows()
      assert.equal(row?.status, 'pending')
      assert.equal(row?.lastError, error)
      assert.equal(row?.nextAttemptAt?.getTime(), ctx.clock.now().getTime() + waitSeconds * 1000)
      assert.equal(await app.jobs.worker.tick(), 0, 'not due before its time')
      ctx.clock.advance(waitSeconds * 1000)
    }
    assert.equal(await app.jobs.worker.tick(), 1)
    const [dead] = await rows()
    assert.equal(dead?.status, 'dead')
    assert.equal(dead?.attempts, 4)
    assert.equal(dead?.lastError, 'Solapi HTTP 400 ValidationError')
    ctx.clock.advance(24 * 3600_000)
    assert.equal(await app.jobs.worker.tick(), 0, 'dead stays dead')
    assert.equal(solapi.received.length, 4)
    const metrics = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer metrics-token-0123456789' },
    })
    assert.match(metrics.body, /shh_notify_deliveries_total\{outcome="failed"\} 3/)
    assert.match(metrics.body, /shh_notify_deliveries_total\{outcome="dead"\} 1/)
  })

  it('sends to the number identity verification proved, and to nobody who has not verified', async () => {
    const app = await solapiApp()
    const verified = await signIn(ctx.app, '500')
    await verifyIdentity(ctx.app, verified, { birthYear: 1995, gender: 'F', phoneNumber: '010-9876-5432' })
    const unverified = await signIn(ctx.app, '501')
    await queue(verified)
    await queue(unverified)
    assert.equal(await app.jobs.worker.drain(), 1)
    assert.deepEqual(
      solapi.received.map((r) => r.body.messages[0]?.to),
      ['01098765432'],
    )
  })

  it('shows in /metrics what waits, how long the oldest has waited, and what was sent', async () => {
    const app = await solapiApp({ METRICS_TOKEN: 'metrics-token-0123456789' })
    const scrape = async () =>
      (
        await app.inject({
          method: 'GET',
          url: '/metrics',
          headers: { authorization: 'Bearer metrics-token-0123456789' },
        })
      ).body
    assert.match(await scrape(), /^shh_notify_queue_waiting 0$/m)
    assert.match(await scrape(), /^shh_notify_queue_oldest_seconds 0$/m)
    await queue(minsu)
    ctx.clock.advance(30_000)
    await queue(minsu)
    ctx.clock.advance(60_000)
    const waiting = await scrape()
    assert.match(waiting, /^shh_notify_queue_waiting 2$/m)
    assert.match(waiting, /^shh_notify_queue_oldest_seconds 90$/m)
    assert.equal(await app.jobs.worker.drain(), 2)
    assert.deepEqual(
      (await rows()).map((r) => [r.status, r.lastError]),
      [
        ['sent', null],
        ['sent', null],
      ],
    )
    const drained = await scrape()
    assert.match(drained, /^shh_notify_queue_waiting 0$/m)
    assert.match(drained, /^shh_notify_queue_oldest_seconds 0$/m)
    assert.match(drained, /^shh_notify_deliveries_total\{outcome="sent"\} 2$/m)
  })

  it('takes a late answer, and reports a wrong secret as an error without the secret', async () => {
    const app = await solapiApp({ SOLAPI_TIMEOUT_MS: '2000' })
    await queue(minsu)
    solapi.queue.push({ delayMs: 300 })
    await app.jobs.worker.drain()
    assert.equal((await rows())[0]?.status, 'sent')

    const wrong = await solapiApp({ SOLAPI_API_SECRET: 'not-the-secret-0123456789' })
    await queue(minsu)
    await wrong.jobs.worker.tick()
    const [, row] = await rows()
    assert.equal(row?.status, 'pending')
    assert.equal(row?.lastError, 'Solapi HTTP 401 SignatureDoesNotMatch')
  })
})

describe('at least once, never twice at once', () => {
  it('sends again, with the same delivery id, what a worker that died mid-send had claimed, once its lease ends', async () => {
    const dying = await solapiApp({ SOLAPI_TIMEOUT_MS: '60000' })
    const survivor = await solapiApp()
    await queue(minsu)
    solapi.queue.push('hang')
    // The first worker claims the row and is cut off mid-send: it never records anything, as if its
    // process had been killed (the claim is committed, the send never answered).
    const cutOff = dying.jobs.worker.tick()
    for (let i = 0; i < 100 && solapi.received.length === 0; i++) await new Promise((r) => setTimeout(r, 10))
    const [claimed] = await rows()
    assert.equal(claimed?.status, 'sending')
    assert.equal(await survivor.jobs.worker.tick(), 0, 'another worker does not take a row under lease')
    ctx.clock.set(claimed?.nextAttemptAt as Date)
    assert.equal(await survivor.jobs.worker.tick(), 1, 'the lease has ended: claimed again')
    const [sent] = await rows()
    assert.equal(sent?.status, 'sent')
    assert.equal(sent?.attempts, 2)
    assert.deepEqual(solapi.deliveryIds(), [String(sent?.id), String(sent?.id)], 'at least once, same id')
    // Should the first worker come back after all, what it records cannot undo the second's work.
    solapi.cutHanging()
    await cutOff
    const [after] = await rows()
    assert.equal(after?.status, 'sent')
    assert.equal(after?.attempts, 2)
  })

  it('two workers draining one outbox at once send every message exactly once', async () => {
    const people: SignedIn[] = []
    for (let i = 0; i < 10; i++) {
      const p = await signIn(ctx.app, `30${i}`)
      await verifyPhone(ctx.database, p, `0101234${String(i).padStart(4, '0')}`)
      people.push(p)
    }
    for (const p of people) await queue(p, 15)
    solapi.fallback = { delayMs: 2 }
    const [a, b] = [await solapiApp(), await solapiApp()]
    const [sentByA, sentByB] = await Promise.all([a.jobs.worker.drain(), b.jobs.worker.drain()])
    assert.equal(sentByA + sentByB, 150)
    const ids = solapi.deliveryIds()
    assert.equal(ids.length, 150)
    assert.equal(new Set(ids).size, 150, 'no message twice')
    const states = await rows()
    assert.ok(states.every((r) => r.status === 'sent' && r.attempts === 1))
  })
})

describe('the worker loop', () => {
  it('stops within its grace on shutdown and hands a message in flight back, not lost', async () => {
    let started = 0
    const hanging: MessageProvider = {
      name: 'solapi',
      send: (_message, signal) =>
        new Promise((_resolve, reject) => {
          started++
          signal.addEventListener('abort', () => reject(new ProviderError('stopped', { aborted: true })))
        }),
    }
    const app = await ctx.build({}, { messageProvider: hanging })
    await queue(minsu)
    app.jobs.worker.start()
    for (let i = 0; i < 200 && started === 0; i++) await new Promise((r) => setTimeout(r, 10))
    assert.equal(started, 1)
    const t0 = Date.now()
    await app.jobs.worker.stop(200)
    assert.ok(Date.now() - t0 < 2000, `stopped in ${Date.now() - t0} ms`)
    const [row] = await rows()
    assert.equal(row?.status, 'pending', 'handed back')
    assert.equal(row?.attempts, 0, 'the interrupted attempt does not count')
    assert.equal(row?.nextAttemptAt?.toISOString(), ctx.clock.now().toISOString(), 'due at once')
  })

  it('drops a message whose person was banned or switched notifications off since it was queued', async () => {
    const app = await solapiApp()
    await queue(minsu)
    await ctx.database.db.update(users).set({ banned: true }).where(eq(users.id, minsu.userId))
    assert.equal(await app.jobs.worker.tick(), 1)
    assert.equal((await rows()).length, 0)
    assert.equal(solapi.received.length, 0)
  })

  it('with NOTIFY_PROVIDER=log writes a log line with no phone number', async () => {
    const log = new LogCapture()
    const app: FastifyInstance = await ctx.build({ LOG_LEVEL: 'info' }, { logStream: log })
    await queue(minsu)
    await app.jobs.worker.drain()
    const [row] = await rows()
    assert.equal(row?.status, 'sent')
    assert.equal(row?.providerMessageId, `log-${row?.id}`)
    const line = log.lines.find((l) => l.includes('notification delivered'))
    assert.ok(line)
    assert.equal(JSON.parse(line).deliveryId, row?.id)
    assert.ok(!log.text.includes('01012345678') && !log.text.includes('12345678'))
  })
})
