/**
 * `npm run bench:recs -- --users 100000 --steady-state [--weeks 1] [--baseline-users 2000]`
 *
 * Generates a synthetic population directly in PostgreSQL (BENCH_DATABASE_URL, or a private
 * PostgreSQL 15 cluster this script starts and stops) and runs the weekly batch for one or more
 * simulated weeks, each in a process of its own, printing speed, memory, quality and table sizes.
 * With --steady-state it first writes 12 prior weeks of history directly in SQL (lists, and the
 * likes and matches of the like model below), outside the timed part, so the first
 * timed week is a week-13 run with a full exposure window, as a service that has been running a
 * while has. Then it compares against the SPEC's per-user approach (§6.2: one query round per
 * user) on a smaller population (--baseline-users 0 skips it).
 *
 * History: each week, each person is shown 10 people drawn at random from those who pass the hard
 * filters both ways and were not shown to them earlier in the window (a plain random recommender:
 * who gets seen follows how many people can see them, so the batch starts from an uneven exposure).
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
import { execFileSync, spawn, spawnSync } from 'node:child_process'
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
import { createNotifier } from '../src/core/notifications.js'
import { addWeeks, weekStart } from '../src/core/time.js'
import {
  CandidateIndex,
  oneSidedScore,
  type PersonInput,
  Population,
  pairScore,
  prng,
} from '../src/modules/recommendations/engine.js'
import { EXPOSURE_WINDOW_WEEKS, sliceRange } from '../src/modules/recommendations/recommendations.batch.js'
import {
  type EligibleRow,
  forEachInteger,
  insertLists,
  type ListRows,
} from '../src/modules/recommendations/recommendations.repository.js'

const K = 10
const FIRST_WEEK = '2027-W02'
const HOUR = 3600_000
/** Rows per INSERT when writing history and likes. */
const CHUNK = 100_000

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    weeks: { type: 'string' },
    'baseline-users': { type: 'string', default: '2000' },
    'steady-state': { type: 'boolean', default: false },
    /**
     * Hold this file's lock (flock) exclusively while a timed batch runs, and shared otherwise
     * (generating, measuring quality): others' tests may run meanwhile, others' benchmarks wait.
     */
    lock: { type: 'string' },
    /** Keep the database (shh_bench_recs_<users>) afterwards, to look into it or --reuse it. */
    keep: { type: 'boolean', default: false },
    /**
     * Go on with a kept database instead of a new one: migrate it (timed), and run the week(s) after
     * its newest lists (the population is regenerated from the same seed and matched by Kakao id).
     */
    reuse: { type: 'boolean', default: false },
  },
})
const users = Number(values.users)
const steadyState = values['steady-state'] === true
const weeks = Number(values.weeks ?? (steadyState ? 1 : 4))
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
  // Generous bounds: writing history at a million people runs statements longer than a request's.
  const handle = await openDatabase(u.toString(), { poolMax: 2, statementTimeoutMs: 30 * 60_000 })
  await runMigrations(handle)
  return handle
}

async function existingDatabase(serverUrl: string, name: string): Promise<DbHandle> {
  const u = new URL(serverUrl)
  u.pathname = `/${name}`
  const handle = await openDatabase(u.toString(), { poolMax: 2, statementTimeoutMs: 30 * 60_000 })
  const started = performance.now()
  await runMigrations(handle)
  console.log(`migrations brought up to date in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return handle
}

async function dropDatabase(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
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

interface BatchFigures {
  users: number
  written: number
  /** recs.ready notifications written, and the time their statements took inside the slices' writes. */
  notified: number
  notifyMs: number
  wallMs: number
  loadMs: number
  computeMs: number
  writeMs: number
  slices: number
  maxRssMb: number
}

let sharedLock: ReturnType<typeof spawn> | null = null

/** Takes the lock file's shared lock (with --lock), held by a `flock` process until released. */
async function holdShared(): Promise<void> {
  if (!values.lock || sharedLock) return
  // The command flock runs inherits the locked file, so whatever it leaves behind holds the lock (and
  // every benchmark on the machine). It reads our end of a pipe until EOF, so it ends when this
  // process does, however that happens (even SIGKILL); and it is a process group of its own, killed
  // whole on release, at once (the event loop is blocked while a batch child runs, so closing the
  // pipe alone would only take effect after the child has waited for this very lock).
  const holder = spawn('flock', ['-s', values.lock, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true,
  })
  await new Promise<void>((resolve) => holder.stdout?.once('data', () => resolve()))
  sharedLock = holder
}

function releaseShared(): void {
  const holder = sharedLock
  sharedLock = null
  if (!holder?.pid) return
  try {
    process.kill(-holder.pid, 'SIGTERM')
  } catch {
    // Already gone.
  }
  holder.stdin?.destroy()
}

process.on('exit', releaseShared)

function runBatchChild(handle: DbHandle, week: string, now: Date): BatchFigures {
  releaseShared()
  const command = [
    process.execPath,
    ...['--import', 'tsx', 'bench/recs-batch.ts', '--url', handle.url as string, '--week', week],
    ...['--now', now.toISOString()],
  ]
  const locked = values.lock ? ['flock', '-x', values.lock, ...command] : command
  const child = spawnSync(locked[0] as string, locked.slice(1), {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (child.status !== 0) throw new Error(`batch child failed: ${child.stderr}`)
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1) as string)
  if (result.status !== 'succeeded') throw new Error(`batch failed: ${result.error}`)
  return result as BatchFigures
}

function gini(values: Int32Array): number {
  const sorted = Int32Array.from(values).sort()
  const n = sorted.length
  let total = 0
  for (const v of sorted) total += v
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
  }
}

function populationFor(people: SyntheticPerson[], ids: string[]): Population {
  return new Population(people.map((p, i) => personOf(p, ids[i] as string)))
}

/** users.seq of each person (by population index), and the person of each seq (or -1). */
async function seqsOf(db: Database, pop: Population) {
  const rows = await queryRows<{ id: string; seq: number }>(db, sql`SELECT id::text AS id, seq FROM users`)
  const seqOf = new Int32Array(pop.n)
  let max = 0
  for (const r of rows) max = Math.max(max, r.seq)
  const indexOfSeq = new Int32Array(max + 1).fill(-1)
  for (const r of rows) {
    const i = pop.indexOf.get(r.id)
    if (i === undefined) continue
    seqOf[i] = r.seq
    indexOfSeq[r.seq] = i
  }
  return { seqOf, personOf: (seq: number) => (seq <= max ? (indexOfSeq[seq] as number) : -1) }
}
type Seqs = Awaited<ReturnType<typeof seqsOf>>

/** A week's lists as population indices: viewer[i] was shown target[i]. */
interface Lists {
  viewer: Int32Array
  target: Int32Array
  length: number
}

/** The like model (see the top of this file): the week's likes and the matches they make. */
function likeModel(pop: Population, lists: Lists, appeal: Float64Array, random: () => number) {
  const likeFrom: number[] = []
  const likeTo: number[] = []
  const inbox = new Map<number, number[]>()
  for (let i = 0; i < lists.length; i++) {
    const u = lists.viewer[i] as number
    const c = lists.target[i] as number
    if (random() < 0.05 + 0.45 * oneSidedScore(pop, u, c) * (0.5 + (appeal[c] as number))) {
      likeFrom.push(u)
      likeTo.push(c)
      const received = inbox.get(c)
      if (received) received.push(u)
      else inbox.set(c, [u])
    }
  }
  const matchA: number[] = []
  const matchB: number[] = []
  for (const [c, received] of inbox) {
    for (let i = received.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      const t = received[i] as number
      received[i] = received[j] as number
      received[j] = t
    }
    for (const u of received.slice(0, 20)) {
      if (random() < 0.05 + 0.45 * oneSidedScore(pop, c, u) * (0.5 + (appeal[u] as number))) {
        likeFrom.push(c)
        likeTo.push(u)
        matchA.push(u)
        matchB.push(c)
      }
    }
  }
  return { likeFrom, likeTo, matchA, matchB }
}

async function writeLikes(db: Database, pop: Population, week: string, made: ReturnType<typeof likeModel>) {
  const idsOf = (xs: number[], from: number, to: number) =>
    xs.slice(from, to).map((i) => pop.ids[i] as string)
  for (let from = 0; from < made.likeFrom.length; from += CHUNK) {
    const to = from + CHUNK
    await db.execute(sql`
      INSERT INTO likes (from_user, to_user, batch_week)
      SELECT f, t, ${week} FROM unnest(${sql.param(idsOf(made.likeFrom, from, to))}::uuid[],
                                       ${sql.param(idsOf(made.likeTo, from, to))}::uuid[]) AS x(f, t)
      ON CONFLICT DO NOTHING`)
  }
  for (let from = 0; from < made.matchA.length; from += CHUNK) {
    const to = from + CHUNK
    await db.execute(sql`
      INSERT INTO matches (user_a, user_b, status)
      SELECT a, b, 'pending' FROM unnest(${sql.param(idsOf(made.matchA, from, to))}::uuid[],
                                         ${sql.param(idsOf(made.matchB, from, to))}::uuid[]) AS x(a, b)
      ON CONFLICT DO NOTHING`)
  }
}

const history = createNotifier({ externalTypes: new Set() })

/**
 * 12 weeks before `firstWeek`, written directly: each week everyone gets 10 people drawn at random
 * from their candidates not shown to them yet in the window, with the list rows and `recs.ready`
 * notifications the batch would write (through its own insert), and the likes and matches of the like
 * model.
 */
async function writeHistory(
  db: Database,
  pop: Population,
  seqs: Seqs,
  appeal: Float64Array,
  random: () => number,
  firstWeek: string,
) {
  const H = EXPOSURE_WINDOW_WEEKS
  const shown = new Int32Array(pop.n * H * K)
  const shownCount = new Uint8Array(pop.n)
  const index = new CandidateIndex(pop)
  const stamp = new Int32Array(pop.n).fill(-1)
  const sample = { size: 4 * K, random }
  let rows = 0
  let listRows = 0
  let likeRows = 0
  let matchRows = 0
  for (let w = 0; w < H; w++) {
    const week = addWeeks(firstWeek, w - H)
    const at = new Date(weekStart(week).getTime() + 10 * HOUR)
    const lists: Lists = { viewer: new Int32Array(pop.n * K), target: new Int32Array(pop.n * K), length: 0 }
    const pool: number[] = []
    let chunk: ListRows = { userIds: [], targets: [], scores: [] }
    for (let u = 0; u < pop.n; u++) {
      const mark = w * pop.n + u
      for (let j = 0; j < (shownCount[u] as number); j++) stamp[shown[u * H * K + j] as number] = mark
      pool.length = 0
      index.forEachCandidate(u, stamp, mark, (c) => pool.push(c), sample)
      const picked: number[] = []
      while (picked.length < K && pool.length > 0) {
        const j = Math.floor(random() * pool.length)
        const c = pool[j] as number
        pool[j] = pool[pool.length - 1] as number
        pool.pop()
        picked.push(c)
        lists.viewer[lists.length] = u
        lists.target[lists.length] = c
        lists.length++
        shown[u * H * K + (shownCount[u] as number)] = c
        shownCount[u] = (shownCount[u] as number) + 1
      }
      if (picked.length) {
        listRows++
        // Best first, as the batch stores them.
        const scored = picked.map((c) => ({ c, s: Math.round(pairScore(pop, u, c) * 1000) }))
        scored.sort((a, b) => b.s - a.s)
        chunk.userIds.push(pop.ids[u] as string)
        chunk.targets.push(scored.map((x) => seqs.seqOf[x.c] as number))
        chunk.scores.push(scored.map((x) => x.s))
      }
      if (chunk.userIds.length === CHUNK / K || u === pop.n - 1) {
        // The feed as the batch leaves it: recs.ready for everyone who got a list (13 weeks ≈ retention).
        const full = chunk
        await db.transaction(async (tx) => {
          await insertLists(tx, week, at, full)
          await history.notify(tx, full.userIds, 'recs.ready', { week }, at)
        })
        chunk = { userIds: [], targets: [], scores: [] }
      }
    }
    rows += lists.length
    const made = likeModel(pop, lists, appeal, random)
    await writeLikes(db, pop, week, made)
    likeRows += made.likeFrom.length
    matchRows += made.matchA.length
  }
  await db.execute(sql`VACUUM ANALYZE`)
  return { rows, listRows, likeRows, matchRows }
}

async function tableSizes(db: Database) {
  const [row] = await queryRows<{ recs: string; likes: string; matches: string; notifications: string }>(
    db,
    sql`SELECT pg_total_relation_size('recommendation_lists')::text AS recs,
               pg_total_relation_size('likes')::text AS likes,
               pg_total_relation_size('matches')::text AS matches,
               pg_total_relation_size('notifications')::text AS notifications`,
  )
  return {
    recs: Number(row?.recs),
    likes: Number(row?.likes),
    matches: Number(row?.matches),
    notifications: Number(row?.notifications),
  }
}

/**
 * Whether short lists are the engine's doing. For each person whose list is short (or missing):
 * `before`, how many people they could still be shown this week — those who pass the hard filters
 * both ways and are not blocked either way, matched, liked earlier or shown to them in the 12 weeks
 * before; and `all`, how many pass the hard filters both ways at all. A list shorter than
 * min(K, before) would be the engine's doing (caps, sampling, a wrong exclusion); a person with
 * fewer than 13·K people in `all` cannot have a full list every week under the 12-week rule, whatever
 * any engine does (12 earlier weeks of K people each, and K more this week).
 */
async function shortLists(db: Database, week: string, pop: Population, seqs: Seqs, lists: Lists) {
  const length = new Uint8Array(pop.n)
  for (let i = 0; i < lists.length; i++) {
    const u = lists.viewer[i] as number
    length[u] = (length[u] as number) + 1
  }
  const short: string[] = []
  for (let u = 0; u < pop.n; u++) if ((length[u] as number) < K) short.push(pop.ids[u] as string)
  const index = new CandidateIndex(pop)
  const stamp = new Int32Array(pop.n).fill(-1)
  const none = new Int32Array(pop.n).fill(-1)
  let exhausted = 0
  let byEngine = 0
  let unreachable = 0
  let maxAll = 0
  const alls: number[] = []
  for (let from = 0; from < short.length; from += CHUNK) {
    const ids = sql.param(short.slice(from, from + CHUNK))
    const shown = await queryRows<{ u: string; t: string }>(
      db,
      sql`SELECT user_id::text AS u, string_agg(targets::text, '') AS t FROM recommendation_lists
          WHERE user_id = ANY (${ids}::uuid[]) AND batch_week >= ${addWeeks(week, -EXPOSURE_WINDOW_WEEKS)}
            AND batch_week < ${week}
          GROUP BY user_id`,
    )
    const other = await queryRows<{ u: string; t: string[] }>(
      db,
      sql`SELECT u::text AS u, array_agg(t::text) AS t FROM (
            SELECT from_user AS u, to_user AS t FROM likes WHERE from_user = ANY (${ids}::uuid[])
            UNION ALL SELECT blocker_id, blocked_id FROM blocks WHERE blocker_id = ANY (${ids}::uuid[])
            UNION ALL SELECT blocked_id, blocker_id FROM blocks WHERE blocked_id = ANY (${ids}::uuid[])
            UNION ALL SELECT user_a, user_b FROM matches WHERE user_a = ANY (${ids}::uuid[])
            UNION ALL SELECT user_b, user_a FROM matches WHERE user_b = ANY (${ids}::uuid[])
          ) x GROUP BY u`,
    )
    const shownTo = new Map(shown.map((r) => [r.u, r.t]))
    const otherOf = new Map(other.map((r) => [r.u, r.t]))
    for (const id of short.slice(from, from + CHUNK)) {
      const u = pop.indexOf.get(id) as number
      forEachInteger(shownTo.get(id) ?? '', (seq) => {
        const c = seqs.personOf(seq)
        if (c >= 0) stamp[c] = u
      })
      for (const t of otherOf.get(id) ?? []) {
        const c = pop.indexOf.get(t)
        if (c !== undefined) stamp[c] = u
      }
      let before = 0
      index.forEachCandidate(u, stamp, u, () => {
        before++
      })
      let all = 0
      index.forEachCandidate(u, none, u, () => {
        all++
      })
      const got = length[u] as number
      if (got < Math.min(K, before)) byEngine++
      if (got === before) exhausted++
      if (all < 13 * K) unreachable++
      maxAll = Math.max(maxAll, all)
      alls.push(all)
    }
  }
  alls.sort((a, b) => a - b)
  return {
    short: short.length,
    exhausted,
    byEngine,
    unreachable,
    medianAll: alls.length ? (alls[alls.length >> 1] as number) : 0,
    maxAll,
  }
}

/** The week's quality, read a slice of viewers at a time; writes the week's likes and matches. */
async function quality(
  db: Database,
  week: string,
  pop: Population,
  seqs: Seqs,
  appeal: Float64Array,
  random: () => number,
) {
  const lists: Lists = { viewer: new Int32Array(pop.n * K), target: new Int32Array(pop.n * K), length: 0 }
  const appearances = new Int32Array(pop.n)
  let full = 0
  let viewers = 0
  const parts = 16
  for (let part = 0; part < parts; part++) {
    const range = sliceRange(part, parts)
    const rows = await queryRows<{ u: string; t: string }>(
      db,
      sql`SELECT user_id::text AS u, targets::text AS t FROM recommendation_lists
          WHERE batch_week = ${week} AND user_id >= ${range.from}::uuid
            ${range.to ? sql`AND user_id < ${range.to}::uuid` : sql``}`,
    )
    for (const { u, t } of rows) {
      const vi = pop.indexOf.get(u) as number
      viewers++
      let n = 0
      forEachInteger(t, (seq) => {
        const c = seqs.personOf(seq)
        n++
        appearances[c] = (appearances[c] as number) + 1
        lists.viewer[lists.length] = vi
        lists.target[lists.length] = c
        lists.length++
      })
      if (n === K) full++
    }
  }
  // Repeats: this week's pairs already shown in the 12 weeks before (a pair appears at most once a week).
  const [repeat] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM recommendation_lists r
        CROSS JOIN LATERAL unnest(r.targets) AS t
        JOIN recommendation_lists e ON e.user_id = r.user_id AND e.batch_week >= ${addWeeks(week, -EXPOSURE_WINDOW_WEEKS)}
          AND e.batch_week < ${week} AND t = ANY (e.targets)
        WHERE r.batch_week = ${week}`,
  )
  const shortOnes = await shortLists(db, week, pop, seqs, lists)
  const made = likeModel(pop, lists, appeal, random)
  await writeLikes(db, pop, week, made)
  const side = (g: number) => appearances.filter((_, i) => pop.gender[i] === g)
  const men = side(0)
  const women = side(1)
  return {
    coverage: full / pop.n,
    coverageOfPossible: full / Math.max(1, pop.n - shortOnes.exhausted),
    short: shortOnes,
    viewers,
    giniM: gini(men),
    giniF: gini(women),
    maxM: men.reduce((a, b) => Math.max(a, b), 0),
    maxF: women.reduce((a, b) => Math.max(a, b), 0),
    repeats: repeat?.n ?? 0,
    mutualAt10: made.matchA.length / Math.max(1, viewers),
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
        SELECT c.user_id::text AS id, cu.seq, c.gender, c.birth_year, c.region, cp.target_gender, cp.age_min,
               cp.age_max, cp.regions, cp.keywords,
               ((jsonb_array_length(c.photos) > 0)::int + (c.intro IS NOT NULL)::int + (c.job IS NOT NULL)::int
                + (c.height IS NOT NULL)::int) AS parts
        FROM profiles c JOIN preferences cp ON cp.user_id = c.user_id JOIN users cu ON cu.id = c.user_id
        WHERE c.gender = ${p.targetGender} AND cp.target_gender = ${p.gender}
          AND ${now.getUTCFullYear()} - c.birth_year BETWEEN ${p.ageMin} AND ${p.ageMax}
          AND ${p.age} BETWEEN cp.age_min AND cp.age_max
          AND (${p.regions.length} = 0 OR c.region = ANY(${sql.param(p.regions)}::text[]))
          AND (cardinality(cp.regions) = 0 OR ${p.region} = ANY(cp.regions))
          AND cu.id <> ${me}::uuid AND NOT cu.banned AND cu.deleted_at IS NULL AND cu.last_active_at >= ${since}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM recommendation_lists e WHERE e.user_id = ${me}::uuid AND cu.seq = ANY (e.targets) AND e.batch_week >= ${fromWeek})
          AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = ${me}::uuid AND b.blocked_id = c.user_id) OR (b.blocker_id = c.user_id AND b.blocked_id = ${me}::uuid))
          AND NOT EXISTS (SELECT 1 FROM matches m WHERE LEAST(m.user_a, m.user_b) = LEAST(${me}::uuid, c.user_id) AND GREATEST(m.user_a, m.user_b) = GREATEST(${me}::uuid, c.user_id))
          AND NOT EXISTS (SELECT 1 FROM likes l WHERE l.from_user = ${me}::uuid AND l.to_user = c.user_id)`,
    )
    const local = new Population([
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
      })),
    ])
    const u = local.indexOf.get(me) as number
    const top = candidates
      .map((c) => {
        const ci = local.indexOf.get(c.id) as number
        const a = oneSidedScore(local, u, ci)
        const b = oneSidedScore(local, ci, u)
        return { seq: c.seq, score: Math.round(((2 * a * b) / (a + b || 1)) * 1000) }
      })
      .sort((x, y) => y.score - x.score)
      .slice(0, K)
    if (top.length === 0) continue
    await db.execute(sql`
      INSERT INTO recommendation_lists (user_id, batch_week, targets, scores, sent_at)
      VALUES (${me}::uuid, ${week}, ${sql.param(top.map((t) => t.seq))}::int[],
              ${sql.param(top.map((t) => t.score))}::smallint[], ${now.toISOString()}::timestamptz)`)
  }
  return performance.now() - started
}

const fmt = (n: number, digits = 3) => n.toFixed(digits)
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

async function main() {
  const srv = server()
  try {
    console.log(
      `bench:recs — ${users} users, ${steadyState ? '12 weeks of history, then ' : ''}${weeks} timed week(s), K=${K}, PostgreSQL ${srv.url.replace(/\/\/.*@/, '//…@')}`,
    )
    await holdShared()
    const name = `shh_bench_recs_${users}`
    const handle = values.reuse ? await existingDatabase(srv.url, name) : await freshDatabase(srv.url, name)
    const firstMonday = new Date(weekStart(FIRST_WEEK).getTime() + 10 * HOUR)
    const genStarted = performance.now()
    const people = generatePopulation({ users, year: firstMonday.getUTCFullYear(), seed: 1 })
    const ids = await populate(handle, people, firstMonday)
    const men = people.filter((p) => p.gender === 'M').length
    console.log(
      `generated ${users} people (${men} men : ${users - men} women) in ${fmt((performance.now() - genStarted) / 1000, 1)} s (not counted)`,
    )
    const pop = populationFor(people, ids)
    people.length = 0
    const seqs = await seqsOf(handle.db, pop)
    const random = prng(2027)
    const appeal = Float64Array.from({ length: pop.n }, () => random())
    let firstWeek = FIRST_WEEK
    if (values.reuse) {
      const [newest] = await queryRows<{ week: string | null }>(
        handle.db,
        sql`SELECT max(batch_week) AS week FROM recommendation_lists`,
      )
      if (newest?.week) firstWeek = addWeeks(newest.week, 1)
    } else if (steadyState) {
      const started = performance.now()
      const h = await writeHistory(handle.db, pop, seqs, appeal, random, FIRST_WEEK)
      const sizes = await tableSizes(handle.db)
      console.log(
        `history: 12 weeks, ${h.rows} recommendations (${h.listRows} lists), ${h.likeRows} likes, ${h.matchRows} matches in ${fmt((performance.now() - started) / 1000, 1)} s (not counted); ` +
          `recommendation_lists ${mb(sizes.recs)} MB, likes ${mb(sizes.likes)} MB, matches ${mb(sizes.matches)} MB`,
      )
    }

    const header =
      'week      users  batch s  users/s  load s  compute s  write s  slices  peak RSS MB  coverage  of possible  Gini M  Gini F  max M  max F  repeats  mutual@10'
    console.log(header)
    const results = []
    for (let w = 0; w < weeks; w++) {
      const week = addWeeks(firstWeek, w)
      const monday = new Date(weekStart(week).getTime() + 10 * HOUR)
      await handle.db.execute(
        sql`UPDATE users SET last_active_at = ${new Date(monday.getTime() - HOUR).toISOString()}::timestamptz`,
      )
      await handle.db.execute(sql`VACUUM ANALYZE users`)
      const run = runBatchChild(handle, week, monday)
      await holdShared()
      const q = await quality(handle.db, week, pop, seqs, appeal, random)
      results.push({ week, ...run, ...q })
      console.log(
        [
          week,
          String(run.users).padStart(6),
          fmt(run.wallMs / 1000, 2).padStart(7),
          String(Math.round(run.users / (run.wallMs / 1000))).padStart(7),
          fmt(run.loadMs / 1000, 2).padStart(6),
          fmt(run.computeMs / 1000, 2).padStart(9),
          fmt(run.writeMs / 1000, 2).padStart(7),
          String(run.slices).padStart(6),
          String(run.maxRssMb).padStart(11),
          fmt(q.coverage).padStart(8),
          fmt(q.coverageOfPossible).padStart(11),
          fmt(q.giniM).padStart(6),
          fmt(q.giniF).padStart(6),
          String(q.maxM).padStart(5),
          String(q.maxF).padStart(5),
          String(q.repeats).padStart(7),
          fmt(q.mutualAt10).padStart(9),
        ].join('  '),
      )
      console.log(
        `          short lists ${q.short.short}: ${q.short.exhausted} got everyone they could still be shown, ` +
          `${q.short.byEngine} got fewer than that (the engine's doing); ${q.short.unreachable} have fewer than ` +
          `${13 * K} people passing the hard filters both ways at all (median ${q.short.medianAll}, most ${q.short.maxAll})`,
      )
    }
    const sizes = await tableSizes(handle.db)
    const [recRows] = await queryRows<{ n: number; pairs: number; weeks: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n, sum(cardinality(targets))::int AS pairs, count(DISTINCT batch_week)::int AS weeks
          FROM recommendation_lists`,
    )
    const perMillion = (bytes: number, w: number) =>
      fmt(((bytes / 2 ** 30) * 1e6) / users / Math.max(1, w), 3)
    console.log(
      `\ntables: recommendation_lists ${mb(sizes.recs)} MB (${recRows?.n} lists, ${recRows?.pairs} recommendations, ${recRows?.weeks} weeks: ` +
        `${perMillion(sizes.recs, recRows?.weeks ?? 1)} GB per million people per week, ${fmt(sizes.recs / Math.max(1, recRows?.pairs ?? 1), 1)} bytes per recommendation), ` +
        `likes ${mb(sizes.likes)} MB, matches ${mb(sizes.matches)} MB, notifications ${mb(sizes.notifications)} MB`,
    )
    for (const r of results) {
      console.log(
        `notifications ${r.week}: recs.ready for ${r.notified} people, written in the slices' transactions in ` +
          `${fmt(r.notifyMs / 1000, 2)} s of statement time (${fmt((100 * r.notifyMs) / r.wallMs, 1)} % of the batch's ${fmt(r.wallMs / 1000, 2)} s; ` +
          `the writes overlap the next slice's compute, so the wall clock pays less)`,
      )
    }
    await handle.close()
    if (!values.keep) await dropDatabase(srv.url, `shh_bench_recs_${users}`)

    if (baselineUsers > 0) {
      // The SPEC's per-user approach against this batch, on the same smaller population.
      const small = generatePopulation({ users: baselineUsers, year: firstMonday.getUTCFullYear(), seed: 3 })
      const ours = await freshDatabase(srv.url, 'shh_bench_recs_ours')
      await populate(ours, small, firstMonday)
      const oursRun = runBatchChild(ours, FIRST_WEEK, firstMonday)
      await holdShared()
      await ours.close()
      const theirs = await freshDatabase(srv.url, 'shh_bench_recs_per_user')
      const theirIds = await populate(theirs, small, firstMonday)
      const perUserMs = await perUserBaseline(theirs, small, theirIds, FIRST_WEEK, firstMonday)
      await theirs.close()
      await dropDatabase(srv.url, 'shh_bench_recs_ours')
      await dropDatabase(srv.url, 'shh_bench_recs_per_user')
      const oursRate = baselineUsers / (oursRun.wallMs / 1000)
      const theirRate = baselineUsers / (perUserMs / 1000)
      console.log(
        `\nper-user approach (SPEC §6.2) on ${baselineUsers} users: ${fmt(perUserMs / 1000, 2)} s (${Math.round(theirRate)} users/s); ` +
          `this batch: ${fmt(oursRun.wallMs / 1000, 2)} s (${Math.round(oursRate)} users/s) — ${fmt(oursRate / theirRate, 1)}× faster`,
      )
    }
    // --weeks 0 only writes the history (with --keep, for a later --reuse).
    const worst = results.length ? results.reduce((a, b) => (b.wallMs > a.wallMs ? b : a)) : undefined
    if (worst)
      console.log(
        `\nsummary: ${users} users${steadyState ? ', steady state' : ''}, slowest batch ${fmt(worst.wallMs / 1000, 2)} s, peak RSS ${Math.max(...results.map((r) => r.maxRssMb))} MB, ` +
          `min coverage ${fmt(Math.min(...results.map((r) => r.coverage)))}, max Gini ${fmt(Math.max(...results.map((r) => Math.max(r.giniM, r.giniF))))}, ` +
          `repeats ${Math.max(...results.map((r) => r.repeats))}, ` +
          `recs.ready ${fmt(Math.max(...results.map((r) => r.notifyMs)) / 1000, 2)} s, ` +
          `min coverage of possible ${fmt(Math.min(...results.map((r) => r.coverageOfPossible)))}`,
      )
  } finally {
    releaseShared()
    srv.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
