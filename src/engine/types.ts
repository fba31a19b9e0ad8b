import type { RegisterRecord } from './operations/from-register.js'
import type { Sizing } from './hiring/build-sizing.js'
import type { Search } from './hiring/plan-searches.js'
import type { Profile } from './profile-schema.js'
import type {
  AiActTier,
  AiDemand,
  AntiPatternId,
  ChangeKind,
  CharterGroup,
  CharterRowId,
  DepartureReason,
  Direction,
  Engagement,
  QuestionId,
  SeatGap,
  SeatTitle,
  Severity,
  Size,
  StakesLevel,
  StructureId,
} from './vocabulary.js'

// The assessment, `tandem/assessment@1` (framework.md §9). Reports are rendered from this alone.

export const ASSESSMENT_SCHEMA_ID = 'tandem/assessment@1'

export interface Seat {
  readonly title: SeatTitle
  readonly engagement: Engagement
}

/** A passage of the article (or of the playbook's own design notes) that a decision rests on. */
export interface Passage {
  readonly id: string
  readonly text: string
}

export interface QuestionAnswer {
  readonly id: QuestionId
  readonly level: string
  readonly finding: string
  readonly source: string
}

/** A fact the engine used: a derived or input value, by name. */
export interface Fact {
  readonly name: string
  readonly value: string | number
}

/** Who holds a seat of the recommended structure (framework.md §4a.5). */
export interface FitAssignment {
  readonly title: SeatTitle
  readonly engagement: Engagement
  /** A current seat by its index in `current.seats`, or `new` for someone to bring in. */
  readonly holder: { readonly current: number } | 'new'
  /** What the holder lacks for the seat, named rather than held against them. */
  readonly gaps: readonly SeatGap[]
  /** Why a full-time holder sits in a fractional seat (`over-budget`); absent otherwise. */
  readonly reason?: 'over-budget'
}

/** A current seat that keeps no place in the recommended structure. */
export interface Departure {
  readonly current: number
  readonly reason: DepartureReason
}

export interface Change {
  readonly kind: ChangeKind
  /** The structure today, when `current.seats` maps onto one; null when absent or unrecognised. */
  readonly from: StructureId | null
  readonly to: StructureId
  readonly summary: string
  readonly steps: readonly string[]
  readonly assignments: readonly FitAssignment[]
  readonly departures: readonly Departure[]
}

/** How the people in the seats moved the recommendation away from the table's (framework.md §4a). */
export interface Fit {
  /** The table's structure, after budget caps. */
  readonly table: StructureId
  /** The table's rule. */
  readonly rule: string
  readonly reason: string
}

export interface Recommendation {
  readonly structure: StructureId
  readonly label: string
  readonly seats: readonly Seat[]
  readonly stage: number
  /** Id of the decision-table rule that matched (before any budget cap). */
  readonly rule: string
  /** Id of the budget cap that applied, if any. */
  readonly cap: string | null
  readonly facts: readonly Fact[]
  readonly why: readonly string[]
  readonly source: readonly string[]
  readonly change: Change
  /** Null when the structure is the table's; else what the table said and why the people changed it. */
  readonly fit: Fit | null
}

/** One piece of evidence: as a person would say it, with the profile field it was read from. */
export interface Evidence {
  readonly text: string
  readonly field: string
  readonly value: string | number | boolean | null
}

export interface AntiPatternFinding {
  readonly id: AntiPatternId
  readonly title: string
  readonly severity: Severity
  readonly evidence: readonly Evidence[]
  readonly remedy: string
  readonly source: string
}

export type RaciCell = 'R' | 'A' | 'C' | 'I' | 'A/R' | ''

export interface CharterRow {
  readonly id: CharterRowId
  readonly group: CharterGroup
  readonly label: string
  readonly cells: Readonly<Record<string, RaciCell>>
}

export interface Charter {
  readonly structure: StructureId
  readonly columns: readonly string[]
  readonly rows: readonly CharterRow[]
}

export interface HandoffZone {
  readonly id: CharterRowId
  readonly label: string
  readonly cto: string
  readonly caio: string
}

export interface Cadence {
  /** Strategic alignment meetings per month the framework asks for; null with a single seat. */
  readonly alignmentPerMonth: number | null
  readonly summary: string
  readonly handoffZones: readonly HandoffZone[]
}

export interface Counterfactual {
  readonly field: string
  readonly from: string | number
  readonly to: string | number
  readonly structure: StructureId
  readonly summary: string
  /** `grow`: the way organizations move (more people, products, reach, centrality, stakes, budget). */
  readonly direction: Direction
}

export interface RoadmapPoint {
  /** `now`, or the growth step's `at`. */
  readonly at: string
  readonly structure: StructureId
  readonly stage: number
  /** What changed to cause a new structure here; null when the structure stays. */
  readonly trigger: string | null
  /** The searches this point's move needs, each with the month to start it (hiring/). */
  readonly searches?: readonly Search[]
  /** The earliest of the searches' start months; null when the point adds or upgrades no seat. */
  readonly startBy?: string | null
}

export interface Classification {
  readonly tier: AiActTier
  readonly transparency: readonly string[]
  readonly basis: readonly { readonly ref: string; readonly summary: string }[]
  readonly obligations: readonly string[]
  /** The dated application milestones that apply to this use case, by date (stakes.md 2026-12). */
  readonly milestones: readonly Milestone[]
  /** `to-confirm` dates already past the as-of date whose change the classifier does not encode. */
  readonly warnings: readonly string[]
  readonly asOf: string
}

/** A date of the EU AI Act's application, as data: where it is read from and whether it is settled. */
export interface Milestone {
  readonly id: string
  readonly date: string
  readonly ref: string
  readonly summary: string
  readonly source: string
  readonly status: 'in-force' | 'to-confirm'
}

export interface UseCaseStakes {
  readonly name: string
  readonly level: StakesLevel | 'prohibited'
  readonly reason: string
  readonly classification: Classification | null
}

export interface Stakes {
  readonly level: StakesLevel
  readonly derived: StakesLevel
  readonly overridden: boolean
  readonly useCases: readonly UseCaseStakes[]
}

export interface BlockingFinding {
  readonly id: string
  readonly severity: 'blocking'
  readonly message: string
  readonly evidence: readonly Evidence[]
  /** The article's words, verbatim; empty when the playbook cites none. */
  readonly source: string
  /** The playbook's own design note, labelled as such in reports (never quoted); null when none. */
  readonly note: string | null
}

/** A seat of the recommended structure and who sits there, for the summary's headline. */
export interface SummarySeat {
  readonly title: SeatTitle
  readonly engagement: Engagement
  /** The holder's name (or today's title), or null for someone to bring in. */
  readonly holder: string | null
}

export interface SummaryFinding {
  readonly id: string
  readonly severity: Severity | 'blocking'
  readonly text: string
}

/** A dated EU AI Act milestone that applies to some of the profile's use cases. */
export interface SummaryMilestone {
  readonly date: string
  readonly ref: string
  readonly summary: string
  /** Where the date is read from (the classifier's source). */
  readonly source: string
  readonly status: 'in-force' | 'to-confirm'
  readonly useCases: readonly string[]
}

/** The one-screen executive summary every report opens with (framework.md §9). */
export interface Summary {
  /** The structure and who sits where, in a sentence. */
  readonly headline: string
  readonly seats: readonly SummarySeat[]
  /** At most three: blocking findings first, then critical anti-patterns. */
  readonly findings: readonly SummaryFinding[]
  /** At most three. */
  readonly nextSteps: readonly string[]
  readonly milestones: readonly SummaryMilestone[]
  /** "advice, not legal advice". */
  readonly disclaimer: string
}

export interface Assessment {
  readonly schema: typeof ASSESSMENT_SCHEMA_ID
  readonly summary: Summary
  readonly playbook: { readonly id: string; readonly version: string }
  readonly profile: Profile
  readonly derived: { readonly size: Size; readonly aiDemand: AiDemand }
  readonly questions: readonly QuestionAnswer[]
  readonly stakes: Stakes
  readonly recommendation: Recommendation
  readonly antiPatterns: readonly AntiPatternFinding[]
  readonly charter: Charter
  readonly cadence: Cadence
  readonly counterfactuals: readonly Counterfactual[]
  readonly roadmap: readonly RoadmapPoint[]
  readonly findings: readonly BlockingFinding[]
  /** Things the reader should know: overrides applied, inputs missing that the diagnosis asks for. */
  readonly notes: readonly string[]
  /** Fractional time, cost and the next search; null when the playbook has no `hiring:` block. */
  readonly sizing: Sizing | null
  /** Present when the operational facts came from the organization's register (operate.md §3). */
  readonly register?: RegisterRecord
}
