import type { Stage } from './vocabulary.js'

/**
 * The stage machine (operate.md §1): `idea` → `pilot`; `pilot` → `production` | `idea`;
 * `production` → `pilot` | `retired`; any → `stopped`; `stopped` → `idea`.
 */
export const ALLOWED_MOVES: Readonly<Record<Stage, readonly Stage[]>> = {
  idea: ['pilot', 'stopped'],
  pilot: ['production', 'idea', 'stopped'],
  production: ['pilot', 'retired', 'stopped'],
  retired: ['stopped'],
  stopped: ['idea'],
}

/** Whether the stage machine allows moving from one stage to another. */
export function isAllowedMove(from: Stage, to: Stage): boolean {
  return ALLOWED_MOVES[from].includes(to)
}
