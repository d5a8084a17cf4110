import assert from 'node:assert/strict'
import { createCipheriv, randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createTestContext, type SignedIn, signIn, type TestContext } from '../../../test/helpers/context.js'
import { verifyIdentity } from '../../../test/helpers/factories.js'
import { bannedIdentities, matches, payments, profiles, users } from '../db/schema.js'
import { createFieldCipher } from './crypto.js'
import { reencryptAll } from './reencrypt.js'

const OLD_KEY = randomBytes(32)
const NEW_KEY = randomBytes(32)
const b64 = (key: Buffer) => key.toString('base64')

let ctx: TestContext
before(async () => {
  ctx = await createTestContext({ DATA_ENCRYPTION_KEY: b64(OLD_KEY) })
})
after(() => ctx.close())

const contactOf = async (userId: string) =>
  (await ctx.database.db.select().from(profiles).where(eq(profiles.userId, userId)))[0]?.contactEncrypted ??
  null
const setContact = (userId: string, value: string | null) =>
  ctx.database.db.update(profiles).set({ contactEncrypted: value }).where(eq(profiles.userId, userId))

async function personWithContact(app: typeof ctx.app, kakaoId: string, contact: string): Promise<SignedIn> {
  const who = await signIn(app, kakaoId)
  const res = await app.inject({
    method: 'PUT',
    url: '/profile',
    headers: who.headers,
    payload: { nickname: `p${kakaoId}`, gender: 'F', birthYear: 1995, contact },
  })
  assert.equal(res.statusCode, 200, res.body)
  return who
}

/** How the API stored a contact before values were bound to their row: v1, no additional data. */
function legacyV1(key: Buffer, plaintext: string): string {
  const keyId = createFieldCipher(key).encrypt('x', 'x').split('.')[1] as string
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  const tag = cipher.getAuthTag()
  return [
    'v1',
    keyId,
    iv.toString('base64url'),
    tag.toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.')
}

describe('npm run keys:reencrypt', () => {
  it('moves every value to the current key and format, resumes after a stop, and changes nothing when run again', async () => {
    const legacy = await personWithContact(ctx.app, '1', '010-1111-1111')
    await setContact(legacy.userId, legacyV1(OLD_KEY, '01011111111'))
    const older = await personWithContact(ctx.app, '2', '010-2222-2222')
    const copied = await personWithContact(ctx.app, '3', '010-3333-3333')
    // Someone pasted another person's value into this row: it belongs to `older`, not here.
    await setContact(copied.userId, await contactOf(older.userId))
    await ctx.database.db.insert(bannedIdentities).values({ kakaoIdHash: 'f'.repeat(64), legacy: true })

    // The key rotates: the new key is current, the old one still decrypts.
    const rotatedEnv = { DATA_ENCRYPTION_KEY: b64(NEW_KEY), DATA_ENCRYPTION_OLD_KEYS: b64(OLD_KEY) }
    const rotatedApp = await ctx.build(rotatedEnv)
    const fresh = await personWithContact(rotatedApp, '4', 'https://open.kakao.com/o/fresh')
    const freshValue = await contactOf(fresh.userId)
    const cipher = createFieldCipher(NEW_KEY, [OLD_KEY])

    // The first run stops after its first batch (a crash, a deploy): what it did stays done.
    let batches = 0
    await assert.rejects(
      reencryptAll(ctx.database.db, cipher, {
        batchSize: 1,
        onBatch: () => {
          if (++batches === 1) throw new Error('stopped')
        },
      }),
      /stopped/,
    )
    const rerun = await reencryptAll(ctx.database.db, cipher, { batchSize: 1 })
    const total = (await reencryptAll(ctx.database.db, cipher, { batchSize: 1 })).reencrypted
    assert.equal(total, 0, 'a third run has nothing left to do')
    assert.deepEqual(
      rerun.failed.map((f) => f.key),
      [copied.userId],
    )
    assert.equal(rerun.scanned, 4)
    assert.equal(rerun.legacyBannedIdentities, 1)
    assert.equal(await contactOf(fresh.userId), freshValue, 'a current value is left alone')
    for (const who of [legacy, older]) {
      const value = (await contactOf(who.userId)) as string
      assert.ok(value.startsWith('v2.') && !cipher.isStale(value))
    }

    // The old key can now go: every value but the foreign one reads with the new key alone.
    const newKeyOnly = await ctx.build({ DATA_ENCRYPTION_KEY: b64(NEW_KEY) })
    const expected: Array<[SignedIn, string]> = [
      [legacy, '01011111111'],
      [older, '01022222222'],
      [fresh, 'https://open.kakao.com/o/fresh'],
    ]
    for (const [who, contact] of expected) {
      const me = await newKeyOnly.inject({ method: 'GET', url: '/me', headers: who.headers })
      assert.equal(me.json().profile.contact, contact)
    }
    const foreign = (await contactOf(copied.userId)) as string
    assert.throws(() => cipher.decrypt(foreign, copied.userId), 'bound to the row it was written for')
  })

  it('covers the verified phone numbers as well', async () => {
    await ctx.reset()
    const person = await signIn(ctx.app, '5')
    await verifyIdentity(ctx.app, person, { birthYear: 1990, gender: 'F', phoneNumber: '010-5555-5555' })
    const phoneOf = async () =>
      (await ctx.database.db.select().from(users).where(eq(users.id, person.userId)))[0]
        ?.phoneEncrypted as string
    const before = await phoneOf()
    const cipher = createFieldCipher(NEW_KEY, [OLD_KEY])
    assert.ok(cipher.isStale(before))

    const report = await reencryptAll(ctx.database.db, cipher)
    assert.equal(report.reencrypted, 1)
    assert.deepEqual(report.failed, [])
    const after = await phoneOf()
    assert.ok(!cipher.isStale(after))
    assert.equal(createFieldCipher(NEW_KEY).decrypt(after, person.userId), '01055555555')
  })

  it('covers the refund accounts of virtual-account payments (bound to the payment id)', async () => {
    await ctx.reset()
    const a = await signIn(ctx.app, '6')
    const b = await signIn(ctx.app, '7')
    const [match] = await ctx.database.db
      .insert(matches)
      .values({ userA: a.userId, userB: b.userId, status: 'closed' })
      .returning()
    const paymentId = '6f1c2b3a-0000-4000-8000-000000000016'
    const account = JSON.stringify({ bank: 'KAKAO', number: '3333012345678', holderName: '김민수' })
    await ctx.database.db.insert(payments).values({
      id: paymentId,
      matchId: match?.id as string,
      method: 'virtual_account',
      amount: 30000,
      status: 'refund_due',
      expiresAt: new Date(),
      vaBank: 'SHINHAN',
      vaAccountNumber: '56200000000001',
      vaHolder: '쉿매치',
      vaExpiresAt: new Date(),
      refundAccountEncrypted: createFieldCipher(OLD_KEY).encrypt(account, paymentId),
    })
    const cipher = createFieldCipher(NEW_KEY, [OLD_KEY])
    const report = await reencryptAll(ctx.database.db, cipher)
    assert.equal(report.reencrypted, 1)
    assert.deepEqual(report.failed, [])
    const [row] = await ctx.database.db.select().from(payments).where(eq(payments.id, paymentId))
    assert.equal(
      createFieldCipher(NEW_KEY).decrypt(row?.refundAccountEncrypted as string, paymentId),
      account,
    )
  })
})
