import { Cron } from 'croner'
import type { Database } from '../../core/db/client.js'
import { AppError } from '../../core/errors.js'
import { type Clock, weekOf, weekStart } from '../../core/time.js'
import type { BatchRunner } from './recommendations.batch.js'
import { hasSucceededRun } from './recommendations.repository.js'

export const SEOUL = 'Asia/Seoul'
const CATCH_UP_EVERY_MS = 3600_000

interface Logger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

/** The first time REC_CRON fires in `week` (Asia/Seoul), or null if it never does. */
export function scheduledTimeOf(cron: string, week: string): Date | null {
  const start = weekStart(week)
  const job = new Cron(cron, { timezone: SEOUL, paused: true })
  try {
    const first = job.nextRun(new Date(start.getTime() - 1))
    return first && weekOf(first) === week ? first : null
  } finally {
    job.stop()
  }
}

export type CatchUpResult = 'not-due' | 'built' | 'started' | 'running'

/**
 * Every Monday 10:00 in Seoul (REC_CRON), build the week's lists; and at start-up and every hour,
 * catch up: once this week's scheduled time has passed and no run has built the week (the process was
 * down at 10:00, or the run failed), run it now. Both go through the batch's single-flight lock.
 */
export function createRecommendationScheduler(deps: {
  cron: string
  runner: BatchRunner
  db: Database
  clock: Clock
  log: Logger
}) {
  let job: Cron | null = null
  let hourly: NodeJS.Timeout | null = null
  let checking: Promise<unknown> | null = null

  async function runWeek(week: string, catchUp: boolean): Promise<CatchUpResult> {
    try {
      const started = catchUp
        ? await deps.runner.startUnlessBuilt({ week, trigger: 'schedule' })
        : await deps.runner.start({ week, trigger: 'schedule' })
      if (!started) return 'built'
      deps.log.info(
        { runId: started.run.id, week, catchUp },
        catchUp ? 'missed recommendation batch started (catch-up)' : 'scheduled recommendation batch started',
      )
      await started.done
      return 'started'
    } catch (err) {
      if (err instanceof AppError && err.code === 'RECS_ALREADY_RUNNING') {
        deps.log.warn({ week }, 'scheduled batch skipped: another run is in progress')
        return 'running'
      }
      throw err
    }
  }

  /** Builds this week's lists if their time has come and nobody has yet; resolves when that run ends. */
  async function catchUp(): Promise<CatchUpResult> {
    const now = deps.clock()
    const week = weekOf(now)
    const due = scheduledTimeOf(deps.cron, week)
    if (!due || due > now) return 'not-due'
    if (await hasSucceededRun(deps.db, week)) return 'built'
    return runWeek(week, true)
  }

  const check = () => {
    const run = catchUp().catch((err: unknown) =>
      deps.log.error({ err: { message: (err as Error).message } }, 'recommendation catch-up failed'),
    )
    checking = run
    void run.finally(() => {
      if (checking === run) checking = null
    })
  }

  return {
    catchUp,
    start(): Date | null {
      job = new Cron(
        deps.cron,
        { timezone: SEOUL, protect: true, name: 'weekly-recommendations' },
        async () => {
          const week = weekOf(deps.clock())
          await runWeek(week, false).catch((err: unknown) =>
            deps.log.error(
              { week, err: { message: (err as Error).message } },
              'scheduled batch could not start',
            ),
          )
        },
      )
      const next = job.nextRun()
      deps.log.info(
        { cron: deps.cron, timezone: SEOUL, nextRun: next?.toISOString() ?? null },
        'scheduler started',
      )
      check()
      hourly = setInterval(check, CATCH_UP_EVERY_MS)
      hourly.unref()
      return next
    },
    /** No new runs start; a catch-up check in progress is awaited (a run it started is the runner's to finish). */
    async stop(): Promise<void> {
      job?.stop()
      job = null
      if (hourly) clearInterval(hourly)
      hourly = null
      await checking
    },
  }
}
