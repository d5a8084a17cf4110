/**
 * A synthetic but realistic population for the demo seed and the benchmarks: ages 20–45, regions
 * weighted like the Korean population, about 4 men to 1 woman (as on Korean dating apps), interest
 * keywords from a shared vocabulary, and age/region preferences shaped like real ones.
 */

import type { KOREAN_REGIONS } from '../../src/modules/profiles/profiles.schemas.js'
import { prng } from '../../src/modules/recommendations/engine.js'

/** Share of the population by 시·도 (2024 resident registration, rounded). */
const REGION_WEIGHTS: Record<(typeof KOREAN_REGIONS)[number], number> = {
  서울: 0.182,
  부산: 0.064,
  대구: 0.046,
  인천: 0.058,
  광주: 0.028,
  대전: 0.028,
  울산: 0.021,
  세종: 0.008,
  경기: 0.265,
  강원: 0.029,
  충북: 0.031,
  충남: 0.042,
  전북: 0.034,
  전남: 0.035,
  경북: 0.049,
  경남: 0.062,
  제주: 0.013,
}
/** Regions people commonly accept together (commuting distance). */
const NEIGHBOURS: Record<string, string[]> = {
  서울: ['경기', '인천'],
  경기: ['서울', '인천'],
  인천: ['서울', '경기'],
  부산: ['경남', '울산'],
  울산: ['부산', '경남'],
  경남: ['부산', '울산'],
  대구: ['경북'],
  경북: ['대구'],
  대전: ['세종', '충남', '충북'],
  세종: ['대전', '충남', '충북'],
  충남: ['대전', '세종'],
  충북: ['대전', '세종'],
  광주: ['전남'],
  전남: ['광주'],
  전북: ['광주', '전남'],
  강원: ['경기'],
  제주: [],
}
// biome-ignore format: a word list
export const INTERESTS = [
  '등산', '러닝', '헬스', '요가', '필라테스', '수영', '자전거', '캠핑', '여행', '맛집', '카페', '커피', '와인',
  '맥주', '요리', '베이킹', '영화', '드라마', '넷플릭스', '독서', '글쓰기', '전시', '미술', '사진', '음악', '콘서트',
  '뮤지컬', '노래방', '게임', '보드게임', '반려견', '반려묘', '골프', '테니스', '볼링', '클라이밍', '서핑', '스키',
  '드라이브', '재테크', '주식', '봉사', '외국어', '명상', '패션', '인테리어', '식물', '야구', '축구', '농구',
]
// biome-ignore format: a word list
const JOBS = ['개발자', '디자이너', '간호사', '교사', '회계사', '마케터', '연구원', '공무원', '자영업', '기획자', '약사', '엔지니어']
// biome-ignore format: a word list
const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권']
// biome-ignore format: a word list
const GIVEN_M = ['민준', '서준', '도윤', '예준', '시우', '주원', '하준', '지호', '준서', '현우', '건우', '우진']
// biome-ignore format: a word list
const GIVEN_F = ['서연', '지우', '서윤', '하은', '민서', '지유', '윤서', '채원', '수아', '지민', '예은', '다은']

export interface SyntheticPerson {
  kakaoUserId: string
  nickname: string
  gender: 'M' | 'F'
  birthYear: number
  age: number
  height: number | null
  region: string
  job: string | null
  intro: string | null
  photos: string[]
  targetGender: 'M' | 'F'
  ageMin: number
  ageMax: number
  regions: string[]
  keywords: string[]
}

export interface PopulationOptions {
  users: number
  seed?: number
  /** The KST year ages are counted in. */
  year: number
  /** Share of men (default 0.8: four men to one woman). */
  menShare?: number
}

export function generatePopulation(options: PopulationOptions): SyntheticPerson[] {
  const random = prng(options.seed ?? 42)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const regionNames = Object.keys(REGION_WEIGHTS)
  const cumulative: number[] = []
  let total = 0
  for (const r of regionNames) {
    total += REGION_WEIGHTS[r as keyof typeof REGION_WEIGHTS]
    cumulative.push(total)
  }
  const pickRegion = () => {
    const x = random() * total
    return regionNames[cumulative.findIndex((c) => x < c)] ?? '서울'
  }
  const menShare = options.menShare ?? 0.8
  const people: SyntheticPerson[] = []
  for (let i = 0; i < options.users; i++) {
    const gender = random() < menShare ? 'M' : 'F'
    // Ages 20–45, younger ages more common.
    const age = 20 + Math.floor(26 * random() ** 1.3)
    const region = pickRegion()
    // Men tend to look younger, women older; ranges are 6–14 years wide.
    const below = gender === 'M' ? 4 + Math.floor(random() * 6) : 1 + Math.floor(random() * 4)
    const above = gender === 'M' ? 1 + Math.floor(random() * 4) : 4 + Math.floor(random() * 6)
    const ageMin = Math.max(19, age - below)
    const ageMax = Math.min(100, age + above)
    const regionChoice = random()
    const regions =
      regionChoice < 0.35 ? [] : regionChoice < 0.7 ? [region, ...(NEIGHBOURS[region] ?? [])] : [region]
    const keywordCount = 2 + Math.floor(random() * 5)
    const keywords = new Set<string>()
    while (keywords.size < keywordCount) keywords.add(pick(INTERESTS))
    const photoCount = random() < 0.9 ? 1 + Math.floor(random() * 4) : 0
    people.push({
      kakaoUserId: String(4_000_000_000 + i),
      nickname: `${pick(SURNAMES)}${pick(gender === 'M' ? GIVEN_M : GIVEN_F)}`,
      gender,
      birthYear: options.year - age,
      age,
      height: random() < 0.8 ? (gender === 'M' ? 168 : 155) + Math.floor(random() * 17) : null,
      region,
      job: random() < 0.75 ? pick(JOBS) : null,
      intro: random() < 0.6 ? `${pick([...keywords])} 좋아하는 ${region} 사람이에요` : null,
      // Storage keys as profiles.photos holds them (no file behind them: only their count matters here).
      photos: Array.from({ length: photoCount }, (_, p) => {
        const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
        return `photos/${id(i)}/${id(p)}.webp`
      }),
      targetGender: gender === 'M' ? 'F' : 'M',
      ageMin,
      ageMax,
      regions,
      keywords: [...keywords],
    })
  }
  return people
}

/** Share of the optional profile parts filled in, as the batch computes it. */
export function completenessOf(p: Pick<SyntheticPerson, 'photos' | 'intro' | 'job' | 'height'>): number {
  return (
    ((p.photos.length > 0 ? 1 : 0) + (p.intro ? 1 : 0) + (p.job ? 1 : 0) + (p.height !== null ? 1 : 0)) / 4
  )
}
