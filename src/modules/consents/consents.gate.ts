import type { FastifyRequest } from 'fastify'
import type { ConsentVersions, RequiredConsent } from '../../core/config.js'
import type { Database, Executor } from '../../core/db/client.js'
import { AppError } from '../../core/errors.js'
import { caller } from '../auth/authenticate.js'
import { latestConsents } from './consents.repository.js'

/** What a person must have accepted, in its current version, to be recommended and to like (SPEC §8). */
export const TO_MEET = ['terms', 'privacy', 'adult'] as const satisfies readonly RequiredConsent[]
/** …and to pay, the refund policy too. */
export const TO_PAY = [...TO_MEET, 'refund'] as const satisfies readonly RequiredConsent[]

export interface MissingConsent {
  type: RequiredConsent
  version: string
}

/**
 * The documents among `types` whose current version (CONSENT_VERSIONS) the user has not accepted:
 * never accepted, or an older version (publishing a new version asks everyone again).
 */
export async function missingConsents(
  db: Executor,
  userId: string,
  versions: ConsentVersions,
  types: readonly RequiredConsent[],
): Promise<MissingConsent[]> {
  const accepted = new Map((await latestConsents(db, userId)).map((entry) => [entry.kind, entry.version]))
  return types
    .filter((type) => accepted.get(type) !== versions[type])
    .map((type) => ({ type, version: versions[type] }))
}

/**
 * Route preconditions (preHandler, after requireUser): 403 CONSENT_REQUIRED with
 * `details.missing: [{ type, version }]` until the caller has accepted the current documents.
 * A route applies one in one line, `preHandler: gate.toMeet`, and lists `403: ['CONSENT_REQUIRED']`
 * in its errorResponses.
 */
export function createConsentGate({ db, versions }: { db: Database; versions: ConsentVersions }) {
  const requires = (types: readonly RequiredConsent[]) => async (request: FastifyRequest) => {
    const missing = await missingConsents(db, caller(request).userId, versions, types)
    if (missing.length > 0) {
      throw new AppError(
        403,
        'CONSENT_REQUIRED',
        `Accept the current ${missing.map((m) => m.type).join(', ')} first (PUT /me/consents)`,
        { missing },
      )
    }
  }
  return {
    /** Liking and passing on someone (POST /likes, POST /likes/pass). */
    toMeet: requires(TO_MEET),
    /** Paying for a match (POST /payments/intent). */
    toPay: requires(TO_PAY),
  }
}

export type ConsentGate = ReturnType<typeof createConsentGate>
