import type { Playbook } from '../compile-playbook.js'
import type { OperationsPlaybook } from './operations-playbook-schema.js'

/**
 * The playbook's `operations:` block. Loading always supplies one (the shipped block when a playbook
 * has none), so its absence here is a bug in the caller, not a user's mistake.
 */
export function operationsConfig(playbook: Playbook): OperationsPlaybook {
  if (!playbook.operations) {
    throw new Error(`playbook "${playbook.id}" was compiled without an operations block`)
  }
  return playbook.operations
}
