import assert from 'node:assert/strict'
import { createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { createIdentityHasher } from './identity-hash.js'

describe('identity hashes', () => {
  const identityKey = randomBytes(32)
  const dataKey = randomBytes(32)

  it('are stable for one IDENTITY_HASH_KEY, whatever the data keys, and differ for another', () => {
    const before = createIdentityHasher(identityKey, [dataKey])
    const rotated = createIdentityHasher(identityKey, [randomBytes(32), dataKey])
    assert.equal(before.hash('123'), rotated.hash('123'))
    assert.notEqual(before.hash('123'), createIdentityHasher(randomBytes(32), [dataKey]).hash('123'))
    assert.ok(!before.hash('4242').includes('4242'))
  })

  it('still know the hashes made from each DATA_ENCRYPTION_KEY before IDENTITY_HASH_KEY existed', () => {
    const legacyKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'shh-match keyed hash v1', 32))
    const legacy = createHmac('sha256', legacyKey).update('123').digest('hex')
    const hasher = createIdentityHasher(identityKey, [randomBytes(32), dataKey])
    const known = hasher.known('123')
    assert.equal(known[0], hasher.hash('123'))
    assert.ok(known.includes(legacy))
    assert.equal(known.length, 3)
  })
})
