import type { InitiativeInput } from './operations-schema.js'
import { describe, expect, it } from 'vitest'
import { thePlaybook } from '../../../test/engine-builders.js'
import { anInitiative, anOperations, bothYes, moves } from '../../../test/operations-builders.js'
import { planMove } from './plan-move.js'

const playbook = thePlaybook()
const organization = anOperations().organization
const context = { organization, playbook }
const at = '2026-03-01'

function initiative(overrides: Partial<InitiativeInput> = {}) {
  const found = anOperations({ initiatives: [anInitiative(overrides)] }).initiatives[0]
  if (!found) throw new Error('no initiative')
  return found
}

// A pilot the CAIO owns whose CTO said scale unsure, secure no: its production gate misses two CTO items.
const pilot = () =>
  initiative({
    owner: { seat: 'CAIO' },
    useCase: { name: 'Triage' },
    lenses: {
      cto: [{ at: '2026-01-03', by: { seat: 'CTO' }, build: 'yes', scale: 'unsure', secure: 'no' }],
      caio: bothYes('2026-01-03').caio ?? [],
    },
    history: moves(['2026-02-01', 'pilot']),
  })

describe('planMove', () => {
  it('records a move that meets its gate', () => {
    const result = planMove(
      initiative({ lenses: bothYes('2026-01-03') }),
      { to: 'pilot' },
      { seat: 'CAIO' },
      at,
      context,
    )
    expect(result).toEqual({
      ok: true,
      value: {
        at,
        from: 'idea',
        to: 'pilot',
        kind: 'move',
        by: { seat: 'CAIO' },
        skipped: [],
        acknowledgedBy: [],
      },
    })
  })

  it('refuses a move the stage machine does not allow', () => {
    const result = planMove(initiative(), { to: 'production' }, { seat: 'CAIO' }, at, context)
    expect(!result.ok && [result.error.code, result.error.message]).toEqual([
      'MOVE_NOT_ALLOWED',
      'a move from "idea" to "production" is not allowed',
    ])
  })

  it('refuses a move that misses its gate, naming each missing item', () => {
    const result = planMove(pilot(), { to: 'production' }, { seat: 'CAIO' }, at, context)
    expect(!result.ok && result.error.code).toBe('GATE_NOT_MET')
    expect(!result.ok && result.error.issues).toEqual([
      {
        code: 'cto-scale-yes',
        path: ['gate', 'cto-scale-yes'],
        message: 'CTO lens: "Will it scale?" is not yes (latest review: unsure)',
      },
      {
        code: 'cto-secure-yes',
        path: ['gate', 'cto-secure-yes'],
        message: 'CTO lens: "Is it secure?" is not yes (latest review: no)',
      },
    ])
  })

  it('never needs a gate to stop', () => {
    const result = planMove(pilot(), { to: 'stopped' }, { seat: 'CTO' }, at, context)
    expect(result.ok && result.value.kind).toBe('move')
  })

  it('lets only the owner seat force', () => {
    const result = planMove(
      pilot(),
      { to: 'production', force: true, reason: 'Demo' },
      { seat: 'CTO' },
      at,
      context,
    )
    expect(!result.ok && [result.error.code, result.error.message]).toEqual([
      'FORCE_NOT_ALLOWED',
      'only someone acting for the owner seat CAIO may force a move',
    ])
  })

  it('needs a reason to force', () => {
    const result = planMove(
      pilot(),
      { to: 'production', force: true, reason: ' ' },
      { seat: 'CAIO' },
      at,
      context,
    )
    expect(!result.ok && result.error.code).toBe('REASON_REQUIRED')
  })

  it('needs the other seat to acknowledge items of its lens', () => {
    const result = planMove(
      pilot(),
      { to: 'production', force: true, reason: 'Demo' },
      { seat: 'CAIO' },
      at,
      context,
    )
    expect(
      !result.ok && [
        result.error.code,
        result.error.message,
        result.error.missing.map((m) => m.item),
      ],
    ).toEqual([
      'ACKNOWLEDGEMENT_REQUIRED',
      "forcing past items of the CTO lens needs that seat's acknowledgement",
      ['cto-scale-yes', 'cto-secure-yes'],
    ])
  })

  it('records a forced move with its skipped items and the acknowledgement', () => {
    const result = planMove(
      pilot(),
      {
        to: 'production',
        force: true,
        reason: 'Board demo',
        acknowledgedBy: [{ seat: 'CTO', memberId: 'u-7' }],
      },
      { seat: 'CAIO', memberId: 'u-2' },
      at,
      context,
    )
    expect(result).toEqual({
      ok: true,
      value: {
        at,
        from: 'pilot',
        to: 'production',
        kind: 'forced',
        by: { seat: 'CAIO', memberId: 'u-2' },
        reason: 'Board demo',
        skipped: [{ item: 'cto-scale-yes' }, { item: 'cto-secure-yes' }],
        acknowledgedBy: [{ seat: 'CTO', memberId: 'u-7' }],
      },
    })
  })

  it('lets a unified seat force and acknowledge for both lenses', () => {
    const solo = anOperations({
      organization: { name: 'S', seats: [{ title: 'CTO/CAIO' }] },
    }).organization
    const owned = initiative({ ...pilot(), owner: { seat: 'CTO/CAIO' } })
    const result = planMove(
      owned,
      { to: 'production', force: true, reason: 'Demo' },
      { seat: 'CTO/CAIO' },
      at,
      {
        organization: solo,
        playbook,
      },
    )
    expect(result.ok && result.value.kind).toBe('forced')
  })

  it('never forces past a prohibited use case, but lets it stop', () => {
    const banned = initiative({
      owner: { seat: 'CAIO' },
      useCase: { name: 'Score', socialScoring: true },
      lenses: bothYes('2026-01-03'),
    })
    const forced = planMove(
      banned,
      { to: 'pilot', force: true, reason: 'Try' },
      { seat: 'CAIO' },
      at,
      context,
    )
    expect(!forced.ok && forced.error.code).toBe('PROHIBITED_USE_CASE')
    expect(planMove(banned, { to: 'stopped' }, { seat: 'CAIO' }, at, context).ok).toBe(true)
  })
})
