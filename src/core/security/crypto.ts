import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/**
 * Field encryption for personal data at rest: AES-256-GCM with a random 96-bit IV and a 128-bit tag.
 * Stored as `<version>.<keyId>.<iv>.<tag>.<ciphertext>` (base64url), where keyId names the key, so
 * that keys can rotate: new values use the current key, old ones still decrypt with the key they name.
 *
 * - v2 (written now): the row the value belongs to (its user id) is the additional authenticated
 *   data, so a value copied into another row does not decrypt.
 * - v1 (read only): no additional data; `npm run keys:reencrypt` rewrites such values as v2.
 */
export interface FieldCipher {
  /** Encrypts `plaintext` for the row named by `context` (a user id). */
  encrypt(plaintext: string, context: string): string
  /** Decrypts a value stored in the row named by `context`; throws if it belongs elsewhere or was altered. */
  decrypt(stored: string, context: string): string
  /** True when the value is not yet v2 under the current key (what keys:reencrypt rewrites). */
  isStale(stored: string): boolean
}

const CURRENT_VERSION = 'v2'
const IV_BYTES = 12
const TAG_BYTES = 16

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('base64url').slice(0, 8)

export function createFieldCipher(current: Buffer, previous: readonly Buffer[] = []): FieldCipher {
  const keys = new Map([current, ...previous].map((k) => [keyId(k), k]))
  const currentId = keyId(current)
  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', current, iv, { authTagLength: TAG_BYTES })
      cipher.setAAD(Buffer.from(context, 'utf8'))
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return [
        CURRENT_VERSION,
        currentId,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        ciphertext.toString('base64url'),
      ].join('.')
    },
    decrypt(stored, context) {
      const [version, id, ivText, tagText, ciphertext, ...rest] = stored.split('.')
      const key = id === undefined ? undefined : keys.get(id)
      if ((version !== 'v1' && version !== 'v2') || !key || ciphertext === undefined || rest.length > 0) {
        throw new Error('Encrypted value has an unknown format or key')
      }
      const iv = Buffer.from(ivText ?? '', 'base64url')
      const tag = Buffer.from(tagText ?? '', 'base64url')
      // GCM accepts truncated tags unless told otherwise; a short tag is a forgery made easy.
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw new Error('Encrypted value has a malformed IV or tag')
      }
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
      if (version === 'v2') decipher.setAAD(Buffer.from(context, 'utf8'))
      decipher.setAuthTag(tag)
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8')
    },
    isStale(stored) {
      const [version, id] = stored.split('.')
      return version !== CURRENT_VERSION || id !== currentId
    },
  }
}
