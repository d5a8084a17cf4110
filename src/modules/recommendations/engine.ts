/**
 * The weekly matchmaking engine: pure, in-memory and fast enough for 100,000 people on one core.
 *
 * 1. Hard filters, both directions (`isCandidate`): each wants the other's gender, each is in the
 *    other's age range, each is in the other's regions (when named), and the pair is not excluded
 *    (block either way, any match, a like already given, shown in the last 12 weeks).
 * 2. A one-sided score s(u→c) ∈ [0,1] of how well c fits what u asked for; the pair score is the
 *    harmonic mean of s(u→c) and s(c→u), as reciprocal recommenders do (RECON, Pizzato et al. 2010),
 *    plus an exposure term: up for people shown less than their side's average over the last four
 *    weeks, down for those shown more, so who is seen rotates from week to week.
 * 3. Fair exposure: nobody appears in more than ⌈1.5·K·viewers/candidates⌉ lists a week (per gender
 *    side); lists are filled greedily by pair score, best pairs first, across everyone at once, in
 *    rounds whose limit rises to the cap (water-filling): everyone a viewer ranks high gets a first
 *    appearance before anyone gets a third.
 *
 * People are held as columns of typed arrays indexed 0..n-1 (a struct of arrays), so the inner loops
 * touch numbers only.
 */
import { KOREAN_REGIONS } from '../profiles/profiles.schemas.js'

export const MIN_AGE = 19
export const MAX_AGE = 100
const AGE_SPAN = MAX_AGE - MIN_AGE + 1
/** Region slots: 0 = no region given, 1..17 = KOREAN_REGIONS. */
const REGION_SLOTS = KOREAN_REGIONS.length + 1
const REGION_INDEX = new Map<string, number>(KOREAN_REGIONS.map((r, i) => [r, i + 1]))

export const SCORE_WEIGHTS = { age: 0.35, region: 0.15, interests: 0.35, completeness: 0.15 } as const
/** The exposure term's range: ±this, +this for someone not shown lately. */
export const EXPOSURE_WEIGHT = 0.1
/** Pass 2 raises the per-person limit to the cap in this many rounds. */
const FILL_ROUNDS = 4
export const CAP_FACTOR = 1.5
const SCORE_KEY_MAX = 2 ** 20
const EDGE_KEY_SPAN = 2 ** 28

export interface PersonInput {
  id: string
  gender: 'M' | 'F'
  age: number
  region: string | null
  targetGender: 'M' | 'F'
  ageMin: number
  ageMax: number
  /** Empty: anywhere. */
  regions: readonly string[]
  keywords: readonly string[]
  /** Share of optional profile parts filled in (photo, intro, job, height), 0..1. */
  completeness: number
  /** Times this person was shown to someone in the last weeks (EXPOSURE_MEMORY_WEEKS). */
  timesShown: number
}

const genderCode = (g: 'M' | 'F') => (g === 'M' ? 0 : 1)

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** The (gender, age, region) bucket of a person: people are stored in bucket order. */
function bucketKey(gender: number, age: number, region: number): number {
  const clamped = Math.min(MAX_AGE, Math.max(MIN_AGE, age))
  return (gender * AGE_SPAN + (clamped - MIN_AGE)) * REGION_SLOTS + region
}
const BUCKETS = 2 * AGE_SPAN * REGION_SLOTS

/**
 * Everyone the batch may consider, as columns. People are renumbered in (gender, age, region) order,
 * so a bucket of candidates is a contiguous index range and scanning it reads memory in sequence.
 */
export class Population {
  readonly n: number
  /** User ids in internal order: `ids[i]` is person i. */
  readonly ids: string[]
  readonly indexOf: Map<string, number>
  /** People of bucket b are indices bucketStart[b] .. bucketStart[b+1]-1. */
  readonly bucketStart: Int32Array
  readonly gender: Uint8Array
  readonly target: Uint8Array
  readonly age: Int16Array
  readonly ageMin: Int16Array
  readonly ageMax: Int16Array
  /** 0 = none given, else 1 + index in KOREAN_REGIONS. */
  readonly region: Uint8Array
  /** Bit r set = region slot r accepted; 0 = anywhere. */
  readonly regionMask: Int32Array
  /** The 64 most frequent keywords are bits in two words; rarer ones are sorted ids in `rareKeywords`. */
  readonly kwLo: Int32Array
  readonly kwHi: Int32Array
  readonly kwCount: Uint8Array
  readonly rareKeywords: Array<Int32Array | null>
  readonly completeness: Float32Array
  /** Precomputed for the score: the middle of the age range and 1 / its half-width. */
  readonly ageMid: Float32Array
  readonly ageInvHalf: Float32Array
  /** 1 / min(3, number of keywords), or 0 without keywords. */
  readonly interestInv: Float32Array
  /** The exposure term added to a pair score when this person is the one recommended. */
  readonly prior: Float32Array

  constructor(input: readonly PersonInput[]) {
    const n = input.length
    this.n = n
    const keyOf = (p: PersonInput) =>
      bucketKey(genderCode(p.gender), p.age, (p.region && REGION_INDEX.get(p.region)) || 0)
    const keys = input.map(keyOf)
    const order = Array.from(input.keys()).sort((a, b) => (keys[a] as number) - (keys[b] as number))
    const people = order.map((i) => input[i] as PersonInput)
    this.ids = people.map((p) => p.id)
    this.indexOf = new Map(this.ids.map((id, i) => [id, i]))
    this.bucketStart = new Int32Array(BUCKETS + 1)
    for (const p of people) {
      const key = keyOf(p)
      this.bucketStart[key + 1] = (this.bucketStart[key + 1] as number) + 1
    }
    for (let b = 0; b < BUCKETS; b++) {
      this.bucketStart[b + 1] = (this.bucketStart[b + 1] as number) + (this.bucketStart[b] as number)
    }
    this.gender = new Uint8Array(n)
    this.target = new Uint8Array(n)
    this.age = new Int16Array(n)
    this.ageMin = new Int16Array(n)
    this.ageMax = new Int16Array(n)
    this.region = new Uint8Array(n)
    this.regionMask = new Int32Array(n)
    this.kwLo = new Int32Array(n)
    this.kwHi = new Int32Array(n)
    this.kwCount = new Uint8Array(n)
    this.rareKeywords = new Array(n).fill(null)
    this.completeness = new Float32Array(n)
    this.ageMid = new Float32Array(n)
    this.ageInvHalf = new Float32Array(n)
    this.interestInv = new Float32Array(n)
    this.prior = new Float32Array(n)

    // Keyword ids by frequency, so that the common ones get the fast bit representation.
    const frequency = new Map<string, number>()
    for (const p of people) {
      for (const k of new Set(p.keywords.map((x) => x.toLowerCase())))
        frequency.set(k, (frequency.get(k) ?? 0) + 1)
    }
    const keywordId = new Map([...frequency.entries()].sort((a, b) => b[1] - a[1]).map(([k], i) => [k, i]))
    // Each side's average exposure: the men's is a few a week, the women's dozens.
    const shown = [0, 0]
    const headcount = [0, 0]
    for (const p of people) {
      const g = genderCode(p.gender)
      shown[g] = (shown[g] as number) + p.timesShown
      headcount[g] = (headcount[g] as number) + 1
    }
    const average = shown.map((s, g) => s / Math.max(1, headcount[g] as number))

    for (let i = 0; i < n; i++) {
      const p = people[i] as PersonInput
      this.gender[i] = genderCode(p.gender)
      this.target[i] = genderCode(p.targetGender)
      this.age[i] = p.age
      this.ageMin[i] = Math.max(MIN_AGE, p.ageMin)
      this.ageMax[i] = Math.min(MAX_AGE, p.ageMax)
      this.region[i] = (p.region && REGION_INDEX.get(p.region)) || 0
      let mask = 0
      for (const r of p.regions) {
        const slot = REGION_INDEX.get(r)
        if (slot) mask |= 1 << slot
      }
      this.regionMask[i] = mask
      const rare: number[] = []
      const ids = new Set(p.keywords.map((k) => keywordId.get(k.toLowerCase()) as number))
      for (const id of ids) {
        if (id < 32) this.kwLo[i] = (this.kwLo[i] as number) | (1 << id)
        else if (id < 64) this.kwHi[i] = (this.kwHi[i] as number) | (1 << (id - 32))
        else rare.push(id)
      }
      this.kwCount[i] = Math.min(255, ids.size)
      this.rareKeywords[i] = rare.length ? Int32Array.from(rare.sort((a, b) => a - b)) : null
      this.completeness[i] = Math.max(0, Math.min(1, p.completeness))
      const lo = this.ageMin[i] as number
      const hi = this.ageMax[i] as number
      this.ageMid[i] = (lo + hi) / 2
      this.ageInvHalf[i] = 1 / Math.max(1, (hi - lo) / 2)
      this.interestInv[i] = ids.size === 0 ? 0 : 1 / Math.min(3, ids.size)
      const mean = average[this.gender[i] as number] as number
      this.prior[i] = mean > 0 ? EXPOSURE_WEIGHT * (1 - Math.min(2, p.timesShown / mean)) : 0
    }
  }

  sharedKeywords(u: number, c: number): number {
    let shared =
      popcount((this.kwLo[u] as number) & (this.kwLo[c] as number)) +
      popcount((this.kwHi[u] as number) & (this.kwHi[c] as number))
    const a = this.rareKeywords[u]
    const b = this.rareKeywords[c]
    if (a && b) {
      let i = 0
      let j = 0
      while (i < a.length && j < b.length) {
        const x = a[i] as number
        const y = b[j] as number
        if (x === y) {
          shared++
          i++
          j++
        } else if (x < y) i++
        else j++
      }
    }
    return shared
  }
}

/** Per-person sets of people they must not be shown (compressed sparse rows). */
export class Exclusions {
  private constructor(
    private readonly offsets: Int32Array,
    private readonly targets: Int32Array,
  ) {}

  static build(n: number, pairs: { from: Int32Array; to: Int32Array; length: number }): Exclusions {
    const offsets = new Int32Array(n + 1)
    for (let i = 0; i < pairs.length; i++) {
      const slot = (pairs.from[i] as number) + 1
      offsets[slot] = (offsets[slot] as number) + 1
    }
    for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number)
    const fill = offsets.slice(0, n)
    const targets = new Int32Array(pairs.length)
    for (let i = 0; i < pairs.length; i++) {
      const u = pairs.from[i] as number
      targets[fill[u] as number] = pairs.to[i] as number
      fill[u] = (fill[u] as number) + 1
    }
    return new Exclusions(offsets, targets)
  }

  /** Marks u's excluded people in `stamp` with `mark`, so a check is one array read. */
  stampFor(u: number, stamp: Int32Array, mark: number): void {
    const end = this.offsets[u + 1] as number
    for (let i = this.offsets[u] as number; i < end; i++) stamp[this.targets[i] as number] = mark
  }

  has(u: number, c: number): boolean {
    const end = this.offsets[u + 1] as number
    for (let i = this.offsets[u] as number; i < end; i++) if (this.targets[i] === c) return true
    return false
  }
}

const HEX = new Int8Array(128).fill(-1)
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i
}

/**
 * Finds a person by the 16 bytes of their UUID (PostgreSQL's `uuid_send`), so that millions of
 * excluded ids are looked up without making a string for each. Open addressing over the random
 * bits of version-4 UUIDs; every hit is confirmed on all 16 bytes.
 */
export class IdIndex {
  private readonly bytes: Uint8Array
  private readonly slots: Int32Array
  private readonly mask: number

  constructor(ids: readonly string[]) {
    const n = ids.length
    this.bytes = new Uint8Array(n * 16)
    let size = 1024
    while (size < 2 * n) size *= 2
    this.slots = new Int32Array(size).fill(-1)
    this.mask = size - 1
    for (let i = 0; i < n; i++) {
      const id = ids[i] as string
      let o = i * 16
      let high = -1
      for (let j = 0; j < id.length; j++) {
        const v = HEX[id.charCodeAt(j)] ?? -1
        if (v < 0) continue
        if (high < 0) high = v
        else {
          this.bytes[o++] = (high << 4) | v
          high = -1
        }
      }
      if (o !== i * 16 + 16) throw new Error(`not a UUID: ${id.slice(0, 40)}`)
      let slot = this.hash(this.bytes, i * 16)
      while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & this.mask
      this.slots[slot] = i
    }
  }

  private hash(b: Uint8Array, o: number): number {
    const a =
      (b[o] as number) |
      ((b[o + 1] as number) << 8) |
      ((b[o + 2] as number) << 16) |
      ((b[o + 3] as number) << 24)
    const z =
      (b[o + 12] as number) |
      ((b[o + 13] as number) << 8) |
      ((b[o + 14] as number) << 16) |
      ((b[o + 15] as number) << 24)
    return (Math.imul(a ^ Math.imul(z, 0x9e3779b1), 0x85ebca6b) >>> 7) & this.mask
  }

  /** The person whose id is the 16 bytes at `offset`, or -1. */
  find(b: Uint8Array, offset: number): number {
    let slot = this.hash(b, offset)
    for (;;) {
      const i = this.slots[slot] as number
      if (i < 0) return -1
      let same = true
      const o = i * 16
      for (let j = 0; j < 16; j++) {
        if (this.bytes[o + j] !== b[offset + j]) {
          same = false
          break
        }
      }
      if (same) return i
      slot = (slot + 1) & this.mask
    }
  }
}

/** A growable list of (from, to) index pairs. */
export class PairList {
  from = new Int32Array(1024)
  to = new Int32Array(1024)
  length = 0
  add(from: number, to: number): void {
    if (this.length === this.from.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2)
        b.set(a)
        return b
      }
      this.from = grow(this.from)
      this.to = grow(this.to)
    }
    this.from[this.length] = from
    this.to[this.length] = to
    this.length++
  }
}

/** Does u's side of the pair hold: c has the gender, age and region u asked for? */
function fitsWishes(pop: Population, u: number, c: number): boolean {
  if (pop.gender[c] !== pop.target[u]) return false
  const age = pop.age[c] as number
  if (age < (pop.ageMin[u] as number) || age > (pop.ageMax[u] as number)) return false
  const mask = pop.regionMask[u] as number
  return mask === 0 || (mask & (1 << (pop.region[c] as number)) & ~1) !== 0
}

/** The hard filters, both directions. The batch enumerates by buckets; this is their definition. */
export function isCandidate(pop: Population, excluded: Exclusions, u: number, c: number): boolean {
  return u !== c && fitsWishes(pop, u, c) && fitsWishes(pop, c, u) && !excluded.has(u, c)
}

/** s(u→c) ∈ [0,1]: how well c matches what u asked for. */
export function oneSidedScore(pop: Population, u: number, c: number): number {
  // 1 in the middle of u's age range, 0.5 at its edges.
  const ageFit =
    1 -
    0.5 *
      Math.min(
        1,
        Math.abs((pop.age[c] as number) - (pop.ageMid[u] as number)) * (pop.ageInvHalf[u] as number),
      )
  // Named regions are a hard filter; with none named, living in the same region still helps.
  const regionFit =
    (pop.regionMask[u] as number) !== 0 ? 1 : pop.region[c] !== 0 && pop.region[c] === pop.region[u] ? 1 : 0.6
  // Shared interests, saturating at three (or at all of u's, if u listed fewer).
  const inv = pop.interestInv[u] as number
  const interestFit = inv === 0 ? 0.5 : Math.min(1, pop.sharedKeywords(u, c) * inv)
  return (
    SCORE_WEIGHTS.age * ageFit +
    SCORE_WEIGHTS.region * regionFit +
    SCORE_WEIGHTS.interests * interestFit +
    SCORE_WEIGHTS.completeness * (pop.completeness[c] as number)
  )
}

export function harmonicMean(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0
}

/** The score stored for "c recommended to u". */
export function pairScore(pop: Population, u: number, c: number): number {
  const score = harmonicMean(oneSidedScore(pop, u, c), oneSidedScore(pop, c, u)) + (pop.prior[c] as number)
  return Math.max(0, Math.round(score * 1000) / 1000)
}

/** ⌈CAP_FACTOR·K·viewers/candidates⌉: how many lists one person may appear in this week. */
export function exposureCap(k: number, viewers: number, candidates: number): number {
  if (candidates === 0) return 0
  return Math.max(1, Math.ceil((CAP_FACTOR * k * viewers) / candidates))
}

/** Visits every c that passes the hard filters for u; buckets by (gender, age, region) keep it fast. */
export class CandidateIndex {
  private readonly start: Int32Array
  /** Bucket ranges [from, to) of the people with the gender, ages and regions u asks for. */
  private readonly ranges = new Int32Array(2 * AGE_SPAN * REGION_SLOTS)

  constructor(private readonly pop: Population) {
    this.start = pop.bucketStart
  }

  private collectRanges(u: number): { count: number; total: number } {
    const pop = this.pop
    const wantGender = pop.target[u] as number
    const mask = pop.regionMask[u] as number
    let count = 0
    let total = 0
    const add = (from: number, to: number) => {
      if (to <= from) return
      // Adjacent buckets (one age, every region) merge into one range.
      if (count > 0 && this.ranges[count - 1] === from) this.ranges[count - 1] = to
      else {
        this.ranges[count++] = from
        this.ranges[count++] = to
      }
      total += to - from
    }
    for (let age = pop.ageMin[u] as number; age <= (pop.ageMax[u] as number); age++) {
      const base = bucketKey(wantGender, age, 0)
      if (mask === 0) {
        add(this.start[base] as number, this.start[base + REGION_SLOTS] as number)
        continue
      }
      for (let slot = 1; slot < REGION_SLOTS; slot++) {
        if ((mask & (1 << slot)) !== 0)
          add(this.start[base + slot] as number, this.start[base + slot + 1] as number)
      }
    }
    return { count, total }
  }

  /**
   * Calls `visit(c)` for the c with isCandidate(u, c), given that `stamp[c] === mark` exactly for u's
   * exclusions (see Exclusions.stampFor). With `sample`, at most that many people of u's wished-for
   * gender, ages and regions are looked at, evenly spread from a random start: popular profiles have
   * thousands of candidates, and ranking a fair sample of them costs a fraction of ranking them all.
   */
  forEachCandidate(
    u: number,
    stamp: Int32Array,
    mark: number,
    visit: (c: number) => void,
    sample?: { size: number; random: () => number },
  ): void {
    const pop = this.pop
    const myGender = pop.gender[u] as number
    const myAge = pop.age[u] as number
    const myRegionBit = 1 << (pop.region[u] as number)
    const { count, total } = this.collectRanges(u)
    const step = sample && total > sample.size ? total / sample.size : 1
    // `position` walks all ranges as if they were one list.
    let position = step > 1 && sample ? sample.random() * step : 0
    let skipped = 0
    for (let r = 0; r < count; r += 2) {
      const from = this.ranges[r] as number
      const length = (this.ranges[r + 1] as number) - from
      while (position < skipped + length) {
        const c = from + Math.floor(position - skipped)
        position += step
        if (c === u || stamp[c] === mark) continue
        if (pop.target[c] !== myGender) continue
        if (myAge < (pop.ageMin[c] as number) || myAge > (pop.ageMax[c] as number)) continue
        const theirMask = pop.regionMask[c] as number
        if (theirMask !== 0 && (theirMask & myRegionBit & ~1) === 0) continue
        visit(c)
      }
      skipped += length
    }
  }
}

export interface AllocationOptions {
  k: number
  /** How many people of the wished-for kind pass 1 looks at per viewer (default 600). */
  sampleSize?: number
  /** Appearances each person already has this week (lists written by an earlier, partial run). */
  initialLoad?: Int32Array
  /** Seed for the sampling and for the order in which equal scores are served (reproducible runs). */
  seed?: number
  /**
   * Per-person limits, counting initialLoad (default: exposureCap over these viewers). The batch,
   * allocating a slice of viewers at a time, passes the week's caps scaled to the share of viewers
   * served so far, so the first slices cannot use up the most wanted people.
   */
  caps?: { M: number; F: number }
}

export interface Allocation {
  /** For viewer i (in the order given): targets[i*k .. i*k+count[i]) and their scores. */
  targets: Int32Array
  scores: Float32Array
  count: Uint8Array
  caps: { M: number; F: number }
  /** Appearances per person after this allocation (including initialLoad). */
  load: Int32Array
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Sort key for "best score first, then lower id": scores have three decimals, so it is exact. */
const sortKey = (score: number, id: number) => (SCORE_KEY_MAX - Math.round(score * 1000)) * EDGE_KEY_SPAN + id

/**
 * Fills a list of up to K for every viewer.
 * Pass 1 keeps each viewer's best 3K candidates from a sample; pass 2 serves all those pairs
 * best-first across everyone, within the exposure caps; pass 3 tops up lists left short, from a
 * larger sample and then from every candidate, within the caps first, then (so that nobody gets a
 * short list while candidates exist) beyond them, least shown first.
 */
export function allocate(
  pop: Population,
  excluded: Exclusions,
  viewers: Int32Array,
  options: AllocationOptions,
): Allocation {
  const k = options.k
  const keep = 3 * k
  const sampleSize = options.sampleSize ?? 600
  const index = new CandidateIndex(pop)
  const stamp = new Int32Array(pop.n).fill(-1)
  const load = options.initialLoad ? Int32Array.from(options.initialLoad) : new Int32Array(pop.n)
  const random = prng(options.seed ?? 1)

  let viewersWantingM = 0
  for (const u of viewers) if (pop.target[u] === 0) viewersWantingM++
  let men = 0
  for (let i = 0; i < pop.n; i++) if (pop.gender[i] === 0) men++
  const caps = options.caps ?? {
    M: exposureCap(k, viewersWantingM, men),
    F: exposureCap(k, viewers.length - viewersWantingM, pop.n - men),
  }
  const capOf = (c: number) => (pop.gender[c] === 0 ? caps.M : caps.F)

  // Serve viewers in a seeded random order, so ties favour nobody systematically.
  const order = Int32Array.from(viewers.keys())
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = order[i] as number
    order[i] = order[j] as number
    order[j] = t
  }

  // Pass 1: each viewer's best `keep` candidates (a bounded min-heap per viewer).
  const edgeViewer = new Int32Array(viewers.length * keep)
  const edgeTarget = new Int32Array(viewers.length * keep)
  const edgeScore = new Float64Array(viewers.length * keep)
  let edges = 0
  const heapScore = new Float64Array(keep)
  const heapTarget = new Int32Array(keep)
  let size = 0
  let u = 0
  const offer = (c: number) => {
    const s = pairScore(pop, u, c)
    if (size < keep) {
      let i = size++
      while (i > 0) {
        const parent = (i - 1) >> 1
        if ((heapScore[parent] as number) <= s) break
        heapScore[i] = heapScore[parent] as number
        heapTarget[i] = heapTarget[parent] as number
        i = parent
      }
      heapScore[i] = s
      heapTarget[i] = c
    } else if (s > (heapScore[0] as number)) {
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        if (l >= size) break
        const r = l + 1
        const m = r < size && (heapScore[r] as number) < (heapScore[l] as number) ? r : l
        if ((heapScore[m] as number) >= s) break
        heapScore[i] = heapScore[m] as number
        heapTarget[i] = heapTarget[m] as number
        i = m
      }
      heapScore[i] = s
      heapTarget[i] = c
    }
  }
  const sample = { size: sampleSize, random }
  for (const vi of order) {
    u = viewers[vi] as number
    size = 0
    excluded.stampFor(u, stamp, u)
    index.forEachCandidate(u, stamp, u, offer, sample)
    for (let i = 0; i < size; i++) {
      edgeViewer[edges] = vi
      edgeTarget[edges] = heapTarget[i] as number
      edgeScore[edges] = heapScore[i] as number
      edges++
    }
  }

  // Pass 2: all kept pairs, best first (ties in serving order), each taken while both sides have room,
  // in rounds whose per-person limit rises to the cap.
  const targets = new Int32Array(viewers.length * k)
  const scores = new Float32Array(viewers.length * k)
  const count = new Uint8Array(viewers.length)
  const assign = (vi: number, c: number, s: number) => {
    const slot = vi * k + (count[vi] as number)
    targets[slot] = c
    scores[slot] = s
    count[vi] = (count[vi] as number) + 1
    load[c] = (load[c] as number) + 1
  }
  const sortKeys = new Float64Array(edges)
  for (let e = 0; e < edges; e++) sortKeys[e] = sortKey(edgeScore[e] as number, e)
  sortKeys.sort()
  const taken = new Uint8Array(edges)
  for (let round = 1; round <= FILL_ROUNDS; round++) {
    const limitM = Math.ceil((caps.M * round) / FILL_ROUNDS)
    const limitF = Math.ceil((caps.F * round) / FILL_ROUNDS)
    for (let i = 0; i < edges; i++) {
      const e = (sortKeys[i] as number) % EDGE_KEY_SPAN
      if (taken[e] === 1) continue
      const vi = edgeViewer[e] as number
      if ((count[vi] as number) >= k) continue
      const c = edgeTarget[e] as number
      if ((load[c] as number) < (pop.gender[c] === 0 ? limitM : limitF)) {
        assign(vi, c, edgeScore[e] as number)
        taken[e] = 1
      }
    }
  }

  // Pass 3: top up short lists. Marks here are negative and unique per viewer, so no stamp from
  // pass 1 can be mistaken for one.
  let pool = new Float64Array(1024)
  let poolSize = 0
  const collect = (c: number) => {
    if (poolSize === pool.length) {
      const bigger = new Float64Array(pool.length * 2)
      bigger.set(pool)
      pool = bigger
    }
    pool[poolSize++] = sortKey(pairScore(pop, u, c), c)
  }
  const topUp = (vi: number, mark: number, respectCap: boolean) => {
    pool.subarray(0, poolSize).sort()
    for (let i = 0; i < poolSize && (count[vi] as number) < k; i++) {
      const key = pool[i] as number
      const c = key % EDGE_KEY_SPAN
      if (stamp[c] === mark || (respectCap && (load[c] as number) >= capOf(c))) continue
      stamp[c] = mark
      assign(vi, c, (SCORE_KEY_MAX - Math.floor(key / EDGE_KEY_SPAN)) / 1000)
    }
  }
  // Beyond the caps, the least shown go first, so the excess is spread instead of piling on the few.
  const overflow = (vi: number, mark: number) => {
    const rest: Array<{ c: number; s: number }> = []
    for (let i = 0; i < poolSize; i++) {
      const key = pool[i] as number
      const c = key % EDGE_KEY_SPAN
      if (stamp[c] !== mark) rest.push({ c, s: (SCORE_KEY_MAX - Math.floor(key / EDGE_KEY_SPAN)) / 1000 })
    }
    rest.sort((a, b) => (load[a.c] as number) - (load[b.c] as number) || b.s - a.s)
    for (const { c, s } of rest.slice(0, k - (count[vi] as number))) {
      stamp[c] = mark
      assign(vi, c, s)
    }
  }
  const wideSample = { size: 4 * sampleSize, random }
  for (const vi of order) {
    if ((count[vi] as number) >= k) continue
    u = viewers[vi] as number
    const mark = -2 - vi
    excluded.stampFor(u, stamp, mark)
    for (let s = 0; s < (count[vi] as number); s++) stamp[targets[vi * k + s] as number] = mark
    poolSize = 0
    index.forEachCandidate(u, stamp, mark, collect, wideSample)
    topUp(vi, mark, true)
    if ((count[vi] as number) >= k) continue
    poolSize = 0
    index.forEachCandidate(u, stamp, mark, collect)
    topUp(vi, mark, true)
    if ((count[vi] as number) < k) overflow(vi, mark)
  }
  return { targets, scores, count, caps, load }
}
