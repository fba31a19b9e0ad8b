import { describe, expect, it } from 'vitest'
import { thePlaybook } from '../../../test/engine-builders.js'
import {
  aLive,
  aMeeting,
  aPilot,
  anInitiative,
  anOperations,
} from '../../../test/operations-builders.js'
import { generateAgenda } from './generate-agenda.js'

const playbook = thePlaybook()

describe('generateAgenda', () => {
  it('lists each kind of item in order, each linked to its source', () => {
    const operations = anOperations({
      initiatives: [
        anInitiative({ id: 'new', title: 'Churn model' }),
        anInitiative({
          id: 'split',
          title: 'Pricing copilot',
          lenses: {
            cto: [
              { at: '2026-05-01', by: { seat: 'CTO' }, build: 'no', scale: 'yes', secure: 'yes' },
            ],
            caio: [{ at: '2026-05-02', by: { seat: 'CAIO' }, should: 'yes' }],
          },
        }),
        aPilot('due', '2026-03-10', { title: 'Invoice triage' }),
        aPilot('stalled', '2026-01-10', { title: 'Route planner' }),
        aLive('live', '2026-01-10', '2026-02-01', { title: 'Support answers' }),
      ],
      meetings: [
        aMeeting({
          id: 'm1',
          date: '2026-06-01',
          decisions: [
            {
              id: 'd1',
              text: 'Pick a vector store',
              owner: { seat: 'CTO' },
              due: '2026-06-05',
              initiatives: ['split'],
            },
            {
              id: 'd2',
              text: 'Done already',
              owner: { seat: 'CTO' },
              due: '2026-06-05',
              status: 'done',
            },
          ],
        }),
      ],
    })
    const agenda = generateAgenda(operations, playbook, '2026-06-10')
    expect(agenda.items.map((i) => [i.kind, i.initiative ?? i.decision ?? null])).toEqual([
      ['decision-overdue', 'split'],
      ['lenses-disagree', 'split'],
      ['awaiting-lens', 'new'],
      ['gate-due', 'due'],
      ['pilot-stalled', 'stalled'],
      ['production-unmeasured', 'live'],
      ['handoff-zone', null],
    ])
    expect(agenda.items[0]).toEqual({
      kind: 'decision-overdue',
      text: 'Decision “Pick a vector store” (CTO) was due 2026-06-05',
      decision: 'd1',
      initiative: 'split',
    })
    expect(agenda.items[3]?.text).toBe(
      '“Invoice triage” is due its production decision (since 2026-06-08); missing: use case: none is recorded, so it is not classified',
    )
  })

  it('rotates the handoff-zone topic from one held meeting to the next', () => {
    const topic = (meetings: number) =>
      generateAgenda(
        anOperations({
          meetings: Array.from({ length: meetings }, (_, i) =>
            aMeeting({ id: `m${i}`, date: `2026-06-0${i + 1}` }),
          ),
        }),
        playbook,
        '2026-06-10',
      ).items.at(-1)?.text
    expect(topic(0)).toMatch(/^AI infrastructure and MLOps\./)
    expect(topic(1)).toMatch(/^Data strategy\./)
    expect(topic(2)).toMatch(/^AI infrastructure and MLOps\./)
  })
})
