import type {
  Initiative,
  Meeting,
  MeetingDecision,
  Organization as OperationsOrganization,
  SeatRef as EngineSeatRef,
} from '../../engine/operations/index.js'
import type { Profile } from '../../engine/profile-schema.js'
import type { Assessment, Charter } from '../../engine/types.js'
import type {
  DecisionRecord,
  InitiativeDetail,
  MeetingRecord,
  SeatAssignment,
  SeatRef,
} from '../../store/operations-records.js'

// The store's records as the engine's `tandem/operations@1` records (src/engine/operations/), so
// gates, the agenda, signals and the digest run on exactly what the register holds.

function seatRef(ref: SeatRef | null | undefined): EngineSeatRef | undefined {
  if (!ref) return undefined
  return ref.memberId === null ? { seat: ref.seat } : { seat: ref.seat, memberId: ref.memberId }
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as T
}

export function initiativeOf(detail: InitiativeDetail): Initiative {
  const cto: Initiative['lenses']['cto'][number][] = []
  const caio: Initiative['lenses']['caio'][number][] = []
  for (const review of detail.reviews) {
    const base = { at: review.at, by: { seat: review.seat, memberId: review.memberId } }
    if (review.lens === 'cto')
      cto.push({ visibility: 'client', ...review.review, ...base } as never)
    else caio.push({ visibility: 'client', ...review.review, ...base } as never)
  }
  return defined({
    id: detail.id,
    title: detail.title,
    summary: detail.summary,
    functions: detail.functions as Initiative['functions'],
    useCase: (detail.useCase ?? undefined) as Initiative['useCase'],
    compliance: (detail.compliance ?? { duties: [] }) as Initiative['compliance'],
    owner: seatRef(detail.owner),
    visibility: detail.visibility,
    createdAt: detail.createdAt,
    stage: detail.stage,
    history: detail.history.map((move) =>
      defined({
        at: move.at,
        from: move.from,
        to: move.to,
        kind: move.kind === 'forced' || move.kind === 'imported' ? move.kind : 'move',
        by:
          move.seat === null
            ? undefined
            : { seat: move.seat, ...defined({ memberId: move.memberId }) },
        reason: move.reason ?? undefined,
        skipped: move.skipped,
        acknowledgedBy: move.acknowledgedBy.map((s) => seatRef(s)!),
      }),
    ) as Initiative['history'],
    reviewBy: detail.reviewBy ?? undefined,
    lenses: { cto, caio },
    measurements: detail.measurements.map((m) =>
      defined({ at: m.at, value: m.value, note: m.note ?? undefined, visibility: m.visibility }),
    ),
    archived: detail.archived,
  })
}

export function decisionOf(decision: DecisionRecord): MeetingDecision {
  return defined({
    id: decision.id,
    text: decision.text,
    owner: seatRef(decision.owner),
    due: decision.due ?? undefined,
    status: decision.status,
    closedAt: decision.closedAt ?? undefined,
    initiatives: [...decision.initiatives],
    stageMove: decision.stageMove
      ? defined({
          initiative: decision.stageMove.initiative,
          to: decision.stageMove.to,
          reason: decision.stageMove.reason ?? undefined,
        })
      : undefined,
    visibility: decision.visibility,
  })
}

export function meetingOf(meeting: MeetingRecord): Meeting {
  return defined({
    id: meeting.id,
    date: meeting.date,
    start: meeting.startTime ?? undefined,
    kind: meeting.kind as Meeting['kind'],
    status: meeting.status,
    attendees: meeting.attendees.map((a) => seatRef(a)!),
    agenda: meeting.agenda as Meeting['agenda'],
    decisions: meeting.decisions.map(decisionOf),
    notes: meeting.notes === '' ? undefined : meeting.notes,
    notesVisibility: meeting.notesVisibility,
    archived: meeting.archived,
  })
}

/**
 * The organization as the engine sees it: today's seats from the profile, the structure and cadence
 * of its latest assessment, who the charter makes Accountable for `ai-strategy`, and the assignments.
 */
export function organizationOf(input: {
  readonly profile: Profile
  readonly assessment: Assessment | null
  readonly charter: Charter | null
  readonly assignments: readonly SeatAssignment[]
  readonly timeZone?: string
}): OperationsOrganization {
  const { profile, assessment, charter } = input
  const perMonth = assessment?.cadence.alignmentPerMonth ?? null
  const cadence =
    perMonth === null
      ? undefined
      : perMonth >= 4
        ? 'weekly'
        : perMonth >= 2
          ? 'biweekly'
          : 'monthly'
  const strategy = charter?.rows.find((row) => row.id === 'ai-strategy')
  const accountable = strategy
    ? Object.entries(strategy.cells).find(([, cell]) => cell === 'A' || cell === 'A/R')?.[0]
    : undefined
  return defined({
    name: profile.name,
    structure: assessment?.recommendation.change.from ?? undefined,
    seats: (profile.current?.seats ?? []).map((seat) =>
      defined({
        title: seat.title,
        engagement: seat.engagement,
        shippedAiSystems: seat.shippedAiSystems,
        ledTechOrg: seat.ledTechOrg,
      }),
    ),
    assignments: input.assignments.map((a) =>
      defined({
        seat: a.seat,
        memberId: a.memberId,
        role: a.role,
        from: a.from,
        to: a.to ?? undefined,
      }),
    ),
    cadence,
    timeZone: input.timeZone ?? 'UTC',
    aiStrategySeat: accountable,
  })
}
