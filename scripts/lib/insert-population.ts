import { sql } from 'drizzle-orm'
import {
  type ConsentVersions,
  DEV_CONSENT_VERSIONS,
  parseConsentVersions,
  REQUIRED_CONSENTS,
} from '../../src/core/config.js'
import type { Database } from '../../src/core/db/client.js'
import type { SyntheticPerson } from './synthetic-population.js'

const CHUNK = 5_000

/**
 * Inserts (or refreshes) synthetic people with their profiles, preferences and the consents the
 * batch and likes require (in `consents`' versions, the dev ones by default); returns their user ids.
 */
export async function insertPopulation(
  db: Database,
  people: SyntheticPerson[],
  activeAt: Date,
  consents: ConsentVersions = parseConsentVersions(DEV_CONSENT_VERSIONS),
): Promise<string[]> {
  const ids: string[] = []
  const at = activeAt.toISOString()
  for (let from = 0; from < people.length; from += CHUNK) {
    const chunk = people.slice(from, from + CHUNK)
    const kakaoIds = chunk.map((p) => p.kakaoUserId)
    const inserted = (await db.execute(sql`
      INSERT INTO users (kakao_user_id, last_active_at)
      SELECT k, ${at}::timestamptz FROM unnest(${sql.param(kakaoIds)}::text[]) AS k
      ON CONFLICT (kakao_user_id) DO UPDATE SET last_active_at = excluded.last_active_at
      RETURNING id::text AS id, kakao_user_id`)) as unknown as {
      rows: Array<{ id: string; kakao_user_id: string }>
    }
    const byKakao = new Map(inserted.rows.map((r) => [r.kakao_user_id, r.id]))
    const userIds = chunk.map((p) => byKakao.get(p.kakaoUserId) as string)
    const col = <T>(f: (p: SyntheticPerson) => T) => sql.param(chunk.map(f))
    await db.execute(sql`
      INSERT INTO profiles (user_id, nickname, gender, birth_year, height, region, job, intro, photos)
      SELECT u, n, g, b, h, r, j, i, ph::jsonb
      FROM unnest(${sql.param(userIds)}::uuid[], ${col((p) => p.nickname)}::text[], ${col((p) => p.gender)}::text[],
                  ${col((p) => p.birthYear)}::int[], ${col((p) => p.height)}::int[], ${col((p) => p.region)}::text[],
                  ${col((p) => p.job)}::text[], ${col((p) => p.intro)}::text[], ${col((p) => JSON.stringify(p.photos))}::text[])
           AS x(u, n, g, b, h, r, j, i, ph)
      ON CONFLICT (user_id) DO UPDATE SET nickname = excluded.nickname, gender = excluded.gender,
        birth_year = excluded.birth_year, height = excluded.height, region = excluded.region, job = excluded.job,
        intro = excluded.intro, photos = excluded.photos`)
    await db.execute(sql`
      INSERT INTO preferences (user_id, target_gender, age_min, age_max, regions, keywords)
      SELECT u, t, lo, hi, string_to_array(r, '|'), string_to_array(k, '|')
      FROM unnest(${sql.param(userIds)}::uuid[], ${col((p) => p.targetGender)}::text[], ${col((p) => p.ageMin)}::int[],
                  ${col((p) => p.ageMax)}::int[], ${col((p) => p.regions.join('|'))}::text[],
                  ${col((p) => p.keywords.join('|'))}::text[]) AS x(u, t, lo, hi, r, k)
      ON CONFLICT (user_id) DO UPDATE SET target_gender = excluded.target_gender, age_min = excluded.age_min,
        age_max = excluded.age_max, regions = excluded.regions, keywords = excluded.keywords`)
    // Accepted a day before they were last active; a refresh adds only versions not yet accepted.
    await db.execute(sql`
      INSERT INTO consents (user_id, kind, version, created_at)
      SELECT u, k, v, ${at}::timestamptz - interval '1 day'
      FROM unnest(${sql.param(userIds)}::uuid[]) AS u,
           unnest(${sql.param([...REQUIRED_CONSENTS])}::text[], ${sql.param(REQUIRED_CONSENTS.map((k) => consents[k]))}::text[]) AS c(k, v)
      WHERE NOT EXISTS (SELECT 1 FROM consents o WHERE o.user_id = u AND o.kind = k AND o.version = v)`)
    ids.push(...userIds)
  }
  return ids
}
