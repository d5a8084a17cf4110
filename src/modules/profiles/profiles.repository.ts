import { eq, sql } from 'drizzle-orm'
import { type Database, type Executor, preparedPerDatabase } from '../../core/db/client.js'
import {
  type PreferencesRow,
  type ProfileRow,
  preferences,
  profiles,
  type UserRow,
  users,
} from '../../core/db/schema.js'

/** profiles.photos is the photos module's to keep (see photos.repository.ts). */
export type ProfileValues = Omit<ProfileRow, 'createdAt' | 'updatedAt' | 'photos'>
export type PreferencesValues = Omit<PreferencesRow, 'updatedAt'>

export async function findPreferences(db: Executor, userId: string): Promise<PreferencesRow | undefined> {
  const [row] = await db.select().from(preferences).where(eq(preferences.userId, userId)).limit(1)
  return row
}

export async function saveProfile(db: Executor, values: ProfileValues, now: Date): Promise<ProfileRow> {
  const { userId, ...fields } = values
  const [row] = await db
    .insert(profiles)
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: profiles.userId, set: { ...fields, updatedAt: now } })
    .returning()
  if (!row) throw new Error(`profile upsert for ${userId} returned no row`)
  return row
}

export async function savePreferences(
  db: Executor,
  values: PreferencesValues,
  now: Date,
): Promise<PreferencesRow> {
  const { userId, ...fields } = values
  const [row] = await db
    .insert(preferences)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({ target: preferences.userId, set: { ...fields, updatedAt: now } })
    .returning()
  if (!row) throw new Error(`preferences upsert for ${userId} returned no row`)
  return row
}

const meById = preparedPerDatabase((db) =>
  db
    .select({ user: users, profile: profiles, preferences })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(preferences, eq(preferences.userId, users.id))
    .where(eq(users.id, sql.placeholder('id')))
    .prepare('me_by_id'),
)

/**
 * GET /me's data in one prepared statement: the user's row (undefined when there is none, for the
 * route to admit) with their profile and preferences (null until saved).
 */
export async function findMe(
  db: Database,
  id: string,
): Promise<{ user: UserRow; profile: ProfileRow | null; preferences: PreferencesRow | null } | undefined> {
  const [row] = await meById(db).execute({ id })
  return row
}
