import type { Issue, Result } from '../result.js'
import type { Initiative, Operations } from './operations-schema.js'
import { issuesFromZod } from '../../contract/issues-from-zod.js'
import { isAllowedMove } from './allowed-moves.js'
import { operationsSchema } from './operations-schema.js'

/**
 * Validates an operations document (`tandem/operations@1`): its shape, then what a schema cannot say —
 * unique ids, links that point at records, and histories in date order that follow the stage machine.
 * Reviews, measurements and meetings come back sorted by date (a stable sort), so every later step may
 * read them in order.
 */
export function validateOperations(input: unknown): Result<Operations, readonly Issue[]> {
  const parsed = operationsSchema.safeParse(input)
  if (!parsed.success) return { ok: false, error: issuesFromZod(parsed.error) }
  // Checked in the document's own order, so every path points at what the author wrote.
  const issues = [
    ...checkIds(parsed.data),
    ...checkLinks(parsed.data),
    ...checkHistories(parsed.data),
  ]
  return issues.length > 0
    ? { ok: false, error: issues }
    : { ok: true, value: normalize(parsed.data) }
}

function normalize(operations: Operations): Operations {
  return {
    ...operations,
    initiatives: operations.initiatives.map((initiative) => ({
      ...initiative,
      history: byDate(initiative.history),
      lenses: { cto: byDate(initiative.lenses.cto), caio: byDate(initiative.lenses.caio) },
      measurements: byDate(initiative.measurements),
    })),
    meetings: [...operations.meetings].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    ),
  }
}

function byDate<T extends { readonly at: string }>(items: readonly T[]): T[] {
  // Days and date-times of one record kind compare correctly as text (both start YYYY-MM-DD).
  return [...items].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
}

function checkIds(operations: Operations): Issue[] {
  const issues: Issue[] = []
  const once = (seen: Set<string>, id: string, kind: string, path: (string | number)[]) => {
    if (seen.has(id)) {
      issues.push({ code: 'duplicate_id', path, message: `${kind} id "${id}" is used twice` })
    }
    seen.add(id)
  }
  const initiatives = new Set<string>()
  operations.initiatives.forEach((initiative, i) =>
    once(initiatives, initiative.id, 'initiative', ['initiatives', i, 'id']),
  )
  const meetings = new Set<string>()
  const decisions = new Set<string>()
  for (const [m, meeting] of operations.meetings.entries()) {
    once(meetings, meeting.id, 'meeting', ['meetings', m, 'id'])
    meeting.decisions.forEach((decision, d) =>
      once(decisions, decision.id, 'decision', ['meetings', m, 'decisions', d, 'id']),
    )
  }
  return issues
}

function checkLinks(operations: Operations): Issue[] {
  const known = new Set(operations.initiatives.map((initiative) => initiative.id))
  const issues: Issue[] = []
  const link = (id: string, path: (string | number)[]) => {
    if (!known.has(id)) {
      issues.push({ code: 'unknown_initiative', path, message: `no initiative has id "${id}"` })
    }
  }
  for (const [m, meeting] of operations.meetings.entries()) {
    meeting.agenda.forEach((item, a) => {
      if (item.initiative !== undefined)
        link(item.initiative, ['meetings', m, 'agenda', a, 'initiative'])
    })
    for (const [d, decision] of meeting.decisions.entries()) {
      const at = ['meetings', m, 'decisions', d]
      decision.initiatives.forEach((id, i) => link(id, [...at, 'initiatives', i]))
      if (decision.stageMove)
        link(decision.stageMove.initiative, [...at, 'stageMove', 'initiative'])
    }
  }
  return issues
}

function checkHistories(operations: Operations): Issue[] {
  return operations.initiatives.flatMap((initiative, i) => checkHistory(initiative, i))
}

function checkHistory(initiative: Initiative, index: number): Issue[] {
  const issues: Issue[] = []
  const path = ['initiatives', index]
  let stage = initiative.history[0]?.from ?? null
  initiative.history.forEach((move, m) => {
    const at = [...path, 'history', m]
    const previous = initiative.history[m - 1]
    if (previous !== undefined && move.at < previous.at) {
      issues.push({
        code: 'invalid_history',
        path: [...at, 'at'],
        message: `moves are listed in date order; this one (${move.at}) is earlier than the one before (${previous.at})`,
      })
    } else if (m > 0 && move.from !== stage) {
      issues.push({
        code: 'invalid_history',
        path: [...at, 'from'],
        message: `the move starts at "${String(move.from)}" but the initiative was at "${String(stage)}"`,
      })
    } else if (
      move.from !== null &&
      move.kind !== 'imported' &&
      !isAllowedMove(move.from, move.to)
    ) {
      issues.push({
        code: 'invalid_move',
        path: [...at, 'to'],
        message: `a move from "${move.from}" to "${move.to}" is not allowed`,
      })
    }
    stage = move.to
  })
  if (initiative.stage !== undefined && stage !== null && initiative.stage !== stage) {
    issues.push({
      code: 'invalid_history',
      path: [...path, 'stage'],
      message: `stage "${initiative.stage}" differs from the last move of its history ("${stage}")`,
    })
  }
  return issues
}
