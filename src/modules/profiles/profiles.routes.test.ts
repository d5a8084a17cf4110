import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import {
  createTestContext,
  type SignedIn,
  signIn,
  type TestContext,
  validPreferences,
  validProfile,
} from '../../../test/helpers/context.js'
import { preferences, profiles, users } from '../../core/db/schema.js'

let ctx: TestContext
let user: SignedIn
before(async () => {
  ctx = await createTestContext()
})
after(() => ctx.close())
beforeEach(async () => {
  await ctx.reset()
  user = await signIn(ctx.app, '7001')
})

const put = (url: string, payload: unknown, who: SignedIn | null = user) =>
  ctx.app.inject({ method: 'PUT', url, payload: payload as object, headers: who ? who.headers : {} })
const getMe = () => ctx.app.inject({ method: 'GET', url: '/me', headers: user.headers })

describe('GET /me', () => {
  it('shows null profile and preferences before they are saved, and both after', async () => {
    const before = (await getMe()).json()
    assert.equal(before.user.id, user.userId)
    assert.equal(before.profile, null)
    assert.equal(before.preferences, null)

    assert.equal((await put('/profile', validProfile)).statusCode, 200)
    assert.equal((await put('/preferences', validPreferences)).statusCode, 200)
    const after = (await getMe()).json()
    assert.equal(after.profile.nickname, '지은')
    assert.equal(after.profile.age, 30)
    assert.deepEqual(after.profile.visible, {
      age: true,
      height: false,
      region: true,
      job: true,
      intro: true,
    })
    assert.deepEqual(after.preferences.regions, ['서울', '경기'])
    assert.equal(after.preferences.ageMin, 27)
  })

  it('requires a token', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/me' })
    assert.equal(res.statusCode, 401)
  })
})

describe('PUT /profile', () => {
  it('saves, returns camelCase and replaces on the next PUT', async () => {
    const first = await put('/profile', { ...validProfile, visible: { height: true } })
    assert.equal(first.statusCode, 200)
    const body = first.json()
    assert.equal(body.userId, user.userId)
    assert.equal(body.birthYear, 1996)
    assert.equal(body.height, 165)
    assert.deepEqual(body.photos, [])
    assert.equal(body.visible.height, true)
    assert.equal(body.visible.age, true)

    const second = await put('/profile', { nickname: '  지은2  ', gender: 'F', birthYear: 1995 })
    assert.equal(second.statusCode, 200)
    assert.equal(second.json().nickname, '지은2')
    assert.equal(second.json().height, null)
    assert.equal(second.json().job, null)
    assert.deepEqual(second.json().photos, [])
    const rows = await ctx.database.db.select().from(profiles)
    assert.equal(rows.length, 1)
    assert.equal(rows[0]?.birthYear, 1995)
  })

  it('ignores fields it does not know, including role and userId', async () => {
    const other = await signIn(ctx.app, '7002')
    const res = await put('/profile', { ...validProfile, role: 'admin', userId: other.userId, banned: false })
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().userId, user.userId)
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, user.userId))
    assert.equal(row?.role, 'user')
    assert.equal(
      (await ctx.database.db.select().from(profiles).where(eq(profiles.userId, other.userId))).length,
      0,
    )
  })

  it('accepts someone who turns 19 this year (Korean year age) and refuses 18', async () => {
    // The test clock is in 2026.
    assert.equal((await put('/profile', { ...validProfile, birthYear: 2007 })).statusCode, 200)
    const res = await put('/profile', { ...validProfile, birthYear: 2008 })
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'UNDERAGE')
    // The refused update changed nothing.
    assert.equal((await getMe()).json().profile.birthYear, 2007)
  })

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['a gender other than M/F', { gender: 'X' }, 'body/gender'],
    ['a birth year that makes no sense', { birthYear: 1890 }, 'body/birthYear'],
    ['a birth year over 100 years ago', { birthYear: 1920 }, 'body/birthYear'],
    ['a fractional birth year', { birthYear: 1995.5 }, 'body/birthYear'],
    ['a birth year sent as a string', { birthYear: '1995' }, 'body/birthYear'],
    ['a height below the human range', { height: 99 }, 'body/height'],
    ['a height above the human range', { height: 251 }, 'body/height'],
    ['an empty nickname', { nickname: '' }, 'body/nickname'],
    ['a blank nickname', { nickname: '   ' }, 'body/nickname'],
    ['a nickname over 20 characters', { nickname: '가'.repeat(21) }, 'body/nickname'],
    ['an intro over 500 characters', { intro: 'a'.repeat(501) }, 'body/intro'],
    ['a job over 50 characters', { job: 'a'.repeat(51) }, 'body/job'],
    ['a region that is not a 시·도', { region: 'Gotham' }, 'body/region'],
    [
      'more than 20 photos',
      { photos: Array.from({ length: 21 }, (_, i) => `/media/photos/${i}.webp`) },
      'body/photos',
    ],
    ['a photo URL with a control character', { photos: ['/media/a\u0000b'] }, 'body/photos/0'],
    ['the same photo twice', { photos: ['/media/photos/1.webp', '/media/photos/1.webp'] }, 'body/photos'],
    ['an unknown visibility key', { visible: { age: true, phone: true } }, 'body/visible'],
    ['a visibility value that is not a boolean', { visible: { age: 'yes' } }, 'body/visible/age'],
    ['a missing nickname', { nickname: undefined }, 'body/nickname'],
  ]
  for (const [what, change, field] of invalid) {
    it(`refuses ${what} with 400`, async () => {
      await put('/profile', validProfile)
      const res = await put('/profile', { ...validProfile, ...change })
      assert.equal(res.statusCode, 400, res.body)
      const { error } = res.json()
      assert.ok(['VALIDATION_ERROR', 'UNDERAGE'].includes(error.code))
      assert.ok(
        error.details.some((d: { field: string }) => d.field === field),
        `${field} not in ${JSON.stringify(error.details)}`,
      )
      assert.equal((await getMe()).json().profile.nickname, validProfile.nickname, 'stored profile unchanged')
    })
  }

  it('refuses a body that is not an object', async () => {
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/profile',
      headers: { ...user.headers, 'content-type': 'application/json' },
      payload: '[1,2]',
    })
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'VALIDATION_ERROR')
  })
})

describe('PUT /preferences', () => {
  it('saves and replaces, de-duplicating keywords', async () => {
    const res = await put('/preferences', {
      ...validPreferences,
      keywords: [' 등산 ', '등산', 'Coffee', 'coffee'],
    })
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json().keywords, ['등산', 'Coffee'])
    const again = await put('/preferences', { targetGender: 'F', ageMin: 19, ageMax: 100 })
    assert.deepEqual(again.json().regions, [])
    assert.deepEqual(again.json().keywords, [])
    const rows = await ctx.database.db.select().from(preferences)
    assert.equal(rows.length, 1)
    assert.equal(rows[0]?.targetGender, 'F')
  })

  it('accepts ageMin equal to ageMax', async () => {
    assert.equal((await put('/preferences', { ...validPreferences, ageMin: 30, ageMax: 30 })).statusCode, 200)
  })

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['ageMin greater than ageMax', { ageMin: 40, ageMax: 30 }, 'body/ageMin'],
    ['ageMin under 19', { ageMin: 18 }, 'body/ageMin'],
    ['ageMax over 100', { ageMax: 101 }, 'body/ageMax'],
    ['a fractional age', { ageMin: 20.5 }, 'body/ageMin'],
    ['a targetGender other than M/F', { targetGender: 'any' }, 'body/targetGender'],
    ['a missing targetGender', { targetGender: undefined }, 'body/targetGender'],
    ['an unknown region', { regions: ['서울', 'Atlantis'] }, 'body/regions/1'],
    ['a repeated region', { regions: ['서울', '서울'] }, 'body/regions'],
    ['more than 10 keywords', { keywords: Array.from({ length: 11 }, (_, i) => `k${i}`) }, 'body/keywords'],
    ['a keyword over 20 characters', { keywords: ['a'.repeat(21)] }, 'body/keywords/0'],
    ['a blank keyword', { keywords: ['  '] }, 'body/keywords/0'],
    ['regions that is not an array', { regions: '서울' }, 'body/regions'],
  ]
  for (const [what, change, field] of invalid) {
    it(`refuses ${what} with 400`, async () => {
      await put('/preferences', validPreferences)
      const res = await put('/preferences', { ...validPreferences, ...change })
      assert.equal(res.statusCode, 400, res.body)
      assert.ok(
        res.json().error.details.some((d: { field: string }) => d.field === field),
        `${field} not in ${res.body}`,
      )
      assert.equal(
        (await getMe()).json().preferences.ageMin,
        validPreferences.ageMin,
        'stored preferences unchanged',
      )
    })
  }

  it('ignores a blocks field: blocks have their own table', async () => {
    const res = await put('/preferences', {
      ...validPreferences,
      blocks: ['00000000-0000-4000-8000-000000000000'],
    })
    assert.equal(res.statusCode, 200)
    assert.equal('blocks' in res.json(), false)
  })

  it('requires a token', async () => {
    assert.equal((await put('/preferences', validPreferences, null)).statusCode, 401)
  })
})

describe('contact on PUT /profile', () => {
  const save = (contact: unknown) => put('/profile', { ...validProfile, contact })
  it('normalises Korean mobile numbers to digits and keeps open-chat links', async () => {
    for (const [given, stored] of [
      ['010-1234-5678', '01012345678'],
      ['010 1234 5678', '01012345678'],
      ['+82 10-1234-5678', '01012345678'],
      ['011-234-5678', '0112345678'],
      ['https://open.kakao.com/o/gAbC123', 'https://open.kakao.com/o/gAbC123'],
    ]) {
      const res = await save(given)
      assert.equal(res.statusCode, 200, given)
      assert.equal(res.json().contact, stored)
    }
  })

  it('refuses anything else with 400 INVALID_CONTACT and keeps the stored one', async () => {
    await save('01012345678')
    for (const bad of [
      '02-123-4567',
      '12345',
      'https://evil.example.com/o/x',
      'http://open.kakao.com/o/x',
      'a'.repeat(201),
    ]) {
      const res = await save(bad)
      assert.equal(res.statusCode, 400, bad)
    }
    assert.equal((await getMe()).json().profile.contact, '01012345678')
  })

  it('clears the contact when a PUT leaves it out', async () => {
    await save('01012345678')
    await put('/profile', validProfile)
    assert.equal((await getMe()).json().profile.contact, null)
  })
})
