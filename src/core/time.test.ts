import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addWeeks, isoWeeksInYear, isValidWeek, kstYear, weekOf, weekStart, yearAge } from './time.js'

describe('ISO weeks in Asia/Seoul', () => {
  it('puts the last days of 2026 and the first of 2027 in 2026-W53', () => {
    assert.equal(weekOf(new Date('2026-12-28T03:00:00Z')), '2026-W53')
    assert.equal(weekOf(new Date('2027-01-01T03:00:00Z')), '2026-W53')
    assert.equal(weekOf(new Date('2027-01-04T03:00:00Z')), '2027-W01')
  })

  it('uses the KST date: Sunday 15:30 UTC is already Monday 00:30 in Seoul', () => {
    assert.equal(weekOf(new Date('2026-11-29T15:30:00Z')), '2026-W49')
    assert.equal(weekOf(new Date('2026-11-29T14:59:59Z')), '2026-W48')
  })

  it('knows which years have 53 weeks', () => {
    assert.equal(isoWeeksInYear(2026), 53)
    assert.equal(isoWeeksInYear(2025), 52)
    assert.equal(isoWeeksInYear(2020), 53)
  })

  it('accepts only labels of weeks that exist', () => {
    assert.equal(isValidWeek('2026-W53'), true)
    assert.equal(isValidWeek('2026-W01'), true)
    for (const bad of [
      '2025-W53',
      '2026-W54',
      '2026-W00',
      '2026-W7',
      '2026W07',
      '2026-w07',
      ' 2026-W07',
      '',
    ]) {
      assert.equal(isValidWeek(bad), false, bad)
    }
  })

  it('starts a week on Monday 00:00 KST', () => {
    assert.equal(weekStart('2026-W49').toISOString(), '2026-11-29T15:00:00.000Z')
    assert.equal(weekStart('2026-W53').toISOString(), '2026-12-27T15:00:00.000Z')
    assert.equal(weekStart('2027-W01').toISOString(), '2027-01-03T15:00:00.000Z')
  })

  it('steps across year boundaries', () => {
    assert.equal(addWeeks('2026-W52', 1), '2026-W53')
    assert.equal(addWeeks('2026-W53', 1), '2027-W01')
    assert.equal(addWeeks('2027-W01', -1), '2026-W53')
    assert.equal(addWeeks('2026-W49', -12), '2026-W37')
  })

  it('derives the year and the Korean year age from the KST date', () => {
    assert.equal(kstYear(new Date('2026-12-31T15:00:00Z')), 2027)
    assert.equal(yearAge(2007, new Date('2026-06-01T00:00:00Z')), 19)
    assert.equal(yearAge(2008, new Date('2026-12-31T15:00:00Z')), 19)
  })
})
