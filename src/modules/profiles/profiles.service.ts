import type { Database } from '../../core/db/client.js'
import { DEFAULT_VISIBILITY, type PreferencesRow, type ProfileRow } from '../../core/db/schema.js'
import { badRequest, unauthorized } from '../../core/errors.js'
import { type Clock, yearAge } from '../../core/time.js'
import type { AuthContext } from '../auth/authenticate.js'
import { findUserById } from '../users/users.repository.js'
import { toUser } from '../users/users.schemas.js'
import {
  findPreferences,
  findProfile,
  savePreferences as savePreferencesRow,
  saveProfile as saveProfileRow,
} from './profiles.repository.js'
import type { PreferencesInput, ProfileInput } from './profiles.schemas.js'

export const ADULT_AGE = 19
const MAX_PLAUSIBLE_AGE = 100

export function toProfile(row: ProfileRow, now: Date) {
  return {
    userId: row.userId,
    nickname: row.nickname,
    gender: row.gender,
    birthYear: row.birthYear,
    age: yearAge(row.birthYear, now),
    height: row.height,
    region: row.region,
    job: row.job,
    intro: row.intro,
    photos: row.photos,
    visible: { ...DEFAULT_VISIBILITY, ...row.visible },
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** What another person sees: only the fields the owner's `visible` settings allow, never the birth year. */
export function toPublicProfile(row: ProfileRow, now: Date) {
  const visible = { ...DEFAULT_VISIBILITY, ...row.visible }
  return {
    userId: row.userId,
    nickname: row.nickname,
    gender: row.gender,
    photos: row.photos,
    ...(visible.age ? { age: yearAge(row.birthYear, now) } : {}),
    ...(visible.height && row.height !== null ? { height: row.height } : {}),
    ...(visible.region && row.region !== null ? { region: row.region } : {}),
    ...(visible.job && row.job !== null ? { job: row.job } : {}),
    ...(visible.intro && row.intro !== null ? { intro: row.intro } : {}),
  }
}

export function toPreferences(row: PreferencesRow) {
  return {
    targetGender: row.targetGender,
    ageMin: row.ageMin,
    ageMax: row.ageMax,
    regions: row.regions,
    keywords: row.keywords,
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** Trims, normalises (NFC) and de-duplicates free-text keywords, keeping their first spelling. */
function normaliseKeywords(keywords: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const raw of keywords) {
    const keyword = raw.normalize('NFC').trim().replace(/\s+/g, ' ')
    const key = keyword.toLowerCase()
    if (keyword && !seen.has(key)) seen.set(key, keyword)
  }
  return [...seen.values()]
}

const trimOrNull = (value: string | null | undefined) => {
  const trimmed = value?.normalize('NFC').trim()
  return trimmed ? trimmed : null
}

export function createProfileService({ db, clock }: { db: Database; clock: Clock }) {
  return {
    /** GET /me */
    async me(auth: AuthContext) {
      const user = await findUserById(db, auth.userId)
      if (!user) throw unauthorized('TOKEN_REVOKED', 'This session is no longer valid; sign in again')
      const [profile, prefs] = await Promise.all([findProfile(db, user.id), findPreferences(db, user.id)])
      const now = clock()
      return {
        user: toUser(user),
        profile: profile ? toProfile(profile, now) : null,
        preferences: prefs ? toPreferences(prefs) : null,
      }
    },

    /** PUT /profile: replaces the caller's profile. Fields left out are cleared (PUT semantics). */
    async saveProfile(auth: AuthContext, input: ProfileInput) {
      const now = clock()
      const age = yearAge(input.birthYear, now)
      if (age < ADULT_AGE) {
        throw badRequest('UNDERAGE', `SHH Match is for adults: you must be ${ADULT_AGE} or older`, [
          { field: 'body/birthYear', message: `must make you at least ${ADULT_AGE} this year` },
        ])
      }
      if (age > MAX_PLAUSIBLE_AGE) {
        throw badRequest('VALIDATION_ERROR', 'birthYear is not plausible', [
          { field: 'body/birthYear', message: `must make you at most ${MAX_PLAUSIBLE_AGE} this year` },
        ])
      }
      const nickname = trimOrNull(input.nickname)
      if (!nickname) throw badRequest('VALIDATION_ERROR', 'nickname must not be blank')
      const row = await saveProfileRow(
        db,
        {
          userId: auth.userId,
          nickname,
          gender: input.gender,
          birthYear: input.birthYear,
          height: input.height ?? null,
          region: input.region ?? null,
          job: trimOrNull(input.job),
          intro: trimOrNull(input.intro),
          photos: input.photos ?? [],
          visible: { ...DEFAULT_VISIBILITY, ...input.visible },
        },
        now,
      )
      return toProfile(row, now)
    },

    /** PUT /preferences: replaces the caller's preferences. */
    async savePreferences(auth: AuthContext, input: PreferencesInput) {
      if (input.ageMin > input.ageMax) {
        throw badRequest('INVALID_AGE_RANGE', 'ageMin must not be greater than ageMax', [
          { field: 'body/ageMin', message: 'must be ≤ ageMax' },
        ])
      }
      const row = await savePreferencesRow(
        db,
        {
          userId: auth.userId,
          targetGender: input.targetGender,
          ageMin: input.ageMin,
          ageMax: input.ageMax,
          regions: input.regions ?? [],
          keywords: normaliseKeywords(input.keywords ?? []),
        },
        clock(),
      )
      return toPreferences(row)
    },
  }
}

export type ProfileService = ReturnType<typeof createProfileService>
