import type { Playbook } from '../engine/compile-playbook.js'
import type { Store } from '../store/store.js'
import type { ServerConfig } from './config.js'
import type { DemoSeed } from './demo.js'
import type { Mailer } from './mailer.js'

/** What every route family receives from buildApp. */
export interface RouteDeps {
  readonly store: Store
  readonly playbook: Playbook
  readonly config: ServerConfig
  readonly now: () => Date
  readonly setupToken: string | null
  readonly webRoot: string
  /** The examples every new demo workspace starts with; loaded at the first demo. */
  readonly demoSeed: () => Promise<DemoSeed>
  /** Sends invitation emails when TANDEM_SMTP_URL is set; null: links are passed on by hand. */
  readonly mailer: Mailer | null
}
