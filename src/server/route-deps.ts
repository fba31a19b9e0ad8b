import type { Playbook } from '../engine/compile-playbook.js'
import type { Store } from '../store/store.js'
import type { ServerConfig } from './config.js'

/** What every route family receives from buildApp. */
export interface RouteDeps {
  readonly store: Store
  readonly playbook: Playbook
  readonly config: ServerConfig
  readonly now: () => Date
  readonly setupToken: string | null
  readonly webRoot: string
}
