// Fixed vocabularies of the framework (framework.md §1–§6). Ids are a public interface: never rename.

export const STRUCTURES = [
  'separate-full-time',
  'cto-plus-fractional-caio',
  'separate-fractional',
  'unified-fractional',
  'unified-full-time',
  'cto-owns-ai',
] as const
export type StructureId = (typeof STRUCTURES)[number]

export const SEAT_TITLES = ['CTO', 'CAIO', 'CTO/CAIO'] as const
export type SeatTitle = (typeof SEAT_TITLES)[number]

export const ENGAGEMENTS = ['full-time', 'fractional'] as const
export type Engagement = (typeof ENGAGEMENTS)[number]

export const QUESTION_IDS = [
  'complexity',
  'ai-centrality',
  'cross-functional-reach',
  'failure-stakes',
  'budget',
] as const
export type QuestionId = (typeof QUESTION_IDS)[number]

export const COMPLEXITY_LEVELS = ['low', 'medium', 'high'] as const
export type ComplexityLevel = (typeof COMPLEXITY_LEVELS)[number]

export const CENTRALITY_LEVELS = ['peripheral', 'important', 'core'] as const
export type CentralityLevel = (typeof CENTRALITY_LEVELS)[number]

export const REACH_LEVELS = ['narrow', 'moderate', 'broad'] as const
export type ReachLevel = (typeof REACH_LEVELS)[number]

export const STAKES_LEVELS = ['normal', 'elevated', 'high'] as const
export type StakesLevel = (typeof STAKES_LEVELS)[number]

export const BUDGET_LEVELS = ['fractional', 'one', 'two'] as const
export type BudgetLevel = (typeof BUDGET_LEVELS)[number]

export const SIZES = ['startup', 'midsize', 'large'] as const
export type Size = (typeof SIZES)[number]

export const AI_DEMANDS = ['none', 'dedicated', 'full'] as const
export type AiDemand = (typeof AI_DEMANDS)[number]

export const AI_FUNCTIONS = [
  'sales',
  'marketing',
  'customer-success',
  'operations',
  'finance',
  'hr',
  'legal',
  'procurement',
  'supply-chain',
  'other',
] as const
export type AiFunction = (typeof AI_FUNCTIONS)[number]

export const INDUSTRIES = [
  'healthcare',
  'financial-services',
  'insurance',
  'legal',
  'education',
  'employment-services',
  'critical-infrastructure',
  'public-sector',
  'software',
  'retail',
  'media',
  'manufacturing',
  'logistics',
  'hospitality',
  'real-estate',
  'other',
] as const
export type Industry = (typeof INDUSTRIES)[number]

export const USE_CASE_AREAS = [
  'biometrics',
  'critical-infrastructure',
  'education',
  'employment',
  'essential-services',
  'law-enforcement',
  'migration-border',
  'justice-democracy',
  'safety-component',
  'transparency',
  'prohibited',
] as const
export type UseCaseArea = (typeof USE_CASE_AREAS)[number]

export const ANTI_PATTERN_IDS = [
  'cto-can-handle-ai',
  'caio-without-technical-depth',
  'unified-without-dual-depth',
  'roles-later',
  'partners-dont-talk',
] as const
export type AntiPatternId = (typeof ANTI_PATTERN_IDS)[number]

export const SEVERITIES = ['critical', 'warning'] as const
export type Severity = (typeof SEVERITIES)[number]

export const CHARTER_GROUPS = [
  'technology-foundation',
  'ai-value',
  'handoff-zones',
  'partnership',
] as const
export type CharterGroup = (typeof CHARTER_GROUPS)[number]

export const CHARTER_ROW_IDS = [
  'platforms',
  'infrastructure',
  'architecture',
  'engineering-organization',
  'security',
  'reliability',
  'scalability',
  'ai-strategy',
  'ai-governance',
  'roi-measurement',
  'cross-functional-adoption',
  'ai-risk-management',
  'value-translation',
  'mlops-reliability',
  'mlops-use-case-enablement',
  'data-systems-pipelines',
  'data-governance-quality',
  'strategic-alignment',
  'structure-review',
] as const
export type CharterRowId = (typeof CHARTER_ROW_IDS)[number]

/** Columns that every charter has besides the structure's seats. */
export const FIXED_CHARTER_COLUMNS = ['CEO', 'Engineering', 'Business functions'] as const

export const CHANGE_KINDS = ['keep', 'evolve', 'restructure', 'establish'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

/** A leader's depths: `tech` = has led a technology organization, `ai` = has built and shipped AI systems. */
export const DEPTHS = ['tech', 'ai'] as const
export type Depth = (typeof DEPTHS)[number]

/** What a holder lacks for the seat they keep (framework.md §4a.2–3). */
export const SEAT_GAPS = ['ai-fluency', 'tech-leadership'] as const
export type SeatGap = (typeof SEAT_GAPS)[number]

/**
 * Why a current seat keeps no place (framework.md §4a.5); `no-seat`: qualified, within budget, but
 * another holder took the one seat they qualify for.
 */
export const DEPARTURE_REASONS = ['not-qualified', 'over-budget', 'no-seat'] as const
export type DepartureReason = (typeof DEPARTURE_REASONS)[number]

/** A counterfactual's direction (framework.md §7). */
export const DIRECTIONS = ['grow', 'shrink'] as const
export type Direction = (typeof DIRECTIONS)[number]

// EU AI Act use-case vocabulary (stakes.md).
export const AI_ACT_TIERS = ['minimal', 'limited', 'high', 'prohibited'] as const
export type AiActTier = (typeof AI_ACT_TIERS)[number]

export const USE_CASE_ROLES = ['provider', 'deployer'] as const
export const DEROGATIONS = [
  'narrow-procedural',
  'improves-human-work',
  'pattern-detection',
  'preparatory',
] as const
export type Derogation = (typeof DEROGATIONS)[number]

export const USE_CASE_FACTS = [
  'lawEnforcement',
  'realTime',
  'publicSpace',
  'profiling',
  'workplaceOrEducation',
  'medicalOrSafety',
  'fraudDetection',
  'interactsWithPeople',
  'syntheticContent',
  'deepfake',
  'emotionRecognition',
  'biometricCategorisation',
  'sensitiveAttributes',
  'socialScoring',
  'manipulative',
  'exploitsVulnerabilities',
  'untargetedFaceScraping',
  'crimePredictionByProfiling',
  'productSafetyComponent',
  'verificationOnly',
  'gpaiModel',
  'systemicRisk',
] as const
export type UseCaseFact = (typeof USE_CASE_FACTS)[number]

/** Position of a level in its ordered vocabulary, for comparisons. */
export function rank<T extends string>(levels: readonly T[], level: T): number {
  return levels.indexOf(level)
}
