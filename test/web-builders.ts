import type { AntiPatternFinding, Assessment, Charter } from '../src/engine/types.js'
import type { Profile } from '../src/engine/profile-schema.js'
import type { AntiPatternId, StructureId } from '../src/engine/vocabulary.js'
import { CHARTER_ROW_IDS } from '../src/engine/vocabulary.js'

// Small builders for the web app's unit tests.

/**
 * A CTO + CAIO charter that keeps every rule: the CTO is Accountable and Responsible for every
 * row except AI strategy, which the CAIO owns with the CEO Responsible.
 */
export function aCharter(): Charter {
  return {
    structure: 'separate-full-time',
    columns: ['CTO', 'CAIO', 'CEO', 'Engineering', 'Business functions'],
    rows: CHARTER_ROW_IDS.map((id) => ({
      id,
      group: 'technology-foundation',
      label: id,
      cells: id === 'ai-strategy' ? { CTO: 'C', CAIO: 'A', CEO: 'R' } : { CTO: 'A/R', CAIO: 'C' },
    })),
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
    summary: {
      headline: '',
      seats: [],
      findings: [],
      nextSteps: [],
      milestones: [],
      disclaimer: 'This assessment is advice, not legal advice.',
    },
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
      change: {
        kind: 'establish',
        from: null,
        to: structure,
        summary: '',
        steps: [],
        assignments: [],
        departures: [],
      },
      fit: null,
    },
    antiPatterns: antiPatterns.map(finding),
    charter: { structure, columns: [], rows: [] },
    cadence: { alignmentPerMonth: null, summary: '', handoffZones: [] },
    counterfactuals: [],
    roadmap: [],
    findings: [],
    sizing: null,
    notes: [],
  }
}
