import { createHmac, hkdfSync } from 'node:crypto'

/**
 * Keyed hashes (HMAC-SHA-256) of identities that must be recognised but not kept, such as the Kakao
 * id of a banned person who deleted their account. They are keyed with IDENTITY_HASH_KEY, a secret of
 * their own that never rotates: a hash keyed from the data-encryption key would stop matching after a
 * key rotation and let a banned person back in.
 */
export interface IdentityHasher {
  /** The hash to store. */
  hash(value: string): string
  /** Every hash this value may have been stored under: the current one first, then the legacy ones. */
  known(value: string): string[]
}

/** What identities were hashed with before IDENTITY_HASH_KEY: a key derived from each DATA_ENCRYPTION_KEY. */
const legacyKey = (dataKey: Buffer) =>
  Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'shh-match keyed hash v1', 32))

const hmacHex = (key: Buffer, value: string) => createHmac('sha256', key).update(value).digest('hex')

/**
 * `dataKeys` are the current and the old DATA_ENCRYPTION_KEYs: hashes made under any of them before
 * IDENTITY_HASH_KEY existed are still recognised (and replaced by the current hash when met).
 */
export function createIdentityHasher(identityKey: Buffer, dataKeys: readonly Buffer[]): IdentityHasher {
  const legacy = dataKeys.map(legacyKey)
  return {
    hash: (value) => hmacHex(identityKey, value),
    known: (value) => [hmacHex(identityKey, value), ...legacy.map((key) => hmacHex(key, value))],
  }
}
