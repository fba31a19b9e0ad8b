import type {
  Assessment,
  AntiPatternFinding,
  Charter,
  CharterRow,
  RaciCell,
} from '../src/engine/types.js'
import type { Profile } from '../src/engine/profile-schema.js'
import type {
  AntiPatternId,
  CharterGroup,
  CharterRowId,
  StructureId,
} from '../src/engine/vocabulary.js'

// Small builders for the web app's unit tests.

/** A charter row whose cells are given column by column. */
export function aCharterRow(
  id: CharterRowId,
  cells: Readonly<Record<string, RaciCell>>,
  group: CharterGroup = 'technology-foundation',
): CharterRow {
  return { id, group, label: id, cells }
}

/** A charter for a CTO + CAIO structure with the given rows. */
export function aCharter(
  rows: readonly CharterRow[],
  seats: readonly string[] = ['CTO', 'CAIO'],
): Charter {
  return {
    structure: 'separate-full-time',
    columns: [...seats, 'CEO', 'Engineering', 'Business functions'],
    rows,
  }
}

/** A normalized profile of a mid-size company, with overrides. */
export function aWebProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    name: 'Acme',
    employees: 60,
    engineers: 20,
    products: 1,
    industry: 'software',
    ai: { centrality: 'important', functions: ['sales'], useCases: [] },
    budget: { fullTimeLeaders: 1 },
    growth: [],
    ...overrides,
  }
}

/** The parts of an assessment the history comparison reads; the rest is left empty. */
export function anAssessmentOf(
  profile: Profile,
  structure: StructureId,
  antiPatterns: readonly AntiPatternId[] = [],
): Assessment {
  const finding = (id: AntiPatternId): AntiPatternFinding => ({
    id,
    title: id,
    severity: 'warning',
    evidence: [],
    remedy: '',
    source: '',
  })
  return {
    schema: 'tandem/assessment@1',
    playbook: { id: 'tandem-default', version: '1' },
    profile,
    derived: { size: 'midsize', aiDemand: 'dedicated' },
    questions: [],
    stakes: { level: 'normal', derived: 'normal', overridden: false, useCases: [] },
    recommendation: {
      structure,
      label: structure,
      seats: [],
      stage: 3,
      rule: 'rule',
      cap: null,
      facts: [],
      why: [],
      source: [],
      change: { kind: 'establish', from: null, to: structure, summary: '', steps: [] },
    },
    antiPatterns: antiPatterns.map(finding),
    charter: { structure, columns: [], rows: [] },
    cadence: { alignmentPerMonth: null, summary: '', handoffZones: [] },
    counterfactuals: [],
    roadmap: [],
    findings: [],
    notes: [],
  }
}
