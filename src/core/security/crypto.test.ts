import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { createFieldCipher } from './crypto.js'

describe('field encryption', () => {
  const key = randomBytes(32)
  it('round-trips, with a fresh IV each time and no plaintext in the stored value', () => {
    const cipher = createFieldCipher(key)
    const a = cipher.encrypt('01012345678')
    const b = cipher.encrypt('01012345678')
    assert.notEqual(a, b)
    assert.ok(!a.includes('01012345678'))
    assert.match(a, /^v1\.[\w-]{8}\./)
    assert.equal(cipher.decrypt(a), '01012345678')
  })

  it('decrypts values written under a previous key after rotation', () => {
    const old = createFieldCipher(key)
    const stored = old.encrypt('https://open.kakao.com/o/abc')
    const rotated = createFieldCipher(randomBytes(32), [key])
    assert.equal(rotated.decrypt(stored), 'https://open.kakao.com/o/abc')
    assert.notEqual(rotated.encrypt('x').split('.')[1], stored.split('.')[1])
  })

  it('refuses a tampered value or an unknown key', () => {
    const cipher = createFieldCipher(key)
    const stored = cipher.encrypt('01012345678')
    const parts = stored.split('.')
    const flipped = Buffer.from(parts[4] as string, 'base64url')
    flipped[0] = (flipped[0] as number) ^ 1
    parts[4] = flipped.toString('base64url')
    assert.throws(() => cipher.decrypt(parts.join('.')))
    assert.throws(() => createFieldCipher(randomBytes(32)).decrypt(stored))
  })
})
