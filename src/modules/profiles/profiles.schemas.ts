import { type Static, Type } from 'typebox'
import { DateTime, Nullable, Text, Uuid } from '../../core/http/schemas.js'
import { Consents } from '../consents/consents.schemas.js'
import { Settings, User } from '../users/users.schemas.js'

/** The 17 first-level administrative divisions (시·도): one vocabulary, so regions can be matched. */
export const KOREAN_REGIONS = [
  '서울',
  '부산',
  '대구',
  '인천',
  '광주',
  '대전',
  '울산',
  '세종',
  '경기',
  '강원',
  '충북',
  '충남',
  '전북',
  '전남',
  '경북',
  '경남',
  '제주',
] as const

const Gender = Type.Enum(['M', 'F'])
const Region = Type.Enum([...KOREAN_REGIONS], { description: 'One of the 17 시·도' })
/** A URL of one of the caller's own photos, as GET /photos or GET /me gave it. */
const PhotoUrl = Type.String({ pattern: '^[^\\u0000-\\u0020]+$', maxLength: 2048 })

export const VisibilityInput = Type.Object(
  {
    age: Type.Optional(Type.Boolean()),
    height: Type.Optional(Type.Boolean()),
    region: Type.Optional(Type.Boolean()),
    job: Type.Optional(Type.Boolean()),
    intro: Type.Optional(Type.Boolean()),
  },
  {
    additionalProperties: false,
    description:
      'Which fields others may see. Missing keys take the defaults (height hidden, the rest shown).',
  },
)
export const Visibility = Type.Object({
  age: Type.Boolean(),
  height: Type.Boolean(),
  region: Type.Boolean(),
  job: Type.Boolean(),
  intro: Type.Boolean(),
})

export const ProfileInput = Type.Object({
  nickname: Text({ maxLength: 20, nonBlank: true }),
  gender: Type.Enum(['M', 'F'], { description: 'Once identity is verified, the verified one' }),
  birthYear: Type.Integer({
    minimum: 1900,
    maximum: 2100,
    description: 'Adults only: this year − birthYear ≥ 19. Once identity is verified, the verified one',
  }),
  height: Type.Optional(Nullable(Type.Integer({ minimum: 100, maximum: 250, description: 'cm' }))),
  region: Type.Optional(Nullable(Region)),
  job: Type.Optional(Nullable(Text({ maxLength: 50, nonBlank: true }))),
  intro: Type.Optional(Nullable(Text({ maxLength: 500, multiline: true }))),
  photos: Type.Optional(
    Type.Array(PhotoUrl, {
      maxItems: 20,
      uniqueItems: true,
      description:
        'Left out: the photos stay as they are. Given: URLs of your own photos (POST /photos) in the order ' +
        'wanted (others follow); any other URL is 400 PHOTO_NOT_OWNED',
    }),
  ),
  visible: Type.Optional(VisibilityInput),
  contact: Type.Optional(
    Nullable(
      Text({
        maxLength: 200,
        description:
          'A Korean mobile number (stored as digits) or a Kakao open-chat link (https://open.kakao.com/…). ' +
          'Stored encrypted; shown only to you and, with your contactShare consent, to the other person of an active match.',
      }),
    ),
  ),
})
export type ProfileInput = Static<typeof ProfileInput>

export const Profile = Type.Object(
  {
    userId: Uuid,
    nickname: Type.String(),
    gender: Gender,
    birthYear: Type.Integer(),
    age: Type.Integer({ description: 'Korean year age: this year (KST) − birthYear' }),
    height: Nullable(Type.Integer()),
    region: Nullable(Type.String()),
    job: Nullable(Type.String()),
    intro: Nullable(Type.String()),
    photos: Type.Array(Type.String(), {
      description: 'Your photos (pending ones too, not rejected ones) in order; GET /photos has their status',
    }),
    visible: Visibility,
    contact: Nullable(Type.String()),
    updatedAt: DateTime,
  },
  { description: "The owner's own profile, every field" },
)

export const PublicProfile = Type.Object(
  {
    userId: Uuid,
    nickname: Type.String(),
    gender: Gender,
    photos: Type.Array(Type.String(), {
      description:
        "Photo URLs in the owner's order: approved ones (PHOTO_MODERATION=pre) or all not rejected (post)",
    }),
    age: Type.Optional(Type.Integer()),
    height: Type.Optional(Type.Integer()),
    region: Type.Optional(Type.String()),
    job: Type.Optional(Type.String()),
    intro: Type.Optional(Type.String()),
  },
  { description: "Another person's profile as they chose to show it: hidden or empty fields are absent" },
)

export const MatchProfile = Type.Object(
  {
    ...PublicProfile.properties,
    contact: Type.Optional(Type.String()),
  },
  {
    description:
      'The other person of a match, as their visibility settings show them to anyone; once the match ' +
      'is active, also their contact if they consented to share it',
  },
)

export const PreferencesInput = Type.Object({
  targetGender: Gender,
  ageMin: Type.Integer({ minimum: 19, maximum: 100 }),
  ageMax: Type.Integer({ minimum: 19, maximum: 100 }),
  regions: Type.Optional(
    Type.Array(Region, {
      maxItems: KOREAN_REGIONS.length,
      uniqueItems: true,
      description: 'Empty: anywhere',
    }),
  ),
  keywords: Type.Optional(
    Type.Array(Text({ maxLength: 20, nonBlank: true }), { maxItems: 10, description: 'Interests, up to 10' }),
  ),
})
export type PreferencesInput = Static<typeof PreferencesInput>

export const Preferences = Type.Object({
  targetGender: Gender,
  ageMin: Type.Integer(),
  ageMax: Type.Integer(),
  regions: Type.Array(Type.String()),
  keywords: Type.Array(Type.String()),
  updatedAt: DateTime,
})

export const MeResponse = Type.Object({
  identityRequired: Type.Boolean({
    description:
      'IDENTITY_REQUIRED: until user.identityVerified, no list, no likes, no payments (prompt for 본인인증)',
  }),
  user: User,
  profile: Nullable(Profile),
  preferences: Nullable(Preferences),
  consents: Consents,
  consentsMissing: Type.Array(
    Type.Object({
      type: Type.Union([
        Type.Literal('terms'),
        Type.Literal('privacy'),
        Type.Literal('refund'),
        Type.Literal('adult'),
      ]),
      version: Type.String({ examples: ['2026-11'] }),
    }),
    {
      description:
        'Documents whose current version (CONSENT_VERSIONS) you have not accepted: accept them with ' +
        'PUT /me/consents. Until then you are not recommended and cannot like (terms, privacy, adult) ' +
        'or pay (also refund).',
    },
  ),
  settings: Settings,
})
