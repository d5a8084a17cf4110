import { randomUUID } from 'node:crypto'
import { recordSystemAction } from '../../core/audit.js'
import type { Config } from '../../core/config.js'
import type { Gender } from '../../core/db/schema.js'
import type { CoreDeps } from '../../core/deps.js'
import {
  badRequest,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  serviceUnavailable,
  unauthorized,
} from '../../core/errors.js'
import type { PortOneIdentityClient } from '../../core/portone/portone.client.js'
import { yearAge } from '../../core/time.js'
import type { AuthContext } from '../auth/authenticate.js'
import { ADULT_AGE } from '../profiles/profiles.service.js'
import { banUser } from '../safety/safety.service.js'
import { findUserById } from '../users/users.repository.js'
import {
  alignProfile,
  deleteExpiredVerificationIds,
  findBannedCi,
  findLiveCiHolder,
  findVerificationId,
  insertVerificationId,
  moveBannedCiTo,
  saveVerifiedIdentity,
  useVerificationId,
} from './identity.repository.js'
import type { CompleteBody } from './identity.schemas.js'

/** How long an id from `start` may be completed, and how recent PortOne's verification must be. */
export const VERIFICATION_WINDOW_MS = 30 * 60 * 1000

/** Who the verification says the person is: what the rules look at (never the name). */
interface Person {
  birthYear: number
  gender: Gender
  phone: string | null
  ci: string
}

const KOREAN_MOBILE = /^01[016789]\d{7,8}$/
const BIRTH_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A mobile number as digits (010-1234-5678, +82 10 1234 5678 → 01012345678), or null. */
function mobileDigits(raw: string): string | null {
  let digits = raw.replace(/[\s().-]/g, '')
  if (digits.startsWith('+82')) digits = `0${digits.slice(3)}`
  return KOREAN_MOBILE.test(digits) ? digits : null
}

const notVerified = (why: string) =>
  badRequest('IDENTITY_NOT_VERIFIED', `The identity verification did not prove who you are: ${why}`)

/** The keyed hash stored for a CI (the prefix keeps it apart from the Kakao-id hashes of the same key). */
const ciKey = (ci: string) => `ci:${ci}`

export function createIdentityService(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'cipher' | 'identities' | 'notifier'> & {
    config: Pick<Config, 'env' | 'identity' | 'portone'>
    /** Null unless IDENTITY_VERIFY=portone. */
    portone: PortOneIdentityClient | null
  },
) {
  const { db, clock, cipher, identities, notifier, config, portone } = deps
  const devMode = config.identity.verify === 'none' && config.env !== 'prod'

  /** Rules 3 and 4: PortOne's answer, never the client's word. */
  async function personFromPortOne(client: PortOneIdentityClient, id: string, now: Date): Promise<Person> {
    const result = await client.getIdentityVerification(id)
    if (result.status === 'NOT_FOUND') throw notVerified('PortOne has no verification under this id yet')
    if (result.status !== 'VERIFIED') throw notVerified(`its status is ${result.status}`)
    const age = now.getTime() - result.verifiedAt.getTime()
    if (Number.isNaN(age) || age > VERIFICATION_WINDOW_MS) {
      throw notVerified('it was completed more than 30 minutes ago; verify again')
    }
    const { birthDate, gender, phoneNumber, ci } = result.customer
    const birth = birthDate ? BIRTH_DATE.exec(birthDate) : null
    if (!birth) throw notVerified('it carries no birth date')
    if (gender !== 'MALE' && gender !== 'FEMALE') throw notVerified('it carries no gender')
    if (!ci) throw notVerified('it carries no CI')
    return {
      birthYear: Number(birth[1]),
      gender: gender === 'MALE' ? 'M' : 'F',
      phone: phoneNumber ? mobileDigits(phoneNumber) : null,
      ci,
    }
  }

  function personFromDev(dev: NonNullable<CompleteBody['dev']>, userId: string): Person {
    const phone = mobileDigits(dev.phoneNumber)
    if (!phone) {
      throw badRequest('VALIDATION_ERROR', 'body/dev/phoneNumber is not a Korean mobile number', [
        { field: 'body/dev/phoneNumber', message: 'is not a Korean mobile number' },
      ])
    }
    return { birthYear: dev.birthYear, gender: dev.gender, phone, ci: dev.ci ?? `dev-ci:${userId}` }
  }

  return {
    /** POST /me/identity-verification/start: a fresh id for PortOne's browser SDK, bound to the caller. */
    async start(auth: AuthContext) {
      if (!devMode && !portone) {
        throw serviceUnavailable(
          'IDENTITY_PROVIDER_UNAVAILABLE',
          'Identity verification is not set up on this server (IDENTITY_VERIFY=none)',
        )
      }
      const now = clock()
      const id = `idv-${randomUUID()}`
      const expiresAt = new Date(now.getTime() + VERIFICATION_WINDOW_MS)
      await db.transaction(async (tx) => {
        await deleteExpiredVerificationIds(tx, auth.userId, now)
        await insertVerificationId(tx, { id, userId: auth.userId, now, expiresAt })
      })
      return {
        identityVerificationId: id,
        storeId: config.portone.storeId ?? 'store-dev',
        channelKey: config.portone.identityChannelKey ?? 'channel-key-dev',
        expiresAt: expiresAt.toISOString(),
      }
    },

    /**
     * POST /me/identity-verification/complete: the rules of issue 14, in their order. Nothing is
     * stored unless a verified adult passes every one, except that a banned person's CI bans this
     * account too (committed before the 403).
     */
    async complete(auth: AuthContext, input: CompleteBody) {
      // 1. A client may describe the person only in development, without PortOne.
      if (input.dev !== undefined && !devMode) {
        throw badRequest('VALIDATION_ERROR', 'body/dev is accepted only in development without PortOne', [
          { field: 'body/dev', message: 'is not accepted: the person is verified through PortOne' },
        ])
      }
      const dev = input.dev
      if (devMode && dev === undefined) {
        throw badRequest('VALIDATION_ERROR', "body must have required property 'dev'", [
          { field: 'body/dev', message: 'is required while IDENTITY_VERIFY=none (development)' },
        ])
      }
      const client = devMode ? null : portone
      if (!devMode && !client) {
        throw serviceUnavailable(
          'IDENTITY_PROVIDER_UNAVAILABLE',
          'Identity verification is not set up on this server (IDENTITY_VERIFY=none)',
        )
      }

      // 2. Ours, the caller's, unexpired, unused. Someone else's id is "not found" and stays as it was.
      const id = input.identityVerificationId
      const issued = await findVerificationId(db, id)
      const now = clock()
      if (!issued || issued.userId !== auth.userId) {
        throw notFound('VERIFICATION_NOT_FOUND', 'No such identity verification of yours')
      }
      if (issued.usedAt)
        throw conflict('VERIFICATION_USED', 'This identity verification has already been used')
      if (issued.expiresAt.getTime() <= now.getTime()) {
        throw notFound('VERIFICATION_NOT_FOUND', 'This identity verification has expired; start a new one')
      }

      // 3 and 4. PortOne's answer (a 503 leaves everything as it was), or the development stand-in.
      const person = client
        ? await personFromPortOne(client, id, now)
        : personFromDev(dev as NonNullable<typeof dev>, auth.userId)

      // 5. Adults only; nothing about a minor is kept.
      if (yearAge(person.birthYear, now) < ADULT_AGE) {
        throw forbidden(
          'UNDERAGE',
          `SHH Match is for adults: you can verify again in the year you turn ${ADULT_AGE}`,
        )
      }

      const ciHash = identities.hash(ciKey(person.ci))
      let outcome: 'verified' | 'banned'
      try {
        outcome = await db.transaction(async (tx) => {
          if (!(await useVerificationId(tx, id, auth.userId, now))) {
            throw conflict('VERIFICATION_USED', 'This identity verification has already been used')
          }
          const user = await findUserById(tx, auth.userId)
          if (!user || user.deletedAt) throw unauthorized('TOKEN_REVOKED', 'This session is no longer valid')

          // 6. Bans follow the person: a banned account's CI, live or deleted, bans this one too.
          const holder = await findLiveCiHolder(tx, ciHash)
          const bannedHolder = holder?.banned ? holder.id : undefined
          const deletedBanned = holder ? undefined : await findBannedCi(tx, ciHash)
          if (bannedHolder || deletedBanned) {
            await banUser(tx, notifier, auth.userId, now)
            if (deletedBanned) await moveBannedCiTo(tx, ciHash, auth.userId)
            await recordSystemAction(tx, 'identity', {
              action: 'user.ban',
              targetId: auth.userId,
              // Which account's ban it follows: a live one by id, or one deleted since (no id kept).
              detail: { reason: 'identity_of_banned_account', bannedAccountId: bannedHolder ?? null },
            })
            return 'banned'
          }
          if (user.ciHash && user.ciHash !== ciHash) {
            throw conflict('IDENTITY_MISMATCH', 'This account is verified as another person')
          }

          // 7. One person, one account: the unique index on live accounts' CI hashes decides.
          await saveVerifiedIdentity(tx, auth.userId, {
            verifiedAt: now,
            birthYear: person.birthYear,
            gender: person.gender,
            phoneEncrypted: person.phone ? cipher.encrypt(person.phone, auth.userId) : null,
            ciHash,
          })
          await alignProfile(tx, auth.userId, person.birthYear, person.gender, now)
          return 'verified'
        })
      } catch (err) {
        if (isUniqueViolation(err, 'users_ci_hash_live_uq')) {
          throw conflict('IDENTITY_IN_USE', 'This person already has an account; sign in with that one')
        }
        throw err
      }
      if (outcome === 'banned') throw forbidden('USER_BANNED', 'This account has been suspended')
      return {
        identityVerified: true as const,
        birthYear: person.birthYear,
        gender: person.gender,
        phoneVerified: person.phone !== null,
        identityVerifiedAt: now.toISOString(),
      }
    },
  }
}

export type IdentityService = ReturnType<typeof createIdentityService>
