/**
 * `npm test` (PGlite) and `npm run test:pg` (PostgreSQL at TEST_DATABASE_URL): prepares a migrated
 * database once, then runs every *.test.ts under src/ and test/ with node's test runner.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { openDatabase } from '../src/core/db/client.js'
import { runMigrations } from '../src/core/db/migrate.js'
import { PG_TEMPLATE_DB, snapshotPath, testDatabaseUrl, withDatabase } from '../test/helpers/databases.js'

const args = process.argv.slice(2)
const usePg = args.includes('--pg')
const filters = args.filter((a) => !a.startsWith('--'))

function findTests(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...findTests(path))
    else if (name.endsWith('.test.ts')) out.push(path)
  }
  return out
}

async function preparePglite(): Promise<void> {
  const path = snapshotPath()
  try {
    statSync(path)
    return
  } catch {
    // not made yet for these migrations
  }
  const started = Date.now()
  const handle = await openDatabase('pglite://memory')
  await runMigrations(handle)
  const dump = await handle.pglite?.dumpDataDir('none')
  await handle.close()
  if (!dump) throw new Error('PGlite did not dump its data directory')
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()))
  console.log(`prepared migrated PGlite snapshot in ${Date.now() - started} ms`)
}

async function preparePg(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    // Drop test databases that a killed run left behind, then rebuild the template.
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'shh\\_t\\_%' OR datname = $1",
      [PG_TEMPLATE_DB],
    )
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`)
  } finally {
    await admin.end()
  }
  const handle = await openDatabase(withDatabase(url, PG_TEMPLATE_DB))
  try {
    await runMigrations(handle)
  } finally {
    await handle.close()
  }
}

async function main(): Promise<number> {
  const files = [...findTests('src'), ...findTests('test')]
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort()
  if (files.length === 0) {
    console.error('No test files found')
    return 1
  }
  const env: NodeJS.ProcessEnv = { ...process.env, APP_ENV: 'test' }
  if (usePg) {
    const url = testDatabaseUrl()
    if (!url) {
      console.error(
        'npm run test:pg needs TEST_DATABASE_URL (a PostgreSQL superuser URL, e.g. postgres://postgres@127.0.0.1:5433/postgres)',
      )
      return 1
    }
    await preparePg(url)
  } else {
    delete env.TEST_DATABASE_URL
    await preparePglite()
  }
  const concurrency = Math.max(1, Math.min(4, availableParallelism()))
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files],
    { stdio: 'inherit', env },
  )
  return result.status ?? 1
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
