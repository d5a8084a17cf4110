import type { Database } from './db/client.js'
import type { Notifier } from './notifications.js'
import type { FieldCipher } from './security/crypto.js'
import type { IdentityHasher } from './security/identity-hash.js'
import type { Clock } from './time.js'

/** What most services are built from (buildApp wires them). */
export interface CoreDeps {
  db: Database
  clock: Clock
  cipher: FieldCipher
  identities: IdentityHasher
  /** A photo's storage key (as kept in profiles.photos) as the URL others load it from. */
  photoUrl: (key: string) => string
  notifier: Notifier
}
