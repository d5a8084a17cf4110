import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { createTestContext, type TestContext } from '../../../test/helpers/context.js'
import { createCrowd } from '../../../test/helpers/factories.js'
import type { Database } from '../../core/db/client.js'
import { batchRuns, recommendationLists } from '../../core/db/schema.js'
import { kstDate } from '../../core/time.js'
import type { BatchRunner } from './recommendations.batch.js'
import { createRecommendationScheduler, scheduledTimeOf } from './recommendations.scheduler.js'

describe('the weekly schedule', () => {
  it('fires on Monday 10:00 in Seoul whatever the host time zone, and logs when', () => {
    const logged: Array<Record<string, unknown>> = []
    const log = { info: (o: object) => logged.push(o as Record<string, unknown>), warn() {}, error() {} }
    const runner = {
      start: async () => assert.fail('must not run now'),
      idle: async () => {},
    } as unknown as BatchRunner
    const scheduler = createRecommendationScheduler({
      cron: '0 10 * * 1',
      runner,
      db: {} as Database,
      clock: () => new Date(),
      log,
    })
    const next = scheduler.start()
    scheduler.stop()
    assert.ok(next)
    // Monday 10:00 KST is Monday 01:00 UTC.
    assert.equal(next.getUTCDay(), 1)
    assert.equal(next.getUTCHours(), 1)
    assert.equal(next.getUTCMinutes(), 0)
    const { year, month, day } = kstDate(next)
    assert.equal(new Date(Date.UTC(year, month - 1, day)).getUTCDay(), 1, 'a Monday in Seoul')
    assert.ok(next.getTime() - Date.now() <= 7 * 24 * 3600 * 1000)
    assert.equal(logged[0]?.timezone, 'Asia/Seoul')
    assert.equal(logged[0]?.nextRun, next.toISOString())
  })
})

describe('this week’s scheduled time', () => {
  it('is the first time REC_CRON fires in the ISO week, in Seoul', () => {
    assert.equal(scheduledTimeOf('0 10 * * 1', '2026-W48')?.toISOString(), '2026-11-23T01:00:00.000Z')
    assert.equal(scheduledTimeOf('30 23 * * 0', '2026-W48')?.toISOString(), '2026-11-29T14:30:00.000Z')
    assert.equal(scheduledTimeOf('0 0 1 1 *', '2026-W48'), null, 'a yearly pattern does not fire this week')
  })
})

describe('catching up a missed Monday', () => {
  let ctx: TestContext

  before(async () => {
    ctx = await createTestContext()
  })
  after(() => ctx.close())
  beforeEach(async () => {
    await ctx.reset()
    await createCrowd(ctx.app, 3, 3)
  })

  const runs = () => ctx.database.db.select().from(batchRuns)

  it('builds nothing before this week’s time, then builds the week once', async () => {
    ctx.clock.set('2026-11-23T00:59:00Z') // Monday 09:59 in Seoul
    assert.equal(await ctx.app.jobs.scheduler.catchUp(), 'not-due')
    assert.equal((await runs()).length, 0)

    ctx.clock.set('2026-11-24T03:00:00Z') // Tuesday: the process was down on Monday at 10:00
    assert.equal(await ctx.app.jobs.scheduler.catchUp(), 'started')
    const [run] = await runs()
    assert.equal(run?.week, '2026-W48')
    assert.equal(run?.status, 'succeeded')
    assert.equal(run?.trigger, 'schedule')
    assert.ok((await ctx.database.db.select().from(recommendationLists)).length > 0)
    assert.equal(await ctx.app.jobs.scheduler.catchUp(), 'built')
    assert.equal((await runs()).length, 1)
  })

  it('runs again after a failed run', async () => {
    ctx.clock.set('2026-11-24T03:00:00Z')
    await ctx.database.db
      .insert(batchRuns)
      .values({ week: '2026-W48', trigger: 'schedule', status: 'failed', error: 'database went away' })
    assert.equal(await ctx.app.jobs.scheduler.catchUp(), 'started')
    assert.deepEqual((await runs()).map((r) => r.status).sort(), ['failed', 'succeeded'])
  })

  it('builds a missed week once when two replicas catch up at the same moment', async () => {
    ctx.clock.set('2026-11-24T03:00:00Z')
    const other = await ctx.build()
    const results = await Promise.all([ctx.app.jobs.scheduler.catchUp(), other.jobs.scheduler.catchUp()])
    assert.ok(results.includes('started'))
    assert.deepEqual(
      (await runs()).map((r) => [r.week, r.status]),
      [['2026-W48', 'succeeded']],
    )
  })

  it('checks at start-up (and every hour after)', async () => {
    ctx.clock.set('2026-11-24T03:00:00Z')
    ctx.app.jobs.scheduler.start()
    for (let i = 0; i < 200 && (await runs()).every((r) => r.status !== 'succeeded'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    await ctx.app.jobs.scheduler.stop()
    assert.deepEqual(
      (await runs()).map((r) => r.status),
      ['succeeded'],
    )
  })
})
