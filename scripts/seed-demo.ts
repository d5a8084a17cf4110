/**
 * `npm run seed:demo -- --users 200`: fills the configured database with demo people, builds this
 * week's recommendations and prints a user token and an admin token to try every route from /docs.
 * On the embedded database, run it while the server is stopped (PGlite is single-process).
 */
import { parseArgs } from 'node:util'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { ConfigError, loadConfig } from '../src/core/config.js'
import { openDatabase } from '../src/core/db/client.js'
import { runMigrations } from '../src/core/db/migrate.js'
import { blocks, users } from '../src/core/db/schema.js'
import { createNotifier } from '../src/core/notifications.js'
import { createIdentityHasher } from '../src/core/security/identity-hash.js'
import { createTokenService } from '../src/core/security/tokens.js'
import { kstYear, systemClock, weekOf } from '../src/core/time.js'
import { prng } from '../src/modules/recommendations/engine.js'
import { createBatchRunner } from '../src/modules/recommendations/recommendations.batch.js'
import { insertPopulation } from './lib/insert-population.js'
import { generatePopulation } from './lib/synthetic-population.js'

const DEMO_ADMIN_KAKAO_ID = '3999999999'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { users: { type: 'string', default: '200' } } })
  const count = Number(values.users)
  if (!Number.isInteger(count) || count < 2 || count > 200_000) throw new Error('--users must be 2 … 200000')

  const config = loadConfig()
  const database = await openDatabase(config.databaseUrl)
  try {
    await runMigrations(database)
    const db = database.db
    const now = systemClock()
    const people = generatePopulation({ users: count, year: kstYear(now), seed: 2026 })
    const ids = await insertPopulation(db, people, now, config.consentVersions)

    // Demo people have verified their identity (as everyone has where IDENTITY_REQUIRED=true): the
    // verified birth year and gender are their profile's, each a person of their own (a CI hash each).
    const identities = createIdentityHasher(config.identityHashKey, [])
    await db.execute(sql`
      UPDATE users u SET identity_verified_at = ${now.toISOString()}::timestamptz,
        verified_birth_year = p.birth_year, verified_gender = p.gender, ci_hash = x.ci_hash
      FROM unnest(${sql.param(ids)}::uuid[], ${sql.param(ids.map((id) => identities.hash(`ci:demo:${id}`)))}::text[])
        AS x(id, ci_hash), profiles p
      WHERE u.id = x.id AND p.user_id = u.id`)

    // A few blocks, as real people make them.
    const random = prng(7)
    const pairs = Array.from({ length: Math.ceil(count / 50) }, () => ({
      blockerId: ids[Math.floor(random() * ids.length)] as string,
      blockedId: ids[Math.floor(random() * ids.length)] as string,
    })).filter((b) => b.blockerId !== b.blockedId)
    if (pairs.length) await db.insert(blocks).values(pairs).onConflictDoNothing()

    const [admin] = await db
      .insert(users)
      .values({ kakaoUserId: DEMO_ADMIN_KAKAO_ID, role: 'admin', lastActiveAt: now })
      .onConflictDoUpdate({ target: users.kakaoUserId, set: { role: 'admin' } })
      .returning()

    const week = weekOf(now)
    const runner = createBatchRunner({
      notifier: createNotifier({ externalTypes: new Set() }),
      database,
      clock: systemClock,
      log: { info: () => undefined, error: (o, m) => console.error(m, o) },
      k: config.scheduler.k,
      activeDays: config.scheduler.activeDays,
      consentVersions: config.consentVersions,
      identityRequired: config.identity.required,
    })
    const { done } = await runner.start({ week, trigger: 'cli' })
    const run = await done
    if (run.status !== 'succeeded') throw new Error(`the batch failed: ${run.error}`)

    const tokens = createTokenService({ secret: config.appSecret, ...config.jwt, clock: systemClock })
    const demoUser = await db
      .select()
      .from(users)
      .where(and(inArray(users.id, ids.slice(0, 1)), eq(users.banned, false)))
    const user = demoUser[0]
    if (!user || !admin) throw new Error('demo users missing')
    const userToken = await tokens.issue({ sub: user.id, role: user.role, tv: user.tokenVersion })
    const adminToken = await tokens.issue({ sub: admin.id, role: 'admin', tv: admin.tokenVersion })

    console.log(
      `Seeded ${count} demo people and built ${week}: ${run.recommendationsWritten} recommendations.`,
    )
    console.log(`\nUser  (kakao ${user.kakaoUserId}, ${people[0]?.nickname}):\n  ${userToken}`)
    console.log(`\nAdmin (kakao ${DEMO_ADMIN_KAKAO_ID}):\n  ${adminToken}`)
    console.log('\nPaste one into "Authorize" at /docs (tokens last JWT_EXPIRE_MINUTES; the admin keeps its')
    console.log(`role until it signs in again without being listed in ADMIN_KAKAO_IDS).`)
  } finally {
    await database.close()
  }
}

main().catch((err: unknown) => {
  console.error(
    err instanceof ConfigError ? err.message : `Seeding failed: ${err instanceof Error ? err.message : err}`,
  )
  process.exit(1)
})
