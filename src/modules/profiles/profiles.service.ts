import { type ConsentVersions, REQUIRED_CONSENTS } from '../../core/config.js'
import { DEFAULT_VISIBILITY, type PreferencesRow, type ProfileRow } from '../../core/db/schema.js'
import type { CoreDeps } from '../../core/deps.js'
import { badRequest } from '../../core/errors.js'
import type { FieldCipher } from '../../core/security/crypto.js'
import { yearAge } from '../../core/time.js'
import type { Admit, AuthContext } from '../auth/authenticate.js'
import { currentConsents } from '../consents/consents.service.js'
import type { PhotoService } from '../photos/photos.service.js'
import { findUserById } from '../users/users.repository.js'
import { toSettings, toUser } from '../users/users.schemas.js'
import {
  findMe,
  savePreferences as savePreferencesRow,
  saveProfile as saveProfileRow,
} from './profiles.repository.js'
import type { PreferencesInput, ProfileInput } from './profiles.schemas.js'

export const ADULT_AGE = 19
const MAX_PLAUSIBLE_AGE = 100

/** The owner's view: every field, the contact decrypted, their photos' URLs (`photos`). */
export function toProfile(row: ProfileRow, now: Date, cipher: FieldCipher, photos: string[]) {
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
    photos,
    visible: { ...DEFAULT_VISIBILITY, ...row.visible },
    contact: row.contactEncrypted ? cipher.decrypt(row.contactEncrypted, row.userId) : null,
    updatedAt: row.updatedAt.toISOString(),
  }
}

/**
 * The other person of an active match: exactly what their `visible` settings show anyone (DESIGN §5:
 * the age, never the birth year), plus their contact when they consented to share it.
 */
export function toActiveMatchProfile(
  row: PublicProfileRow,
  now: Date,
  photoUrl: (key: string) => string,
  contact: string | null,
) {
  return { ...toPublicProfile(row, now, photoUrl), ...(contact !== null ? { contact } : {}) }
}

const OPEN_CHAT = /^https:\/\/open\.kakao\.com\/(o|me)\/[A-Za-z0-9_-]{1,100}$/
const KOREAN_MOBILE = /^01[016789]\d{7,8}$/

/**
 * A contact as stored: a Korean mobile number as digits (010-1234-5678, +82 10 1234 5678 → 01012345678)
 * or a Kakao open-chat link. Anything else is refused.
 */
export function normaliseContact(raw: string): string {
  const trimmed = raw.trim()
  if (OPEN_CHAT.test(trimmed)) return trimmed
  let digits = trimmed.replace(/[\s().-]/g, '')
  if (digits.startsWith('+82')) digits = `0${digits.slice(3)}`
  if (KOREAN_MOBILE.test(digits)) return digits
  throw badRequest(
    'INVALID_CONTACT',
    'contact must be a Korean mobile number or an https://open.kakao.com/ link',
    [{ field: 'body/contact', message: 'is not a Korean mobile number or a Kakao open-chat link' }],
  )
}

/** What a public profile is made of (list queries read only these columns). */
export type PublicProfileRow = Pick<
  ProfileRow,
  | 'userId'
  | 'nickname'
  | 'gender'
  | 'birthYear'
  | 'height'
  | 'region'
  | 'job'
  | 'intro'
  | 'photos'
  | 'visible'
>

/**
 * What another person sees: only the fields the owner's `visible` settings allow, never the birth
 * year; the photos others may see (profiles.photos holds their storage keys).
 */
export function toPublicProfile(row: PublicProfileRow, now: Date, photoUrl: (key: string) => string) {
  const visible = { ...DEFAULT_VISIBILITY, ...row.visible }
  return {
    userId: row.userId,
    nickname: row.nickname,
    gender: row.gender,
    photos: row.photos.map(photoUrl),
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

export function createProfileService(
  {
    db,
    clock,
    cipher,
    photos,
    identityRequired,
  }: CoreDeps & {
    photos: Pick<PhotoService, 'orderByUrls' | 'refreshVisible' | 'ownUrls'>
    identityRequired: boolean
  },
  consentVersions: ConsentVersions,
) {
  return {
    /**
     * GET /me: the caller's row, profile and preferences in one statement, their consents alongside;
     * `admit` checks the row (revoked, deleted, banned) before anything is returned.
     */
    async me(userId: string, admit: Admit) {
      const [found, consents, ownPhotos] = await Promise.all([
        findMe(db, userId),
        currentConsents(db, userId),
        photos.ownUrls(db, userId),
      ])
      const consentsMissing = REQUIRED_CONSENTS.filter(
        (type) => consents[type]?.version !== consentVersions[type],
      ).map((type) => ({ type, version: consentVersions[type] }))
      const user = found?.user
      admit(user)
      const now = clock()
      return {
        identityRequired,
        user: toUser(user),
        profile: found?.profile ? toProfile(found.profile, now, cipher, ownPhotos) : null,
        preferences: found?.preferences ? toPreferences(found.preferences) : null,
        consents,
        consentsMissing,
        settings: toSettings(user),
      }
    },

    /**
     * PUT /profile: replaces the caller's profile. Fields left out are cleared (PUT semantics), except
     * `photos`: left out, the photos stay; given, they must be the caller's own and are put in order.
     * Once the person's identity is verified, their birth year and gender are the verified ones.
     */
    async saveProfile(auth: AuthContext, input: ProfileInput) {
      const now = clock()
      if (auth.identityVerified) {
        const user = await findUserById(db, auth.userId)
        const locked = [
          ['birthYear', user?.verifiedBirthYear, input.birthYear],
          ['gender', user?.verifiedGender, input.gender],
        ].filter(([, verified, given]) => verified !== null && verified !== undefined && verified !== given)
        if (locked.length > 0) {
          throw badRequest(
            'IDENTITY_LOCKED',
            `${locked.map(([field]) => field).join(' and ')} must be what your identity verification showed`,
            locked.map(([field, verified]) => ({
              field: `body/${field}`,
              message: `must be ${verified} (verified)`,
            })),
          )
        }
      }
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
      const contact = trimOrNull(input.contact)
      const values = {
        userId: auth.userId,
        nickname,
        gender: input.gender,
        birthYear: input.birthYear,
        height: input.height ?? null,
        region: input.region ?? null,
        job: trimOrNull(input.job),
        intro: trimOrNull(input.intro),
        visible: { ...DEFAULT_VISIBILITY, ...input.visible },
        contactEncrypted: contact ? cipher.encrypt(normaliseContact(contact), auth.userId) : null,
      }
      return db.transaction(async (tx) => {
        const row = await saveProfileRow(tx, values, now)
        // A new profile shows the photos uploaded before it; `photos` given reorders them.
        if (input.photos) await photos.orderByUrls(tx, auth.userId, input.photos)
        else await photos.refreshVisible(tx, auth.userId)
        return toProfile(row, now, cipher, await photos.ownUrls(tx, auth.userId))
      })
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
