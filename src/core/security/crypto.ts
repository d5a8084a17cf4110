import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/**
 * Field encryption for personal data at rest: AES-256-GCM with a random 96-bit IV.
 * Stored as `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url), where keyId names the key, so that
 * keys can rotate: new values use the current key, old ones still decrypt with the key they name.
 */
export interface FieldCipher {
  encrypt(plaintext: string): string
  decrypt(stored: string): string
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('base64url').slice(0, 8)

export function createFieldCipher(current: Buffer, previous: readonly Buffer[] = []): FieldCipher {
  const keys = new Map([current, ...previous].map((k) => [keyId(k), k]))
  const currentId = keyId(current)
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', current, iv)
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      const tag = cipher.getAuthTag()
      return [
        'v1',
        currentId,
        iv.toString('base64url'),
        tag.toString('base64url'),
        ciphertext.toString('base64url'),
      ].join('.')
    },
    decrypt(stored) {
      const [version, id, iv, tag, ciphertext] = stored.split('.')
      const key = id === undefined ? undefined : keys.get(id)
      if (version !== 'v1' || !key || !iv || !tag || ciphertext === undefined) {
        throw new Error('Encrypted value has an unknown format or key')
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8')
    },
  }
}
