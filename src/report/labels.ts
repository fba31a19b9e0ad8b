import type {
  AiActTier,
  CharterGroup,
  QuestionId,
  Severity,
  StructureId,
} from '../engine/vocabulary.js'
import {
  BUDGET_LEVELS,
  CENTRALITY_LEVELS,
  COMPLEXITY_LEVELS,
  REACH_LEVELS,
  STAKES_LEVELS,
} from '../engine/vocabulary.js'

// Display words for the framework's fixed ids (framework.md §1, §3, §6). The assessment carries the
// label of the recommended structure; the other structures (counterfactuals, roadmap) are named here.

export const STRUCTURE_LABELS: Readonly<Record<StructureId, string>> = {
  'separate-full-time': 'Separate full-time CTO and CAIO',
  'cto-plus-fractional-caio': 'Full-time AI-fluent CTO with a fractional CAIO',
  'separate-fractional': 'Separate fractional CTO and CAIO',
  'unified-fractional': 'One fractional CTO/CAIO',
  'unified-full-time': 'One full-time CTO/CAIO',
  'cto-owns-ai': 'Full-time AI-fluent CTO who owns AI',
}

/** The five questions in the article's words ("Five questions cut through the ambiguity"). */
export const QUESTION_TITLES: Readonly<Record<QuestionId, string>> = {
  complexity: 'How complex is your technology organization?',
  'ai-centrality': 'How core is AI to your competitive position?',
  'cross-functional-reach': 'How much AI transformation work exists beyond engineering?',
  'failure-stakes': 'What are the stakes of AI failure?',
  budget: "What's your budget reality?",
}

/** Each question's levels, lowest first, so a level can be drawn as a share of its scale. */
export const QUESTION_SCALES: Readonly<Record<QuestionId, readonly string[]>> = {
  complexity: COMPLEXITY_LEVELS,
  'ai-centrality': CENTRALITY_LEVELS,
  'cross-functional-reach': REACH_LEVELS,
  'failure-stakes': STAKES_LEVELS,
  budget: BUDGET_LEVELS,
}

export const GROUP_LABELS: Readonly<Record<CharterGroup, string>> = {
  'technology-foundation': 'Technology foundation',
  'ai-value': 'AI value',
  'handoff-zones': 'Handoff zones',
  partnership: 'The partnership',
}

export const RACI_LEGEND = [
  ['R', 'Responsible: does the work'],
  ['A', 'Accountable: owns the outcome (exactly one per row)'],
  ['C', 'Consulted'],
  ['I', 'Informed'],
] as const

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  warning: 'Warning',
}

export const TIER_LABELS: Readonly<Record<AiActTier, string>> = {
  prohibited: 'Prohibited practice',
  high: 'High-risk',
  limited: 'Limited risk (transparency duties)',
  minimal: 'Minimal risk',
}

/** `Evolve`, `Keep` … for a change kind or any other id word. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
