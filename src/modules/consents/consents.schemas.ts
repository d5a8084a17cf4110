import { type Static, Type } from 'typebox'
import { DateTime, Nullable } from '../../core/http/schemas.js'

const Version = Type.String({
  minLength: 1,
  maxLength: 32,
  pattern: '^[A-Za-z0-9._-]+$',
  examples: ['2026-11-01'],
})

export const ConsentsInput = Type.Object(
  {
    terms: Type.Optional(Version),
    privacy: Type.Optional(Version),
    refund: Type.Optional(Version),
    adult: Type.Optional(Version),
    contactShare: Type.Optional(Nullable(Version)),
  },
  {
    minProperties: 1,
    description:
      'The version of each document accepted. `contactShare: null` withdraws the consent to reveal your ' +
      'contact to an active match; the others are withdrawn by deleting the account.',
  },
)
export type ConsentsInput = Static<typeof ConsentsInput>

const Accepted = Nullable(Type.Object({ version: Type.String(), acceptedAt: DateTime }))
export const Consents = Type.Object(
  { terms: Accepted, privacy: Accepted, refund: Accepted, adult: Accepted, contactShare: Accepted },
  { description: 'What is accepted now (null: never accepted, or withdrawn)' },
)
