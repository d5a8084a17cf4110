/**
 * `npm run bench:recs -- --users 100000 [--weeks 4] [--baseline-users 2000]`
 *
 * Generates a synthetic population directly in PostgreSQL (BENCH_DATABASE_URL, or a private
 * PostgreSQL 15 cluster this script starts and stops), runs the weekly batch for several simulated
 * weeks and prints speed, memory and quality figures. Then it compares against the SPEC's per-user
 * approach (§6.2: one query round per user) on a smaller population.
 *
 * The like model (for mutual@10), seeded and deliberately simple:
 * - every person has a hidden appeal a ~ U(0,1);
 * - u likes c from their list with p = 0.05 + 0.45 · s(u→c) · (0.5 + a_c), where s is how well c fits
 *   what u asked for (the engine's one-sided score);
 * - each person reviews at most 20 of the likes they received that week (a random 20) and likes back
 *   with p = 0.05 + 0.45 · s(c→u) · (0.5 + a_u);
 * - mutual@10 = mutual pairs per list (each counted in the list it came from), averaged over lists.
 * Likes and matches are written back, so later weeks exclude them as the product would.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { insertPopulation } from '../scripts/lib/insert-population.js'
import {
  completenessOf,
  generatePopulation,
  type SyntheticPerson,
} from '../scripts/lib/synthetic-population.js'
import { type Database, type DbHandle, openDatabase, queryRows } from '../src/core/db/client.js'
import { runMigrations } from '../src/core/db/migrate.js'
import { addWeeks, weekStart } from '../src/core/time.js'
import { oneSidedScore, type PersonInput, Population, prng } from '../src/modules/recommendations/engine.js'
import type { EligibleRow } from '../src/modules/recommendations/recommendations.repository.js'

const K = 10
const FIRST_WEEK = '2027-W02'
const HOUR = 3600_000

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    weeks: { type: 'string', default: '4' },
    'baseline-users': { type: 'string', default: '2000' },
  },
})
const users = Number(values.users)
const weeks = Number(values.weeks)
const baselineUsers = Number(values['baseline-users'])

/** A server to run on: BENCH_DATABASE_URL, or a private cluster started here. */
function server(): { url: string; stop: () => void } {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => undefined }
  const dir = '/tmp/shh-bench-pg'
  const url = execFileSync('scripts/pg-cluster.sh', ['start', dir, '55440'], { encoding: 'utf8' }).trim()
  return { url, stop: () => execFileSync('scripts/pg-cluster.sh', ['stop', dir]) }
}

async function freshDatabase(serverUrl: string, name: string): Promise<DbHandle> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const u = new URL(serverUrl)
  u.pathname = `/${name}`
  const handle = await openDatabase(u.toString(), { poolMax: 4 })
  await runMigrations(handle)
  return handle
}

function urlOf(handle: DbHandle): string {
  if (!handle.pool) throw new Error('the benchmark runs on PostgreSQL')
  return (handle.pool.options as { connectionString: string }).connectionString
}

async function populate(handle: DbHandle, people: SyntheticPerson[], at: Date) {
  const ids = await insertPopulation(handle.db, people, at)
  const random = prng(99)
  const blockers: string[] = []
  const blocked: string[] = []
  for (let i = 0; i < Math.ceil(people.length * 0.005); i++) {
    const a = ids[Math.floor(random() * ids.length)] as string
    const b = ids[Math.floor(random() * ids.length)] as string
    if (a !== b) {
      blockers.push(a)
      blocked.push(b)
    }
  }
  await handle.db.execute(sql`
    INSERT INTO blocks (blocker_id, blocked_id)
    SELECT * FROM unnest(${sql.param(blockers)}::uuid[], ${sql.param(blocked)}::uuid[]) ON CONFLICT DO NOTHING`)
  return ids
}

function runBatchChild(handle: DbHandle, week: string, now: Date) {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/recs-batch.ts',
      '--url',
      urlOf(handle),
      '--week',
      week,
      '--now',
      now.toISOString(),
    ],
    { encoding: 'utf8' },
  )
  if (child.status !== 0) throw new Error(`batch child failed: ${child.stderr}`)
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1) as string)
  if (result.status !== 'succeeded') throw new Error(`batch failed: ${result.error}`)
  return result as {
    users: number
    written: number
    wallMs: number
    loadMs: number
    computeMs: number
    maxRssMb: number
  }
}

function gini(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  const total = sorted.reduce((a, b) => a + b, 0)
  if (n === 0 || total === 0) return 0
  let weighted = 0
  for (let i = 0; i < n; i++) weighted += (2 * (i + 1) - n - 1) * (sorted[i] as number)
  return weighted / (n * total)
}

/** A synthetic person as the engine sees them (no exposure history). */
function personOf(p: SyntheticPerson, id: string): PersonInput {
  return {
    id,
    gender: p.gender,
    age: p.age,
    region: p.region,
    targetGender: p.targetGender,
    ageMin: p.ageMin,
    ageMax: p.ageMax,
    regions: p.regions,
    keywords: p.keywords,
    completeness: completenessOf(p),
    timesShown: 0,
    neverRecommended: false,
  }
}

function populationFor(people: SyntheticPerson[], ids: string[]): Population {
  return new Population(
    people.map((p, i) => personOf(p, ids[i] as string)),
    { k: K, windowWeeks: 12 },
  )
}

async function quality(
  db: Database,
  week: string,
  pop: Population,
  appeal: Float64Array,
  random: () => number,
) {
  const lists = await queryRows<{ u: string; t: string }>(
    db,
    sql`SELECT user_id::text AS u, target_user_id::text AS t FROM recommendations WHERE batch_week = ${week}`,
  )
  const perViewer = new Map<string, string[]>()
  const appearances = new Int32Array(pop.n)
  for (const { u, t } of lists) {
    const list = perViewer.get(u) ?? []
    list.push(t)
    perViewer.set(u, list)
    const c = pop.indexOf.get(t)
    if (c !== undefined) appearances[c] = (appearances[c] as number) + 1
  }
  let full = 0
  for (const list of perViewer.values()) if (list.length === K) full++
  const side = (g: number) => Array.from(appearances).filter((_, i) => pop.gender[i] === g)
  const [repeat] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM recommendations GROUP BY user_id, target_user_id HAVING count(*) > 1) x`,
  )

  // The like model (see the top of this file).
  const incoming = new Map<number, number[]>()
  const likesFrom: string[] = []
  const likesTo: string[] = []
  for (const [uid, list] of perViewer) {
    const u = pop.indexOf.get(uid) as number
    for (const tid of list) {
      const c = pop.indexOf.get(tid) as number
      if (random() < 0.05 + 0.45 * oneSidedScore(pop, u, c) * (0.5 + (appeal[c] as number))) {
        likesFrom.push(uid)
        likesTo.push(tid)
        const inbox = incoming.get(c) ?? []
        inbox.push(u)
        incoming.set(c, inbox)
      }
    }
  }
  const matchA: string[] = []
  const matchB: string[] = []
  for (const [c, inbox] of incoming) {
    for (let i = inbox.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      const t = inbox[i] as number
      inbox[i] = inbox[j] as number
      inbox[j] = t
    }
    for (const u of inbox.slice(0, 20)) {
      if (random() < 0.05 + 0.45 * oneSidedScore(pop, c, u) * (0.5 + (appeal[u] as number))) {
        likesFrom.push(pop.ids[c] as string)
        likesTo.push(pop.ids[u] as string)
        matchA.push(pop.ids[u] as string)
        matchB.push(pop.ids[c] as string)
      }
    }
  }
  await db.execute(sql`
    INSERT INTO likes (from_user, to_user, batch_week)
    SELECT f, t, ${week} FROM unnest(${sql.param(likesFrom)}::uuid[], ${sql.param(likesTo)}::uuid[]) AS x(f, t)
    ON CONFLICT DO NOTHING`)
  await db.execute(sql`
    INSERT INTO matches (user_a, user_b, status)
    SELECT a, b, 'pending' FROM unnest(${sql.param(matchA)}::uuid[], ${sql.param(matchB)}::uuid[]) AS x(a, b)
    ON CONFLICT DO NOTHING`)

  return {
    coverage: full / pop.n,
    giniM: gini(side(0)),
    giniF: gini(side(1)),
    maxM: Math.max(0, ...side(0)),
    maxF: Math.max(0, ...side(1)),
    repeats: repeat?.n ?? 0,
    mutualAt10: matchA.length / Math.max(1, perViewer.size),
  }
}

/** SPEC §6.2 as written: for each user, one query for candidates, score, top K, insert. */
async function perUserBaseline(
  handle: DbHandle,
  people: SyntheticPerson[],
  ids: string[],
  week: string,
  now: Date,
) {
  const db = handle.db
  const fromWeek = addWeeks(week, -12)
  const since = new Date(now.getTime() - 14 * 24 * HOUR).toISOString()
  const started = performance.now()
  for (let i = 0; i < people.length; i++) {
    const p = people[i] as SyntheticPerson
    const me = ids[i] as string
    const candidates = await queryRows<EligibleRow>(
      db,
      sql`
        SELECT c.user_id::text AS id, c.gender, c.birth_year, c.region, cp.target_gender, cp.age_min, cp.age_max,
               cp.regions, cp.keywords,
               ((jsonb_array_length(c.photos) > 0)::int + (c.intro IS NOT NULL)::int + (c.job IS NOT NULL)::int
                + (c.height IS NOT NULL)::int) AS parts
        FROM profiles c JOIN preferences cp ON cp.user_id = c.user_id JOIN users cu ON cu.id = c.user_id
        WHERE c.gender = ${p.targetGender} AND cp.target_gender = ${p.gender}
          AND ${now.getUTCFullYear()} - c.birth_year BETWEEN ${p.ageMin} AND ${p.ageMax}
          AND ${p.age} BETWEEN cp.age_min AND cp.age_max
          AND (${p.regions.length} = 0 OR c.region = ANY(${sql.param(p.regions)}::text[]))
          AND (cardinality(cp.regions) = 0 OR ${p.region} = ANY(cp.regions))
          AND cu.id <> ${me}::uuid AND NOT cu.banned AND cu.deleted_at IS NULL AND cu.last_active_at >= ${since}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM exposure_log e WHERE e.user_id = ${me}::uuid AND e.target_user_id = c.user_id AND e.week >= ${fromWeek})
          AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = ${me}::uuid AND b.blocked_id = c.user_id) OR (b.blocker_id = c.user_id AND b.blocked_id = ${me}::uuid))
          AND NOT EXISTS (SELECT 1 FROM matches m WHERE LEAST(m.user_a, m.user_b) = LEAST(${me}::uuid, c.user_id) AND GREATEST(m.user_a, m.user_b) = GREATEST(${me}::uuid, c.user_id))
          AND NOT EXISTS (SELECT 1 FROM likes l WHERE l.from_user = ${me}::uuid AND l.to_user = c.user_id)`,
    )
    const local = new Population(
      [
        personOf(p, me),
        ...candidates.map((c) => ({
          id: c.id,
          gender: c.gender,
          age: now.getUTCFullYear() - c.birth_year,
          region: c.region,
          targetGender: c.target_gender,
          ageMin: c.age_min,
          ageMax: c.age_max,
          regions: c.regions,
          keywords: c.keywords,
          completeness: c.parts / 4,
          timesShown: 0,
          neverRecommended: false,
        })),
      ],
      { k: K, windowWeeks: 12 },
    )
    const u = local.indexOf.get(me) as number
    const top = candidates
      .map((c) => {
        const ci = local.indexOf.get(c.id) as number
        const a = oneSidedScore(local, u, ci)
        const b = oneSidedScore(local, ci, u)
        return { id: c.id, score: Math.round(((2 * a * b) / (a + b || 1)) * 1000) / 1000 }
      })
      .sort((x, y) => y.score - x.score)
      .slice(0, K)
    if (top.length === 0) continue
    await db.execute(sql`
      INSERT INTO recommendations (user_id, target_user_id, batch_week, score, sent_at)
      SELECT ${me}::uuid, t, ${week}, s, ${now.toISOString()}::timestamptz
      FROM unnest(${sql.param(top.map((t) => t.id))}::uuid[], ${sql.param(top.map((t) => t.score))}::numeric[]) AS x(t, s)
      ON CONFLICT DO NOTHING`)
    await db.execute(sql`
      INSERT INTO exposure_log (user_id, target_user_id, reason, week, seen_at)
      SELECT ${me}::uuid, t, 'weekly_rec', ${week}, ${now.toISOString()}::timestamptz
      FROM unnest(${sql.param(top.map((t) => t.id))}::uuid[]) AS t ON CONFLICT DO NOTHING`)
  }
  return performance.now() - started
}

const fmt = (n: number, digits = 3) => n.toFixed(digits)

async function main() {
  const srv = server()
  try {
    console.log(
      `bench:recs — ${users} users, ${weeks} weeks, K=${K}, PostgreSQL ${srv.url.replace(/\/\/.*@/, '//…@')}`,
    )
    const handle = await freshDatabase(srv.url, 'shh_bench_recs')
    const firstMonday = new Date(weekStart(FIRST_WEEK).getTime() + 10 * HOUR)
    const genStarted = performance.now()
    const people = generatePopulation({ users, year: firstMonday.getUTCFullYear(), seed: 1 })
    const ids = await populate(handle, people, firstMonday)
    const genSeconds = (performance.now() - genStarted) / 1000
    const men = people.filter((p) => p.gender === 'M').length
    console.log(
      `generated ${users} people (${men} men : ${users - men} women) in ${fmt(genSeconds, 1)} s (not counted)`,
    )

    const pop = populationFor(people, ids)
    const random = prng(2027)
    const appeal = Float64Array.from({ length: pop.n }, () => random())
    const header =
      'week      users  batch s  users/s  load s  compute s  peak RSS MB  coverage  Gini M  Gini F  max M  max F  repeats  mutual@10'
    console.log(header)
    const results = []
    for (let w = 0; w < weeks; w++) {
      const week = addWeeks(FIRST_WEEK, w)
      const monday = new Date(weekStart(week).getTime() + 10 * HOUR)
      await handle.db.execute(
        sql`UPDATE users SET last_active_at = ${new Date(monday.getTime() - HOUR).toISOString()}::timestamptz`,
      )
      const run = runBatchChild(handle, week, monday)
      const q = await quality(handle.db, week, pop, appeal, random)
      results.push({ week, ...run, ...q })
      console.log(
        [
          week,
          String(run.users).padStart(6),
          fmt(run.wallMs / 1000, 2).padStart(7),
          String(Math.round(run.users / (run.wallMs / 1000))).padStart(7),
          fmt(run.loadMs / 1000, 2).padStart(6),
          fmt(run.computeMs / 1000, 2).padStart(9),
          String(run.maxRssMb).padStart(11),
          fmt(q.coverage).padStart(8),
          fmt(q.giniM).padStart(6),
          fmt(q.giniF).padStart(6),
          String(q.maxM).padStart(5),
          String(q.maxF).padStart(5),
          String(q.repeats).padStart(7),
          fmt(q.mutualAt10).padStart(9),
        ].join('  '),
      )
    }
    await handle.close()

    // The SPEC's per-user approach against this batch, on the same smaller population.
    const small = generatePopulation({ users: baselineUsers, year: firstMonday.getUTCFullYear(), seed: 3 })
    const ours = await freshDatabase(srv.url, 'shh_bench_recs_ours')
    await populate(ours, small, firstMonday)
    const oursRun = runBatchChild(ours, FIRST_WEEK, firstMonday)
    await ours.close()
    const theirs = await freshDatabase(srv.url, 'shh_bench_recs_per_user')
    const theirIds = await populate(theirs, small, firstMonday)
    const perUserMs = await perUserBaseline(theirs, small, theirIds, FIRST_WEEK, firstMonday)
    await theirs.close()
    const oursRate = baselineUsers / (oursRun.wallMs / 1000)
    const theirRate = baselineUsers / (perUserMs / 1000)
    console.log(
      `\nper-user approach (SPEC §6.2) on ${baselineUsers} users: ${fmt(perUserMs / 1000, 2)} s (${Math.round(theirRate)} users/s); ` +
        `this batch: ${fmt(oursRun.wallMs / 1000, 2)} s (${Math.round(oursRate)} users/s) — ${fmt(oursRate / theirRate, 1)}× faster`,
    )
    const worst = results.reduce((a, b) => (b.wallMs > a.wallMs ? b : a))
    console.log(
      `\nsummary: ${users} users, slowest batch ${fmt(worst.wallMs / 1000, 2)} s, peak RSS ${Math.max(...results.map((r) => r.maxRssMb))} MB, ` +
        `min coverage ${fmt(Math.min(...results.map((r) => r.coverage)))}, max Gini ${fmt(Math.max(...results.map((r) => Math.max(r.giniM, r.giniF))))}, ` +
        `repeats ${Math.max(...results.map((r) => r.repeats))}`,
    )
  } finally {
    srv.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
