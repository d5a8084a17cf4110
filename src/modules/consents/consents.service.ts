import type { Database, Executor } from '../../core/db/client.js'
import { CONSENT_KINDS, type ConsentKind } from '../../core/db/schema.js'
import type { Clock } from '../../core/time.js'
import type { AuthContext } from '../auth/authenticate.js'
import { appendConsents, latestConsents } from './consents.repository.js'
import type { ConsentsInput } from './consents.schemas.js'

type ConsentState = Record<ConsentKind, { version: string; acceptedAt: string } | null>

export async function currentConsents(db: Executor, userId: string): Promise<ConsentState> {
  const state = Object.fromEntries(CONSENT_KINDS.map((k) => [k, null])) as ConsentState
  for (const entry of await latestConsents(db, userId)) {
    state[entry.kind] =
      entry.version === null ? null : { version: entry.version, acceptedAt: entry.createdAt.toISOString() }
  }
  return state
}

export function createConsentService({ db, clock }: { db: Database; clock: Clock }) {
  return {
    /** PUT /me/consents: appends what changed to the history and answers the current state. */
    async update(auth: AuthContext, input: ConsentsInput) {
      return db.transaction(async (tx) => {
        const current = await currentConsents(tx, auth.userId)
        const changes: Array<{ kind: ConsentKind; version: string | null }> = []
        for (const kind of CONSENT_KINDS) {
          const wanted = input[kind]
          if (wanted === undefined) continue
          if ((current[kind]?.version ?? null) !== wanted) changes.push({ kind, version: wanted })
        }
        await appendConsents(tx, auth.userId, changes, clock())
        return currentConsents(tx, auth.userId)
      })
    },
  }
}

export type ConsentService = ReturnType<typeof createConsentService>
