import type { Issue, Result } from './result.js'
import type { Classifier } from './stakes/compile-classifier.js'
import type { HiringPlaybook } from './hiring/hiring-playbook-schema.js'
import type { OperationsPlaybook } from './operations/operations-playbook-schema.js'
import type { TodaySection } from './today-schema.js'
import type { Cadence, Change, Charter, Seat } from './types.js'
import type { CompiledQuestion } from './answer-questions.js'
import type { Decision } from './decision-table.js'
import type { Facts } from './facts.js'
import type { Predicate } from './compile-condition.js'
import type { ConditionDoc, PlaybookDoc, QuestionDefinition } from './playbook-schema.js'
import type { AiDemand, AntiPatternId, BudgetLevel, QuestionId, StructureId } from './vocabulary.js'
import { buildCadence } from './build-cadence.js'
import { buildCharter } from './build-charter.js'
import { compileClassifier } from './stakes/compile-classifier.js'
import { compileHiringPlaybook } from './hiring/compile-hiring-playbook.js'
import { compileOperationsPlaybook } from './operations/compile-operations-playbook.js'
import { compileToday } from './compile-today.js'
import { compileCondition } from './compile-condition.js'
import { compileTemplate } from './compile-template.js'
import { compilePassages, passageText, quotePassages } from './quote-passages.js'
import type { CompiledPassage } from './quote-passages.js'
import { compileQuestions } from './answer-questions.js'
import { buildChanges } from './describe-change.js'
import { seatKey } from './current-structure.js'
import { buildDecisionTable, everyFacts, factsIndex } from './decision-table.js'
import { deepFreeze } from './deep-freeze.js'
import { issuesFromZod } from '../contract/issues-from-zod.js'
import { playbookDocSchema } from './playbook-schema.js'
import { validateCharter } from './validate-charter.js'
import {
  ANTI_PATTERN_IDS,
  BUDGET_LEVELS,
  CENTRALITY_LEVELS,
  COMPLEXITY_LEVELS,
  REACH_LEVELS,
  STAKES_LEVELS,
  STRUCTURES,
} from './vocabulary.js'

export interface CompiledRule {
  readonly id: string
  readonly structure: StructureId
  /** The rule's reasons: the first whose condition holds of the facts is given. */
  readonly why: readonly { readonly text: string; readonly test: Predicate }[]
  readonly source: readonly string[]
  readonly when: ConditionDoc
  readonly test: Predicate
}

export interface CompiledCap {
  readonly id: string
  readonly to: StructureId
  readonly why: string
}

/** A validated playbook, compiled once and deeply frozen: rules as closures, charters prebuilt per structure. */
export interface Playbook {
  readonly id: string
  readonly version: string
  readonly title: string
  readonly doc: PlaybookDoc
  /** The article's passages, each with the condition under which it may be quoted. */
  readonly passages: Readonly<Record<string, CompiledPassage>>
  readonly questionnaire: readonly QuestionDefinition[]
  readonly aiDemandDefault: AiDemand
  readonly aiDemand: (facts: Facts) => AiDemand
  readonly rules: readonly CompiledRule[]
  /** Budget caps: the cap that applies to a structure at a budget level, if any. */
  readonly capsByBudget: Readonly<Record<BudgetLevel, Partial<Record<StructureId, CompiledCap>>>>
  /** The rules and caps evaluated for every combination of facts (decision-table.ts). */
  readonly decisions: readonly (Decision | undefined)[]
  readonly charters: Readonly<Record<StructureId, Charter>>
  /** Each structure's seats, as a recommendation lists them. */
  readonly seats: Readonly<Record<StructureId, readonly Seat[]>>
  /** Each structure's operating rhythm and handoff zones (build-cadence.ts). */
  readonly cadences: Readonly<Record<StructureId, Cadence>>
  /** Each question's source passage and, per level, its shared answer or template (answer-questions.ts). */
  readonly questions: Readonly<Record<QuestionId, CompiledQuestion>>
  /** Each change from no seats or a structure's seats to a structure, with and without a charter. */
  readonly changes: Readonly<Record<string, Change>>
  /** Each structure by the key of its seats (current-structure.ts); the first structure wins a tie. */
  readonly structureBySeats: ReadonlyMap<string, StructureId>
  readonly highIndustries: ReadonlySet<string>
  readonly highAreas: ReadonlySet<string>
  readonly elevatedAreas: ReadonlySet<string>
  readonly blockingAreas: ReadonlySet<string>
  /** Each anti-pattern's quoted passage and the facts that make it critical on its own. */
  readonly antiPatterns: Readonly<
    Record<AntiPatternId, { readonly source: string; readonly critical: Predicate }>
  >
  /** The EU AI Act use-case classifier (stakes.md); null when none was given. */
  readonly classifier: Classifier | null
  /** Register gates and signal thresholds (operate.md); null when none was given. */
  readonly operations: OperationsPlaybook | null
  /** Fractional time, lead times and seat briefs; null when the playbook has no `hiring:` block. */
  readonly hiring: HiringPlaybook | null
  /** Questions about today's leaders and the growth plan; null when the playbook asks none. */
  readonly today: TodaySection | null
}

export interface CompileOptions {
  /** The classifier document to use when the playbook has no `classifier` of its own. */
  readonly classifier?: unknown
  /** The `operations:` block to use when the playbook has none of its own. */
  readonly operations?: unknown
}

/** Validates a parsed playbook document and compiles it; every problem names its path in the document. */
export function compilePlaybook(
  input: unknown,
  options: CompileOptions = {},
): Result<Playbook, readonly Issue[]> {
  const parsed = playbookDocSchema.safeParse(input)
  if (!parsed.success) return { ok: false, error: issuesFromZod(parsed.error) }
  const doc = parsed.data
  const issues = [...checkReferences(doc), ...checkThresholds(doc), ...checkFindings(doc)]
  let classifier: Classifier | null = null
  const classifierDoc = doc.classifier ?? options.classifier
  if (classifierDoc !== undefined) {
    const compiled = compileClassifier(classifierDoc)
    if (compiled.ok) classifier = compiled.value
    else {
      // A playbook's own classifier is reported at its path; a shipped one at the document root.
      const prefix = doc.classifier === undefined ? [] : ['classifier']
      issues.push(...compiled.error.map((i) => ({ ...i, path: [...prefix, ...i.path] })))
    }
  }
  let operations: OperationsPlaybook | null = null
  const operationsDoc = doc.operations ?? options.operations
  if (operationsDoc !== undefined) {
    const compiled = compileOperationsPlaybook(operationsDoc)
    if (compiled.ok) operations = compiled.value
    else {
      const prefix = doc.operations === undefined ? [] : ['operations']
      issues.push(...compiled.error.map((i) => ({ ...i, path: [...prefix, ...i.path] })))
    }
  }
  let hiring: HiringPlaybook | null = null
  if (doc.hiring !== undefined) {
    const compiled = compileHiringPlaybook(doc.hiring, (id) => passageText(doc, id))
    if (compiled.ok) hiring = compiled.value
    else issues.push(...compiled.error.map((i) => ({ ...i, path: ['hiring', ...i.path] })))
  }
  const today =
    doc.today === undefined
      ? null
      : compileToday(
          doc.today,
          Object.fromEntries(
            Object.keys(doc.passages).map((id) => [id, passageText(doc, id) ?? '']),
          ),
        )
  if (today && !today.ok)
    issues.push(...today.error.map((i) => ({ ...i, path: ['today', ...i.path] })))
  if (issues.length > 0) return { ok: false, error: issues }

  const demandRules = doc.aiDemand.rules.map((r) => ({
    value: r.value,
    test: compileCondition(r.when),
  }))
  const demandOf = (facts: Facts): AiDemand => {
    for (const rule of demandRules) if (rule.test(facts)) return rule.value
    return doc.aiDemand.default
  }
  // Like the decision table: the demand rules evaluated once for every combination of facts.
  const demandTable = everyFacts().map(demandOf)
  const aiDemand = (facts: Facts): AiDemand => demandTable[factsIndex(facts)] ?? demandOf(facts)
  const passages = compilePassages(doc)
  const thresholdValues = thresholdValuesOf(doc)
  const rules: CompiledRule[] = doc.rules.map((r) => ({
    id: r.id,
    structure: r.structure,
    why: (typeof r.why === 'string' ? [{ text: r.why }] : r.why).map((w) => ({
      text: compileTemplate(w.text)(thresholdValues),
      test: w.when ? compileCondition(w.when) : () => true,
    })),
    source: r.source,
    when: r.when,
    test: compileCondition(r.when),
  }))
  const capsByBudget: Record<BudgetLevel, Partial<Record<StructureId, CompiledCap>>> = {
    fractional: {},
    one: {},
    two: {},
  }
  for (const cap of doc.caps) {
    for (const budget of cap.budget) {
      capsByBudget[budget][cap.from] ??= { id: cap.id, to: cap.to, why: cap.why }
    }
  }
  const charters = perStructure((s) => buildCharter(doc, s))
  const structureBySeats = new Map<string, StructureId>()
  for (const structure of STRUCTURES) {
    const key = seatKey(doc.structures[structure].seats)
    if (!structureBySeats.has(key)) structureBySeats.set(key, structure)
  }
  const playbook: Playbook = {
    id: doc.id,
    version: doc.version,
    title: doc.title,
    doc,
    passages,
    questionnaire: doc.questionnaire,
    aiDemandDefault: doc.aiDemand.default,
    aiDemand,
    rules,
    capsByBudget,
    decisions: buildDecisionTable(rules, capsByBudget, (rule, structure, facts) => ({
      why: rule.why.find((w) => w.test(facts))?.text ?? '',
      source: quotePassages([...rule.source, ...doc.structures[structure].source], passages, facts),
    })),
    charters,
    seats: perStructure((s) =>
      doc.structures[s].seats.map((seat): Seat => ({
        title: seat.title,
        engagement: seat.engagement,
      })),
    ),
    cadences: perStructure((s) => buildCadence(doc, s)),
    structureBySeats,
    questions: compileQuestions(doc, passages),
    changes: buildChanges(doc),
    highIndustries: new Set(doc.stakes.highIndustries),
    highAreas: new Set(doc.stakes.highAreas),
    elevatedAreas: new Set(doc.stakes.elevatedAreas),
    blockingAreas: new Set(doc.stakes.blockingAreas),
    antiPatterns: Object.fromEntries(
      ANTI_PATTERN_IDS.map((a) => {
        const def = doc.antiPatterns[a]
        const critical = def.critical ? compileCondition(def.critical) : () => false
        return [a, { source: passages[def.source]?.text ?? '', critical }]
      }),
    ) as Playbook['antiPatterns'],
    classifier,
    operations,
    hiring,
    today: today?.ok ? today.value : null,
  }
  const semantic = [
    ...checkCharters(playbook),
    ...checkCoverage(playbook),
    ...checkReasons(playbook),
  ]
  // Frozen: one compiled playbook answers every request of a process (deep-freeze.ts).
  return semantic.length > 0
    ? { ok: false, error: semantic }
    : { ok: true, value: deepFreeze(playbook) }
}

/** A record with one entry for each structure. */
function perStructure<T>(build: (structure: StructureId) => T): Record<StructureId, T> {
  return Object.fromEntries(STRUCTURES.map((s) => [s, build(s)])) as Record<StructureId, T>
}

function checkReferences(doc: PlaybookDoc): Issue[] {
  const issues: Issue[] = []
  const known = (ref: string, path: (string | number)[]) => {
    if (!(ref in doc.passages)) {
      issues.push({
        code: 'unknown_passage',
        path,
        message: `passage "${ref}" is not defined under passages`,
      })
    }
  }
  doc.rules.forEach((rule, i) =>
    rule.source.forEach((ref, j) => known(ref, ['rules', i, 'source', j])),
  )
  for (const s of STRUCTURES)
    doc.structures[s].source.forEach((ref, j) => known(ref, ['structures', s, 'source', j]))
  for (const [q, def] of Object.entries(doc.questions)) {
    if (typeof def.source === 'string') known(def.source, ['questions', q, 'source'])
    else def.source.forEach((ref, j) => known(ref, ['questions', q, 'source', j]))
  }
  for (const [a, def] of Object.entries(doc.antiPatterns))
    known(def.source, ['antiPatterns', a, 'source'])
  doc.questionnaire.forEach((q, i) => {
    if (q.source) known(q.source, ['questionnaire', i, 'source'])
  })
  const ruleIds = new Set<string>()
  doc.rules.forEach((rule, i) => {
    if (ruleIds.has(rule.id))
      issues.push({
        code: 'duplicate_id',
        path: ['rules', i, 'id'],
        message: `rule id "${rule.id}" is used twice`,
      })
    ruleIds.add(rule.id)
  })
  doc.caps.forEach((cap, i) => {
    if (cap.from === cap.to)
      issues.push({
        code: 'invalid_cap',
        path: ['caps', i, 'to'],
        message: 'a cap must change the structure',
      })
  })
  return issues
}

/** The thresholds a rule's reason may name: `{midsizeMin}`, `{highMinEngineers}` and so on. */
function thresholdValuesOf(doc: PlaybookDoc): Record<string, number> {
  const t = doc.thresholds
  return {
    midsizeMin: t.size.midsizeMin,
    largeMin: t.size.largeMin,
    highMinProducts: t.complexity.highMinProducts,
    highMinEngineers: t.complexity.highMinEngineers,
    moderateMin: t.reach.moderateMin,
    broadMin: t.reach.broadMin,
  }
}

function checkThresholds(doc: PlaybookDoc): Issue[] {
  const t = doc.thresholds
  const issues: Issue[] = []
  if (t.size.midsizeMin >= t.size.largeMin) {
    issues.push({
      code: 'invalid_threshold',
      path: ['thresholds', 'size', 'largeMin'],
      message: 'largeMin must be greater than midsizeMin',
    })
  }
  if (t.reach.moderateMin >= t.reach.broadMin) {
    issues.push({
      code: 'invalid_threshold',
      path: ['thresholds', 'reach', 'broadMin'],
      message: 'broadMin must be greater than moderateMin',
    })
  }
  if (t.alignment.criticalBelow > t.alignment.warningBelow) {
    issues.push({
      code: 'invalid_threshold',
      path: ['thresholds', 'alignment', 'warningBelow'],
      message: 'warningBelow must be at least criticalBelow',
    })
  }
  return issues
}

const LEVELS_BY_QUESTION = {
  complexity: COMPLEXITY_LEVELS,
  'ai-centrality': CENTRALITY_LEVELS,
  'cross-functional-reach': REACH_LEVELS,
  'failure-stakes': STAKES_LEVELS,
  budget: BUDGET_LEVELS,
} as const

function checkFindings(doc: PlaybookDoc): Issue[] {
  const issues: Issue[] = []
  for (const [q, levels] of Object.entries(LEVELS_BY_QUESTION)) {
    const findings = doc.questions[q as keyof typeof LEVELS_BY_QUESTION].findings
    for (const level of levels) {
      if (!(level in findings)) {
        issues.push({
          code: 'missing_finding',
          path: ['questions', q, 'findings', level],
          message: `a finding for level "${level}" is required`,
        })
      }
    }
  }
  return issues
}

function checkCharters(playbook: Playbook): Issue[] {
  return STRUCTURES.flatMap((structure) =>
    validateCharter(playbook.charters[structure]).map((issue) => ({
      ...issue,
      path: ['charter', structure, ...issue.path],
      message: `charter of ${structure}: ${issue.message}`,
    })),
  )
}

/** Every decision must have a reason that holds of its facts: a rule's conditional `why` needs a last resort. */
function checkReasons(playbook: Playbook): Issue[] {
  const issues: Issue[] = []
  for (const facts of everyFacts()) {
    if (facts.aiDemand !== playbook.aiDemand({ ...facts, aiDemand: playbook.aiDemandDefault }))
      continue
    const decision = playbook.decisions[factsIndex(facts)]
    if (!decision || decision.why[0] !== '') continue
    const at = playbook.rules.indexOf(decision.rule)
    if (issues.some((i) => i.path[1] === at)) continue
    issues.push({
      code: 'uncovered',
      path: ['rules', at, 'why'],
      message: `rule "${decision.rule.id}" has no reason for some facts it matches; end its why with a text without "when"`,
    })
  }
  return issues
}

/** Every combination of facts must reach a rule: a playbook may not leave an organization undecided. */
function checkCoverage(playbook: Playbook): Issue[] {
  for (const facts of everyFacts()) {
    // Only combinations the playbook can derive: its aiDemand follows from the other facts.
    if (facts.aiDemand !== playbook.aiDemand({ ...facts, aiDemand: playbook.aiDemandDefault }))
      continue
    if (playbook.decisions[factsIndex(facts)]) continue
    const described = Object.entries(facts)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')
    return [
      {
        code: 'uncovered',
        path: ['rules'],
        message: `no rule matches ${described}; add a catch-all rule`,
      },
    ]
  }
  return []
}
