import { eq } from 'drizzle-orm'
import type { Executor } from '../../core/db/client.js'
import { type PreferencesRow, type ProfileRow, preferences, profiles } from '../../core/db/schema.js'

export type ProfileValues = Omit<ProfileRow, 'createdAt' | 'updatedAt'>
export type PreferencesValues = Omit<PreferencesRow, 'updatedAt'>

export async function findProfile(db: Executor, userId: string): Promise<ProfileRow | undefined> {
  const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId)).limit(1)
  return row
}

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
