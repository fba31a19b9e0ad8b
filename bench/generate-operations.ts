import type { OperationsInput } from '../src/engine/operations/operations-schema.js'
import { random } from './generate-profiles.js'

// Mostly agreeing lenses, as in a register people act on: a signal should be rare.
const ANSWERS = [
  ...Array.from({ length: 20 }, () => 'yes' as const),
  'unsure',
  'unsure',
  'no',
] as const
const DAY0 = Date.UTC(2025, 0, 1)
const dayAt = (n: number): string => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10)

/**
 * A seeded organization's register: `initiatives` initiatives spread over two years, walked along the
 * stage machine with lens reviews and measurements, and `meetings` weekly alignment meetings with
 * decisions. The same document every run.
 */
export function generateOperations(initiatives = 1000, meetings = 200, seed = 7): OperationsInput {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const list: NonNullable<OperationsInput['initiatives']> = []
  for (let i = 0; i < initiatives; i++) {
    const created = Math.floor(next() * 600)
    const history: {
      at: string
      from: 'idea' | 'pilot' | 'production'
      to: 'pilot' | 'production' | 'stopped' | 'idea'
    }[] = []
    let day = created
    if (next() < 0.7) {
      day += 5 + Math.floor(next() * 40)
      history.push({ at: dayAt(day), from: 'idea', to: 'pilot' })
      const r = next()
      if (r < 0.5) {
        day += 20 + Math.floor(next() * 150)
        history.push({ at: dayAt(day), from: 'pilot', to: 'production' })
      } else if (r < 0.7) {
        day += 20 + Math.floor(next() * 100)
        history.push({ at: dayAt(day), from: 'pilot', to: 'stopped' })
      } else if (day < 650) {
        // An older pilot was decided: a register people act on has few stalled pilots.
        day += 20 + Math.floor(next() * 60)
        history.push({ at: dayAt(day), from: 'pilot', to: 'production' })
      }
    }
    // Initiatives past the pilot gate passed it: both lenses said yes.
    const gated = history.length > 0
    const answer = () => (gated ? 'yes' : pick(ANSWERS))
    const live = history.at(-1)?.to === 'production'
    list.push({
      id: `ini-${i}`,
      title: `Initiative ${i}`,
      createdAt: dayAt(created),
      functions: [pick(['sales', 'operations', 'finance', 'customer-success'] as const)],
      ...(next() < 0.95 ? { owner: { seat: pick(['CTO', 'CAIO']) } } : {}),
      history,
      lenses: {
        cto:
          gated || next() < 0.8
            ? [
                {
                  at: dayAt(created + 2),
                  by: { seat: 'CTO' },
                  build: answer(),
                  scale: answer(),
                  secure: answer(),
                },
              ]
            : [],
        caio: [
          {
            at: dayAt(created + 1),
            by: { seat: 'CAIO' },
            should: answer(),
            measure: { metric: 'hours per week', unit: 'h', baseline: 40, target: 25 },
          },
        ],
      },
      measurements: live
        ? Array.from({ length: Math.max(0, Math.floor((729 - day) / 30)) }, (_, k) => ({
            at: dayAt(day + 30 * (k + 1)),
            value: 40 - Math.floor(next() * 15),
          }))
        : [],
    })
  }
  const meetingList: NonNullable<OperationsInput['meetings']> = []
  for (let m = 0; m < meetings; m++) {
    const date = dayAt(730 - 7 * (meetings - m))
    meetingList.push({
      id: `m-${m}`,
      date,
      status: next() < 0.9 ? 'held' : 'cancelled',
      attendees: next() < 0.9 ? [{ seat: 'CTO' }, { seat: 'CAIO' }] : [{ seat: 'CTO' }],
      decisions: [
        {
          id: `d-${m}`,
          text: `Decision ${m}`,
          ...(next() < 0.9 ? { owner: { seat: pick(['CTO', 'CAIO']) } } : {}),
          due: dayAt(730 - 7 * (meetings - m) + 14),
          status: next() < 0.7 ? 'done' : 'open',
          initiatives: [`ini-${Math.floor(next() * initiatives)}`],
        },
      ],
    })
  }
  return {
    schema: 'tandem/operations@1',
    organization: {
      name: 'Benchmark Org',
      seats: [{ title: 'CTO' }, { title: 'CAIO', shippedAiSystems: true }],
      registerStarted: dayAt(0),
    },
    initiatives: list,
    meetings: meetingList,
  }
}
