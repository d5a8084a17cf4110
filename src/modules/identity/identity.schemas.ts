import { type Static, Type } from 'typebox'
import { DateTime, Nullable } from '../../core/http/schemas.js'

/** Our ids for PortOne: `idv-` and a random UUID (PortOne takes them as they are). */
export const IdentityVerificationId = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,64}$',
  maxLength: 64,
  description: 'The id `start` gave you',
  examples: ['idv-3f1c2e9a-5b7d-4c1e-9f0a-2b6d8e4c7a11'],
})

export const StartResponse = Type.Object(
  {
    identityVerificationId: IdentityVerificationId,
    storeId: Type.String({ description: 'PORTONE_STORE_ID' }),
    channelKey: Type.String({ description: 'PORTONE_IDENTITY_CHANNEL_KEY' }),
    expiresAt: DateTime,
  },
  {
    description:
      "The three values for PortOne's browser SDK `requestIdentityVerification`; the id is yours alone, " +
      'valid 30 minutes and usable once',
  },
)

export const DevIdentity = Type.Object(
  {
    birthYear: Type.Integer({ minimum: 1900, maximum: 2100 }),
    gender: Type.Enum(['M', 'F']),
    phoneNumber: Type.String({
      pattern: '^\\+?[0-9][0-9 -]{7,18}$',
      maxLength: 20,
      examples: ['010-1234-5678'],
    }),
    ci: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9+/=_-]{1,200}$',
        maxLength: 200,
        description: 'Who the person is; two accounts with one ci are one person (default: one per account)',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Development only (APP_ENV dev or test with IDENTITY_VERIFY=none): the person PortOne would have ' +
      'verified. Refused (400) with IDENTITY_VERIFY=portone and always in prod.',
  },
)

export const CompleteBody = Type.Object({
  identityVerificationId: IdentityVerificationId,
  dev: Type.Optional(DevIdentity),
})
export type CompleteBody = Static<typeof CompleteBody>

export const CompleteResponse = Type.Object(
  {
    identityVerified: Type.Literal(true),
    birthYear: Type.Integer(),
    gender: Type.Enum(['M', 'F']),
    phoneVerified: Type.Boolean(),
    identityVerifiedAt: DateTime,
  },
  { description: 'What the verification proved (the profile takes the birth year and gender)' },
)

export const IdentityStatus = {
  identityVerified: Type.Boolean({ description: 'Proved who they are (본인인증)' }),
  identityVerifiedAt: Nullable(DateTime),
}
