import type { Playbook } from '../compile-playbook.js'
import type { Digest, DigestOptions } from './build-digest.js'
import type { Operations } from './operations-schema.js'
import type { Audience } from './vocabulary.js'
import { buildDigest } from './build-digest.js'
import { addDays } from './dates.js'

export const WORKSPACE_DIGEST_SCHEMA_ID = 'tandem/workspace-digest@1'

/** The consultancy's view across clients: each organization's digest over one period, with totals. */
export interface WorkspaceDigest {
  readonly schema: typeof WORKSPACE_DIGEST_SCHEMA_ID
  readonly period: { readonly since: string; readonly until: string }
  readonly audience: Audience
  readonly totals: {
    readonly organizations: number
    readonly stageMoves: number
    readonly decisionsMade: number
    readonly decisionsDue: number
    readonly meetingsHeld: number
    readonly signalsRaised: number
    readonly signalsCleared: number
    readonly signalsOpen: number
    readonly criticalOpen: number
  }
  readonly organizations: readonly Digest[]
}

/** Digests every organization of a workspace over the same period, in name order. */
export function buildWorkspaceDigest(
  registers: readonly Operations[],
  playbook: Playbook,
  options: DigestOptions,
): WorkspaceDigest {
  const since = options.since ?? addDays(options.until, -6)
  const audience = options.audience ?? 'client'
  const organizations = [...registers]
    .sort((a, b) =>
      a.organization.name < b.organization.name
        ? -1
        : a.organization.name > b.organization.name
          ? 1
          : 0,
    )
    .map((operations) =>
      buildDigest(operations, playbook, { until: options.until, since, audience }),
    )
  const sum = (count: (digest: Digest) => number) => organizations.reduce((n, d) => n + count(d), 0)
  return {
    schema: WORKSPACE_DIGEST_SCHEMA_ID,
    period: { since, until: options.until },
    audience,
    totals: {
      organizations: organizations.length,
      stageMoves: sum((d) => d.stageMoves.length),
      decisionsMade: sum((d) => d.decisionsMade.length),
      decisionsDue: sum((d) => d.decisionsDue.length),
      meetingsHeld: sum((d) => d.meetingsHeld.length),
      signalsRaised: sum((d) => d.signalsRaised.length),
      signalsCleared: sum((d) => d.signalsCleared.length),
      signalsOpen: sum((d) => d.signalsOpen.length),
      criticalOpen: sum((d) => d.signalsOpen.filter((s) => s.severity === 'critical').length),
    },
    organizations,
  }
}
