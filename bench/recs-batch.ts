/**
 * One run of the weekly batch in a process of its own, so that its peak RSS is the batch's alone.
 * Used by bench/recs.ts; prints one JSON line.
 */

import { parseArgs } from 'node:util'
import { DEV_CONSENT_VERSIONS, parseConsentVersions } from '../src/core/config.js'
import { openDatabase } from '../src/core/db/client.js'
import { createNotifier } from '../src/core/notifications.js'
import { createBatchRunner } from '../src/modules/recommendations/recommendations.batch.js'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    week: { type: 'string' },
    now: { type: 'string' },
    k: { type: 'string' },
  },
})
const database = await openDatabase(values.url as string, { poolMax: 1 })
const now = new Date(values.now as string)
let phases: Record<string, unknown> = {}
const runner = createBatchRunner({
  notifier: createNotifier({ externalTypes: new Set() }),
  database,
  clock: () => now,
  log: {
    info: (o) => {
      phases = o as Record<string, unknown>
    },
    error: (o, m) => console.error(m, o),
  },
  k: Number(values.k ?? 10),
  activeDays: 14,
  consentVersions: parseConsentVersions(DEV_CONSENT_VERSIONS),
})
const started = performance.now()
const { done } = await runner.start({ week: values.week as string, trigger: 'cli' })
const run = await done
const wallMs = performance.now() - started
await database.close()
console.log(
  JSON.stringify({
    status: run.status,
    error: run.error,
    users: run.usersTotal,
    written: run.recommendationsWritten,
    wallMs: Math.round(wallMs),
    loadMs: phases.loadMs,
    computeMs: phases.computeMs,
    writeMs: phases.writeMs,
    notified: phases.notified,
    notifyMs: phases.notifyMs,
    slices: phases.slices,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
)
