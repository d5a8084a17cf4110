/**
 * The weekly batch in a process of its own, for tests that kill it (SIGKILL) part-way:
 * `tsx test/helpers/batch-process.ts <database url> <week> <now ISO> <k> <viewers per slice>`.
 * Starts (or resumes) the week's run and exits 0 once it has succeeded.
 */
import { DEV_CONSENT_VERSIONS, parseConsentVersions } from '../../src/core/config.js'
import { openDatabase } from '../../src/core/db/client.js'
import { createNotifier } from '../../src/core/notifications.js'
import { createBatchRunner } from '../../src/modules/recommendations/recommendations.batch.js'

const [url, week, now, k, slice] = process.argv.slice(2) as [string, string, string, string, string]
const database = await openDatabase(url, { poolMax: 1 })
const runner = createBatchRunner({
  notifier: createNotifier({ externalTypes: new Set() }),
  database,
  clock: () => new Date(now),
  log: { info: () => undefined, error: (o, m) => console.error(m, o) },
  k: Number(k),
  activeDays: 365,
  sliceViewers: Number(slice),
  consentVersions: parseConsentVersions(DEV_CONSENT_VERSIONS),
})
const { done } = await runner.start({ week, trigger: 'cli' })
const run = await done
await database.close()
process.exit(run.status === 'succeeded' ? 0 : 1)
