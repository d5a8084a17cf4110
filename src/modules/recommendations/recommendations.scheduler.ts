import { Cron } from 'croner'
import { AppError } from '../../core/errors.js'
import { type Clock, weekOf } from '../../core/time.js'
import type { BatchRunner } from './recommendations.batch.js'

export const SEOUL = 'Asia/Seoul'

interface Logger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

/** Every Monday 10:00 in Seoul (REC_CRON), build the week's lists. */
export function createRecommendationScheduler(deps: {
  cron: string
  runner: BatchRunner
  clock: Clock
  log: Logger
}) {
  let job: Cron | null = null
  return {
    start(): Date | null {
      job = new Cron(
        deps.cron,
        { timezone: SEOUL, protect: true, name: 'weekly-recommendations' },
        async () => {
          const week = weekOf(deps.clock())
          try {
            const { run, done } = await deps.runner.start({ week, trigger: 'schedule' })
            deps.log.info({ runId: run.id, week }, 'scheduled recommendation batch started')
            await done
          } catch (err) {
            if (err instanceof AppError && err.code === 'RECS_ALREADY_RUNNING') {
              deps.log.warn({ week }, 'scheduled batch skipped: another run is in progress')
            } else {
              deps.log.error(
                { week, err: { message: (err as Error).message } },
                'scheduled batch could not start',
              )
            }
          }
        },
      )
      const next = job.nextRun()
      deps.log.info(
        { cron: deps.cron, timezone: SEOUL, nextRun: next?.toISOString() ?? null },
        'scheduler started',
      )
      return next
    },
    stop(): void {
      job?.stop()
      job = null
    },
  }
}
