import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { kstDate } from '../../core/time.js'
import type { BatchRunner } from './recommendations.batch.js'
import { createRecommendationScheduler } from './recommendations.scheduler.js'

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
