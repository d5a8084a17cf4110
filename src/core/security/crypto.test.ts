import assert from 'node:assert/strict'
import { createCipheriv, randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { createFieldCipher } from './crypto.js'

const ALICE = '3f1c7a52-8c1e-4d0f-9a55-6f2b1d0c9e11'
const BOB = '9b0e4c3a-2d7f-4a61-8e2c-1c5d7f3a0b22'

/** A value as the API wrote it before additional data existed: v1, no AAD. */
function legacyV1(key: Buffer, keyIdOf: string, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [
    'v1',
    keyIdOf,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.')
}

describe('field encryption', () => {
  const key = randomBytes(32)
  it('round-trips, with a fresh IV each time and no plaintext in the stored value', () => {
    const cipher = createFieldCipher(key)
    const a = cipher.encrypt('01012345678', ALICE)
    const b = cipher.encrypt('01012345678', ALICE)
    assert.notEqual(a, b)
    assert.ok(!a.includes('01012345678'))
    assert.match(a, /^v2\.[\w-]{8}\./)
    assert.equal(cipher.decrypt(a, ALICE), '01012345678')
    assert.equal(cipher.isStale(a), false)
  })

  it('binds a value to its row: copied to another user it does not decrypt', () => {
    const cipher = createFieldCipher(key)
    const alices = cipher.encrypt('01012345678', ALICE)
    assert.throws(() => cipher.decrypt(alices, BOB))
  })

  it('still decrypts v1 values (written without additional data), and calls them stale', () => {
    const cipher = createFieldCipher(key)
    const keyIdOf = cipher.encrypt('x', ALICE).split('.')[1] as string
    const old = legacyV1(key, keyIdOf, 'https://open.kakao.com/o/abc')
    assert.equal(cipher.decrypt(old, ALICE), 'https://open.kakao.com/o/abc')
    assert.equal(cipher.isStale(old), true)
  })

  it('decrypts values written under a previous key after rotation, and calls them stale', () => {
    const old = createFieldCipher(key)
    const stored = old.encrypt('https://open.kakao.com/o/abc', ALICE)
    const rotated = createFieldCipher(randomBytes(32), [key])
    assert.equal(rotated.decrypt(stored, ALICE), 'https://open.kakao.com/o/abc')
    assert.notEqual(rotated.encrypt('x', ALICE).split('.')[1], stored.split('.')[1])
    assert.equal(rotated.isStale(stored), true)
  })

  it('refuses a tampered value, an unknown key, or a tag shorter than 16 bytes', () => {
    const cipher = createFieldCipher(key)
    const stored = cipher.encrypt('01012345678', ALICE)
    const parts = stored.split('.')
    const flipped = Buffer.from(parts[4] as string, 'base64url')
    flipped[0] = (flipped[0] as number) ^ 1
    assert.throws(() =>
      cipher.decrypt([...parts.slice(0, 4), flipped.toString('base64url')].join('.'), ALICE),
    )
    assert.throws(() => createFieldCipher(randomBytes(32)).decrypt(stored, ALICE))
    // A 4-byte tag has 1 chance in 2^32 of matching by luck: never accepted, even if it is right.
    const shortTag = Buffer.from(parts[3] as string, 'base64url')
      .subarray(0, 4)
      .toString('base64url')
    assert.throws(
      () => cipher.decrypt([parts[0], parts[1], parts[2], shortTag, parts[4]].join('.'), ALICE),
      /tag/,
    )
    const keyIdOf = parts[1] as string
    const v1 = legacyV1(key, keyIdOf, 'secret').split('.')
    const v1Short = Buffer.from(v1[3] as string, 'base64url')
      .subarray(0, 12)
      .toString('base64url')
    assert.throws(() => cipher.decrypt([v1[0], v1[1], v1[2], v1Short, v1[4]].join('.'), ALICE), /tag/)
  })
})
