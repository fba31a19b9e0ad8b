import type { Assessment } from '../engine/types.js'
import type { CharterVersion } from './charter-store.js'
import type { ProfileVersion } from './organization-store.js'
import type { Timestamp } from './store.js'
import type { ExportedMeeting, ExportedRegister } from './operations-export.js'

export const WORKSPACE_EXPORT_SCHEMA = 'tandem/workspace-export@1'

/** The whole workspace, for backup or moving; ids are the source workspace's. */
export interface WorkspaceExport {
  readonly schema: typeof WORKSPACE_EXPORT_SCHEMA
  readonly exportedAt: Timestamp
  readonly workspace: { readonly id: string; readonly name: string }
  readonly organizations: readonly {
    readonly id: string
    readonly name: string
    readonly versions: readonly ProfileVersion[]
  }[]
  readonly assessments: readonly {
    readonly id: string
    readonly organizationId: string
    readonly profileVersion: number
    readonly createdAt: Timestamp
    readonly createdBy: string
    readonly result: Assessment
  }[]
  readonly charters: readonly {
    readonly id: string
    readonly assessmentId: string
    readonly versions: readonly CharterVersion[]
  }[]
  readonly playbooks: readonly {
    readonly id: string
    readonly playbookId: string
    readonly version: string
    readonly mediaType: string
    readonly source: string
    readonly document: unknown
    readonly createdAt: Timestamp
    readonly createdBy: string
  }[]
  /** Per organization: seats, initiatives with their history, acknowledged signals (absent in older exports). */
  readonly register?: readonly ExportedRegister[]
  /** Every meeting with its decisions (absent in older exports). */
  readonly meetings?: readonly ExportedMeeting[]
}
