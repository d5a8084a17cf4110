import { eq, sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { type DbHandle, queryRows } from '../../src/core/db/client.js'
import { users } from '../../src/core/db/schema.js'
import { createFieldCipher } from '../../src/core/security/crypto.js'
import { type SignedIn, signIn, testConfig } from './context.js'

export interface PersonSpec {
  kakaoId: string
  gender: 'M' | 'F'
  birthYear: number
  region?: string | null
  targetGender?: 'M' | 'F'
  ageMin?: number
  ageMax?: number
  regions?: string[]
  keywords?: string[]
  visible?: Record<string, boolean>
  height?: number | null
  job?: string | null
  intro?: string | null
  /** Accept the current terms, privacy, refund and adult versions (default true). */
  consents?: boolean
}

/** The versions the test configuration publishes (CONSENT_VERSIONS' dev default). */
export const CURRENT_CONSENTS = { terms: 'v1', privacy: 'v1', refund: 'v1', adult: 'v1' } as const

/**
 * A user who signed in and saved a profile, preferences and (unless told not to) the current consents
 * through the API (so is active now).
 */
export async function createPerson(app: FastifyInstance, spec: PersonSpec): Promise<SignedIn> {
  const user = await signIn(app, spec.kakaoId)
  const profile = await app.inject({
    method: 'PUT',
    url: '/profile',
    headers: user.headers,
    payload: {
      nickname: `사람${spec.kakaoId}`.slice(0, 20),
      gender: spec.gender,
      birthYear: spec.birthYear,
      region: spec.region === undefined ? '서울' : spec.region,
      height: spec.height === undefined ? 170 : spec.height,
      job: spec.job === undefined ? '개발자' : spec.job,
      intro: spec.intro === undefined ? '안녕하세요' : spec.intro,
      ...(spec.visible ? { visible: spec.visible } : {}),
    },
  })
  if (profile.statusCode !== 200) throw new Error(`profile: ${profile.body}`)
  const prefs = await app.inject({
    method: 'PUT',
    url: '/preferences',
    headers: user.headers,
    payload: {
      targetGender: spec.targetGender ?? (spec.gender === 'M' ? 'F' : 'M'),
      ageMin: spec.ageMin ?? 19,
      ageMax: spec.ageMax ?? 60,
      regions: spec.regions ?? [],
      keywords: spec.keywords ?? [],
    },
  })
  if (prefs.statusCode !== 200) throw new Error(`preferences: ${prefs.body}`)
  if (spec.consents !== false) await acceptConsents(app, user)
  // Activity is written in batches; write it now, as a test may next change last_active_at itself.
  await app.activity.flush()
  return user
}

/** PUT /me/consents with the current terms, privacy, refund and adult versions. */
export async function acceptConsents(app: FastifyInstance, user: SignedIn): Promise<void> {
  const res = await app.inject({
    method: 'PUT',
    url: '/me/consents',
    headers: user.headers,
    payload: CURRENT_CONSENTS,
  })
  if (res.statusCode !== 200) throw new Error(`consents: ${res.body}`)
}

/** `men` men and `women` women, all compatible with each other. */
export async function createCrowd(app: FastifyInstance, men: number, women: number, prefix = '9') {
  const people: { men: SignedIn[]; women: SignedIn[] } = { men: [], women: [] }
  for (let i = 0; i < men; i++) {
    people.men.push(
      await createPerson(app, { kakaoId: `${prefix}1${i}`, gender: 'M', birthYear: 1994 - (i % 5) }),
    )
  }
  for (let i = 0; i < women; i++) {
    people.women.push(
      await createPerson(app, { kakaoId: `${prefix}2${i}`, gender: 'F', birthYear: 1996 - (i % 5) }),
    )
  }
  return people
}

/** Polls GET /admin/recs/runs/:runId until the run has ended. */
export async function waitForRun(app: FastifyInstance, admin: SignedIn, runId: string) {
  for (let i = 0; i < 400; i++) {
    const run = (
      await app.inject({ method: 'GET', url: `/admin/recs/runs/${runId}`, headers: admin.headers })
    ).json() as { status: string; recommendationsWritten: number; usersTotal: number | null }
    if (run.status === 'succeeded' || run.status === 'failed') return { runId, ...run }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`run ${runId} did not finish`)
}

/** Starts the batch through the admin route and waits until the run has ended. */
export async function runBatch(app: FastifyInstance, admin: SignedIn, week?: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/admin/recs/run',
    headers: admin.headers,
    payload: week ? { week } : {},
  })
  if (res.statusCode !== 202) throw new Error(`recs run: ${res.statusCode} ${res.body}`)
  const run = await waitForRun(app, admin, (res.json() as { runId: string }).runId)
  // The row says the run is over a moment before its metrics and pool are: wait for those too.
  await app.jobs.runner.idle()
  return run
}

/** Writes "b is in a's list for `week`" directly (at the end of a's list; once). */
export async function recommend(database: DbHandle, a: SignedIn, b: SignedIn, week: string): Promise<void> {
  await database.db.execute(sql`
    INSERT INTO recommendation_lists AS l (user_id, batch_week, targets, scores)
    SELECT ${a.userId}::uuid, ${week}, ARRAY[seq], ARRAY[500]::smallint[] FROM users WHERE id = ${b.userId}::uuid
    ON CONFLICT (user_id, batch_week) DO UPDATE
    SET targets = l.targets || excluded.targets, scores = l.scores || excluded.scores
    WHERE NOT l.targets @> excluded.targets`)
}

/** b's place in a's list for `week`, as the API would show it, and whether a answered it. */
export async function recommendationOf(
  database: DbHandle,
  a: { userId: string },
  b: { userId: string },
  week: string,
): Promise<{ position: number; score: number; responded: boolean } | undefined> {
  const [row] = await queryRows<{ position: number; score: number; responded: boolean }>(
    database.db,
    sql`SELECT x.position::int AS position, x.score / 1000.0 AS score,
               (l.responded >> (x.position::int - 1)) & 1 = 1 AS responded
        FROM recommendation_lists l
        CROSS JOIN LATERAL unnest(l.targets, l.scores) WITH ORDINALITY AS x(seq, score, position)
        JOIN users t ON t.seq = x.seq
        WHERE l.user_id = ${a.userId}::uuid AND l.batch_week = ${week} AND t.id = ${b.userId}::uuid`,
  )
  return row ? { ...row, score: Number(row.score) } : undefined
}

/** Every recommendation as a pair (viewer, person shown, week), read from the weekly lists. */
export function recommendedPairs(
  database: DbHandle,
): Promise<Array<{ userId: string; targetUserId: string; batchWeek: string }>> {
  return queryRows(
    database.db,
    sql`SELECT l.user_id::text AS "userId", t.id::text AS "targetUserId", l.batch_week AS "batchWeek"
        FROM recommendation_lists l CROSS JOIN LATERAL unnest(l.targets) AS x(seq)
        JOIN users t ON t.seq = x.seq`,
  )
}

export async function like(app: FastifyInstance, from: SignedIn, to: SignedIn, batchWeek: string) {
  return app.inject({
    method: 'POST',
    url: '/likes',
    headers: from.headers,
    payload: { toUserId: to.userId, batchWeek },
  })
}

/**
 * Verifies the person's identity through the development flow (IDENTITY_VERIFY=none): start, then
 * complete with the person described in `dev` (a CI of their own unless given).
 */
export async function verifyIdentity(
  app: FastifyInstance,
  who: SignedIn,
  person: { birthYear: number; gender: 'M' | 'F'; phoneNumber?: string; ci?: string },
) {
  const started = await app.inject({
    method: 'POST',
    url: '/me/identity-verification/start',
    headers: who.headers,
  })
  if (started.statusCode !== 200) throw new Error(`identity start: ${started.body}`)
  const res = await app.inject({
    method: 'POST',
    url: '/me/identity-verification/complete',
    headers: who.headers,
    payload: {
      identityVerificationId: (started.json() as { identityVerificationId: string }).identityVerificationId,
      dev: { phoneNumber: '010-1234-5678', ...person },
    },
  })
  if (res.statusCode !== 200) throw new Error(`identity complete: ${res.body}`)
  return res
}

/**
 * Gives the person the verified phone number identity verification leaves, written directly:
 * phone_verified and the number encrypted under the test configuration's key.
 */
export async function verifyPhone(database: DbHandle, who: SignedIn, phone = '01012345678'): Promise<void> {
  const cipher = createFieldCipher(testConfig().dataEncryptionKey)
  await database.db
    .update(users)
    .set({ phoneVerified: true, phoneEncrypted: cipher.encrypt(phone, who.userId) })
    .where(eq(users.id, who.userId))
}
