import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { escapeText, foldLine, localToUtc, renderIcs } from './render-ics.js'

describe('renderIcs', () => {
  const ics = renderIcs({
    name: 'Northwind, alignment',
    generatedAt: '2026-12-07T08:00:00.000Z',
    events: [
      {
        uid: 'meeting-1@tandem',
        summary: 'Alignment; CTO, CAIO',
        description: `Agenda:\n1. Forecast \\ pilot\n${'Long text é '.repeat(20)}`,
        date: '2026-12-07',
        start: '09:30',
        timeZone: 'Europe/Berlin',
        status: 'CONFIRMED',
      },
      { uid: 'decision-1@tandem', summary: 'Due: measure weekly', date: '2026-12-31' },
    ],
  })

  it('parses with an RFC 5545 parser into the same events, text unescaped', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[])
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events.map((e) => e.uid)).toEqual(['meeting-1@tandem', 'decision-1@tandem'])
    expect(events[0]!.summary).toBe('Alignment; CTO, CAIO')
    expect(events[0]!.description).toBe(
      `Agenda:\n1. Forecast \\ pilot\n${'Long text é '.repeat(20)}`,
    )
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-12-07T08:30:00.000Z')
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2026-12-07T09:30:00.000Z')
    expect(events[1]!.startDate.isDate).toBe(true)
    expect(events[1]!.startDate.toString()).toBe('2026-12-31')
  })

  it('ends lines with CRLF and folds them at 75 octets', () => {
    const lines = ics.split('\r\n')
    expect(lines.at(-1)).toBe('')
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    expect(lines.some((line) => line.startsWith(' '))).toBe(true)
  })

  it('escapes TEXT and folds without splitting a character', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne')
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`)
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'é'.repeat(60)}`)
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75)
  })

  it('converts a local start time across a DST change', () => {
    expect(localToUtc('2026-03-29', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    )
    expect(localToUtc('2026-01-15', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-01-15T14:00:00.000Z',
    )
  })
})
