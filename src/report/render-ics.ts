// An iCalendar (RFC 5545) document of alignment meetings and decision due dates: text escaped
// (§3.3.11), lines folded at 75 octets (§3.1), CRLF line ends. Pure: the caller passes the time
// stamp, so the same data renders the same bytes.

export interface CalendarEvent {
  /** Globally unique and stable across renderings (RFC 5545 §3.8.4.7). */
  readonly uid: string
  readonly summary: string
  readonly description?: string
  /** The day, `YYYY-MM-DD`; an all-day event unless `start` is given. */
  readonly date: string
  /** Local start time `HH:MM` in `timeZone`; the event then lasts `minutes`. */
  readonly start?: string
  readonly timeZone?: string
  readonly minutes?: number
  readonly status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED'
  readonly url?: string
}

export interface Calendar {
  readonly name: string
  readonly events: readonly CalendarEvent[]
  /** When the document was made (DTSTAMP), ISO-8601 UTC. */
  readonly generatedAt: string
}

export function renderIcs(calendar: Calendar): string {
  const stamp = utcStamp(new Date(calendar.generatedAt))
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tandem//Operate//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ]
  for (const event of calendar.events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`)
    if (event.start) {
      const start = localToUtc(event.date, event.start, event.timeZone ?? 'UTC')
      const end = new Date(start.getTime() + (event.minutes ?? 60) * 60_000)
      lines.push(`DTSTART:${utcStamp(start)}`, `DTEND:${utcStamp(end)}`)
    } else {
      lines.push(`DTSTART;VALUE=DATE:${compactDay(event.date)}`)
      lines.push(`DTEND;VALUE=DATE:${compactDay(nextDay(event.date))}`)
    }
    lines.push(`SUMMARY:${escapeText(event.summary)}`)
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`)
    if (event.status) lines.push(`STATUS:${event.status}`)
    if (event.url) lines.push(`URL:${event.url}`)
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}

/** TEXT values (§3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '') // eslint-disable-line no-control-regex -- CONTROL is not allowed in TEXT
}

/** Folds a content line to at most 75 octets per line (§3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    const limit = parts.length === 0 ? 75 : 74 // continuation lines start with one space
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

function compactDay(day: string): string {
  return day.replace(/-/g, '')
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

/** The UTC instant of a wall-clock time in an IANA time zone (two passes settle DST edges). */
export function localToUtc(day: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T${time}:00Z`)
  let guess = wall
  for (let pass = 0; pass < 2; pass++) guess = wall - offsetMs(guess, timeZone)
  return new Date(guess)
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return asUtc - Math.floor(instant / 1000) * 1000
}
