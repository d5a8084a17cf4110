import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  allocate,
  CandidateIndex,
  EXPOSURE_WEIGHT,
  Exclusions,
  exposureCap,
  harmonicMean,
  isCandidate,
  oneSidedScore,
  PairList,
  type PersonInput,
  Population,
  pairScore,
  prng,
} from './engine.js'

const person = (id: string, change: Partial<PersonInput> = {}): PersonInput => ({
  id,
  gender: 'M',
  age: 30,
  region: '서울',
  targetGender: 'F',
  ageMin: 25,
  ageMax: 35,
  regions: [],
  keywords: [],
  completeness: 1,
  timesShown: 0,
  ...change,
})
const woman = (id: string, change: Partial<PersonInput> = {}) =>
  person(id, { gender: 'F', targetGender: 'M', age: 28, ...change })

function world(people: PersonInput[], excludedPairs: Array<[string, string]> = []) {
  const pop = new Population(people)
  const pairs = new PairList()
  for (const [a, b] of excludedPairs) pairs.add(pop.indexOf.get(a) as number, pop.indexOf.get(b) as number)
  const excluded = Exclusions.build(pop.n, pairs)
  const at = (id: string) => pop.indexOf.get(id) as number
  return { pop, excluded, at, candidate: (u: string, c: string) => isCandidate(pop, excluded, at(u), at(c)) }
}

describe('hard filters', () => {
  it('pass a pair who want each other', () => {
    assert.equal(world([person('m'), woman('w')]).candidate('m', 'w'), true)
  })
  it("need each to be the other's target gender, both ways", () => {
    assert.equal(world([person('m'), woman('w', { gender: 'M' })]).candidate('m', 'w'), false)
    assert.equal(world([person('m'), woman('w', { targetGender: 'F' })]).candidate('m', 'w'), false)
  })
  it("need each inside the other's age range, both ways", () => {
    assert.equal(world([person('m'), woman('w', { age: 24 })]).candidate('m', 'w'), false)
    assert.equal(world([person('m'), woman('w', { ageMax: 29 })]).candidate('m', 'w'), false)
    assert.equal(
      world([person('m'), woman('w', { age: 25, ageMin: 30, ageMax: 30 })]).candidate('m', 'w'),
      true,
    )
  })
  it('need the region to be listed when regions are named, both ways', () => {
    assert.equal(world([person('m', { regions: ['부산'] }), woman('w')]).candidate('m', 'w'), false)
    assert.equal(world([person('m'), woman('w', { regions: ['부산', '경남'] })]).candidate('m', 'w'), false)
    assert.equal(world([person('m', { regions: ['서울', '경기'] }), woman('w')]).candidate('m', 'w'), true)
    assert.equal(
      world([person('m', { regions: ['서울'] }), woman('w', { region: null })]).candidate('m', 'w'),
      false,
    )
    assert.equal(world([person('m'), woman('w', { region: null })]).candidate('m', 'w'), true)
  })
  it('drop excluded pairs (blocks, matches, likes, recent exposure) and never pair someone with themselves', () => {
    const w = world([person('m'), woman('w')], [['m', 'w']])
    assert.equal(w.candidate('m', 'w'), false)
    assert.equal(w.candidate('m', 'm'), false)
  })
})

describe('score', () => {
  it('is in [0,1] one-sided and best in the middle of the age range', () => {
    const { pop, at } = world([person('m'), woman('mid', { age: 30 }), woman('edge', { age: 25 })])
    const mid = oneSidedScore(pop, at('m'), at('mid'))
    const edge = oneSidedScore(pop, at('m'), at('edge'))
    assert.ok(mid > edge)
    for (const s of [mid, edge]) assert.ok(s >= 0 && s <= 1)
  })
  it('rewards shared interests', () => {
    const { pop, at } = world([
      person('m', { keywords: ['등산', '커피', '영화'] }),
      woman('same', { keywords: ['등산', '커피', '독서'] }),
      woman('other', { keywords: ['게임'] }),
    ])
    assert.ok(oneSidedScore(pop, at('m'), at('same')) > oneSidedScore(pop, at('m'), at('other')))
  })
  it('counts rare interests (beyond the 64 most common) exactly', () => {
    const filler = Array.from({ length: 70 }, (_, i) => `흔한${i}`)
    const crowd = Array.from({ length: 3 }, (_, i) => person(`f${i}`, { keywords: filler }))
    const { pop, at } = world([
      ...crowd,
      person('m', { keywords: ['희귀A', '희귀B'] }),
      woman('w', { keywords: ['희귀A', '희귀B'] }),
    ])
    assert.equal(pop.sharedKeywords(at('m'), at('w')), 2)
  })
  it('prefers the same region when none is named', () => {
    const { pop, at } = world([person('m'), woman('near'), woman('far', { region: '제주' })])
    assert.ok(oneSidedScore(pop, at('m'), at('near')) > oneSidedScore(pop, at('m'), at('far')))
  })
  it('is reciprocal: the harmonic mean of both sides', () => {
    assert.equal(harmonicMean(1, 1), 1)
    assert.equal(harmonicMean(0, 1), 0)
    assert.ok(Math.abs(harmonicMean(0.4, 0.8) - 0.5333) < 1e-3)
    const { pop, at } = world([person('m'), woman('w', { age: 33 })])
    const expected = harmonicMean(oneSidedScore(pop, at('m'), at('w')), oneSidedScore(pop, at('w'), at('m')))
    assert.equal(pairScore(pop, at('m'), at('w')), Math.round(expected * 1000) / 1000)
  })
  it("moves scores by exposure against the side's average: up for new faces, down for the often shown", () => {
    const { pop, at } = world([
      person('m'),
      woman('new'),
      woman('average', { timesShown: 40 }),
      woman('busy', { timesShown: 80 }),
      woman('busiest', { timesShown: 500 }),
      person('other man', { timesShown: 7 }),
    ])
    const base = (id: string) =>
      Math.round(
        harmonicMean(oneSidedScore(pop, at('m'), at(id)), oneSidedScore(pop, at(id), at('m'))) * 1000,
      ) / 1000
    const shift = (id: string) => Math.round((pairScore(pop, at('m'), at(id)) - base(id)) * 1000) / 1000
    // The women's average is 155 (0, 40, 80, 500): the men's 7 does not enter it.
    assert.equal(shift('new'), EXPOSURE_WEIGHT)
    assert.ok(shift('average') > 0 && shift('average') < EXPOSURE_WEIGHT)
    assert.ok(shift('busy') < shift('average'))
    assert.equal(shift('busiest'), -EXPOSURE_WEIGHT)
  })
})

describe('exposure cap', () => {
  it('is ⌈1.5·K·viewers/candidates⌉ per side', () => {
    assert.equal(exposureCap(10, 80_000, 20_000), 60)
    assert.equal(exposureCap(10, 20_000, 80_000), 4)
    assert.equal(exposureCap(10, 5, 1000), 1)
    assert.equal(exposureCap(10, 5, 0), 0)
  })
})

function randomWorld(n: number, seed: number, exclusions = 0) {
  const random = prng(seed)
  const regions = ['서울', '경기', '부산', '제주']
  const people: PersonInput[] = []
  for (let i = 0; i < n; i++) {
    const gender = random() < 0.6 ? 'M' : 'F'
    const age = 20 + Math.floor(random() * 20)
    people.push(
      person(`p${i}`, {
        gender,
        targetGender: random() < 0.95 ? (gender === 'M' ? 'F' : 'M') : gender,
        age,
        ageMin: age - Math.floor(random() * 8),
        ageMax: age + Math.floor(random() * 8),
        region: random() < 0.1 ? null : (regions[Math.floor(random() * 4)] as string),
        regions: random() < 0.5 ? [] : [regions[Math.floor(random() * 4)] as string],
        keywords: ['a', 'b', 'c', 'd'].filter(() => random() < 0.5),
      }),
    )
  }
  const pairs: Array<[string, string]> = []
  for (let i = 0; i < exclusions; i++) {
    pairs.push([`p${Math.floor(random() * n)}`, `p${Math.floor(random() * n)}`])
  }
  return world(people, pairs)
}

describe('candidate enumeration', () => {
  it('finds exactly the people the hard filters allow', () => {
    const { pop, excluded } = randomWorld(300, 7, 400)
    const index = new CandidateIndex(pop)
    const stamp = new Int32Array(pop.n).fill(-1)
    for (let u = 0; u < pop.n; u++) {
      excluded.stampFor(u, stamp, u)
      const found: number[] = []
      index.forEachCandidate(u, stamp, u, (c) => found.push(c))
      const expected = Array.from(pop.ids.keys()).filter((c) => isCandidate(pop, excluded, u, c))
      assert.deepEqual(
        found.sort((a, b) => a - b),
        expected,
        `person ${pop.ids[u]}`,
      )
    }
  })

  it('samples evenly without leaving the candidate set', () => {
    const { pop, excluded } = randomWorld(600, 11)
    const index = new CandidateIndex(pop)
    const stamp = new Int32Array(pop.n).fill(-1)
    const random = prng(3)
    for (let u = 0; u < pop.n; u += 7) {
      const seen = new Set<number>()
      index.forEachCandidate(u, stamp, u, (c) => seen.add(c), { size: 20, random })
      for (const c of seen) assert.ok(isCandidate(pop, excluded, u, c))
      assert.ok(seen.size <= 20)
    }
  })
})

describe('allocation', () => {
  it('gives only valid, distinct candidates and fills every list that can be filled', () => {
    const { pop, excluded } = randomWorld(500, 5, 300)
    const k = 5
    const viewers = Int32Array.from(pop.ids.keys())
    const result = allocate(pop, excluded, viewers, { k, seed: 9 })
    const load = new Int32Array(pop.n)
    for (let vi = 0; vi < viewers.length; vi++) {
      const u = viewers[vi] as number
      const list = Array.from(result.targets.subarray(vi * k, vi * k + (result.count[vi] as number)))
      assert.equal(new Set(list).size, list.length, 'no one twice in a list')
      for (const c of list) {
        assert.ok(isCandidate(pop, excluded, u, c), 'only people who pass the hard filters')
        load[c] = (load[c] as number) + 1
      }
      const available = Array.from(pop.ids.keys()).filter((c) => isCandidate(pop, excluded, u, c)).length
      assert.equal(list.length, Math.min(k, available), `list of ${pop.ids[u]}`)
    }
    assert.deepEqual(Array.from(load), Array.from(result.load))
  })

  it('keeps everyone within the cap when supply is ample', () => {
    const random = prng(21)
    const people = Array.from({ length: 400 }, (_, i) =>
      i % 4 === 0
        ? woman(`w${i}`, {
            age: 25 + (i % 10),
            ageMin: 20,
            ageMax: 45,
            keywords: random() < 0.5 ? ['a'] : ['b'],
          })
        : person(`m${i}`, {
            age: 25 + (i % 10),
            ageMin: 20,
            ageMax: 45,
            keywords: random() < 0.5 ? ['a'] : ['c'],
          }),
    )
    const { pop, excluded } = world(people)
    const result = allocate(pop, excluded, Int32Array.from(pop.ids.keys()), { k: 10, seed: 4 })
    assert.ok(Array.from(result.count).every((c) => c === 10))
    for (let c = 0; c < pop.n; c++) {
      assert.ok((result.load[c] as number) <= (pop.gender[c] === 0 ? result.caps.M : result.caps.F))
    }
  })

  it('keeps a popular person within the cap while lists stay full', () => {
    const shared = ['등산', '커피', '영화', '여행']
    const men = Array.from({ length: 20 }, (_, i) => person(`m${i}`, { keywords: shared }))
    const women = [
      woman('star', { keywords: shared }),
      ...Array.from({ length: 9 }, (_, i) => woman(`w${i}`, { completeness: 0.5 })),
    ]
    const { pop, excluded, at } = world([...men, ...women])
    const viewers = Int32Array.from(men.map((m) => at(m.id)))
    const result = allocate(pop, excluded, viewers, { k: 3 })
    assert.equal(result.caps.F, 9)
    const star = result.load[at('star')] as number
    assert.ok(star <= 9)
    // Rounds spread the rest first, yet the best match is still the one shown most.
    assert.ok(women.every((w) => (result.load[at(w.id)] as number) <= star))
    assert.ok(Array.from(result.count).every((c) => c === 3))
  })

  it('counts appearances from lists written earlier this week', () => {
    const men = Array.from({ length: 4 }, (_, i) => person(`m${i}`))
    const { pop, excluded, at } = world([...men, woman('a'), woman('b')])
    const initialLoad = new Int32Array(pop.n)
    initialLoad[at('a')] = 6
    const result = allocate(pop, excluded, Int32Array.from(men.map((m) => at(m.id))), { k: 1, initialLoad })
    assert.equal(result.caps.F, 3)
    const picks = Array.from(result.targets).map((c) => pop.ids[c])
    // b is served up to her cap; the fourth list then goes beyond a cap, to the one shown least (b, 3 < 6).
    assert.deepEqual(picks, ['b', 'b', 'b', 'b'])
  })
})
