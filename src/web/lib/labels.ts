import type { AiActTier, AntiPatternId, QuestionId, StructureId } from '../../engine/vocabulary.js'
import type { Role, TokenScope } from '../api/types.js'

// Words shown to people for the framework's ids (framework.md §1, §3, §5).

export const STRUCTURE_LABELS: Readonly<Record<StructureId, string>> = {
  'separate-full-time': 'Separate full-time CTO and CAIO',
  'cto-plus-fractional-caio': 'Full-time CTO + fractional CAIO',
  'separate-fractional': 'Separate fractional CTO and CAIO',
  'unified-fractional': 'Unified fractional CTO/CAIO',
  'unified-full-time': 'Unified full-time CTO/CAIO',
  'cto-owns-ai': 'CTO owns AI',
}

export const ANTI_PATTERN_LABELS: Readonly<Record<AntiPatternId, string>> = {
  'cto-can-handle-ai': '“The CTO can handle AI”',
  'caio-without-technical-depth': '“The CAIO doesn’t need technical depth”',
  'unified-without-dual-depth': 'Unified seat without dual depth',
  'roles-later': '“We’ll figure out roles later”',
  'partners-dont-talk': '“CTO and CAIO don’t need to talk much”',
}

export const QUESTION_LABELS: Readonly<Record<QuestionId, string>> = {
  complexity: 'Technology complexity',
  'ai-centrality': 'AI centrality',
  'cross-functional-reach': 'Cross-functional reach',
  'failure-stakes': 'Stakes of AI failure',
  budget: 'Budget reality',
}

/** Each question's levels, lowest first (framework.md §3). */
export const QUESTION_LEVELS: Readonly<Record<QuestionId, readonly string[]>> = {
  complexity: ['low', 'medium', 'high'],
  'ai-centrality': ['peripheral', 'important', 'core'],
  'cross-functional-reach': ['narrow', 'moderate', 'broad'],
  'failure-stakes': ['normal', 'elevated', 'high'],
  budget: ['fractional', 'one', 'two'],
}

export const TIER_LABELS: Readonly<Record<AiActTier, string>> = {
  prohibited: 'Prohibited',
  high: 'High-risk',
  limited: 'Limited (transparency)',
  minimal: 'Minimal',
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  owner: 'Owner',
  editor: 'Editor',
  viewer: 'Viewer',
}

export const TOKEN_SCOPE_LABELS: Readonly<Record<TokenScope, string>> = {
  read: 'Read only',
  write: 'Read and write',
}

/** A structure id in words; unknown ids (from a custom playbook) are shown as they are. */
export function structureLabel(id: string | null): string {
  if (id === null) return 'Not recognised'
  return id in STRUCTURE_LABELS ? STRUCTURE_LABELS[id as StructureId] : id
}

/** An anti-pattern id in words. */
export function antiPatternLabel(id: string): string {
  return id in ANTI_PATTERN_LABELS ? ANTI_PATTERN_LABELS[id as AntiPatternId] : id
}

/** `2026-11-28T02:33:20Z` as `28 Nov 2026, 02:33 UTC`, the same for every reader. */
export function formatDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const day = date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
  const time = date.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  })
  return `${day}, ${time} UTC`
}
