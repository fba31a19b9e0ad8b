import type { Operations } from '../../engine/operations/index.js'
import type { InitiativeDetail, MeetingRecord } from '../../store/operations-records.js'
import type { Organization, Store } from '../../store/store.js'
import { OPERATIONS_SCHEMA_ID } from '../../engine/operations/index.js'
import { NotFoundError } from '../../errors/not-found-error.js'
import { initiativeOf, meetingOf, organizationOf } from './to-engine.js'

export interface LoadedOperations {
  readonly organization: Organization
  readonly initiatives: readonly InitiativeDetail[]
  readonly meetings: readonly MeetingRecord[]
  readonly operations: Operations
}

/** Everything the engine needs about one organization's register, read from the store. */
export async function loadOperations(
  store: Store,
  workspaceId: string,
  organizationId: string,
): Promise<LoadedOperations> {
  const organization = await store.organizations.get(workspaceId, organizationId)
  if (!organization) throw new NotFoundError('organization', organizationId)
  const [initiatives, meetings, seats, acknowledgements, context] = await Promise.all([
    store.initiatives.listDetailed(workspaceId, organizationId),
    store.meetings.listAll(workspaceId, organizationId),
    store.seats.get(workspaceId, organizationId),
    store.signalAcknowledgements.list(workspaceId, organizationId),
    organizationContext(store, workspaceId, organizationId),
  ])
  const operations: Operations = {
    schema: OPERATIONS_SCHEMA_ID,
    organization: organizationOf({
      profile: organization.profile,
      assessment: context.assessment,
      charter: context.charter,
      assignments: seats.assignments,
    }),
    initiatives: initiatives.map(initiativeOf),
    meetings: meetings.map(meetingOf),
    acknowledgements: acknowledgements
      .filter((a) => a.until !== null)
      .map((a) => ({ key: a.key, reason: a.reason, until: a.until ?? '', by: a.by, at: a.at })),
  }
  return { organization, initiatives, meetings, operations }
}

/** The latest assessment of the organization and the latest charter made from it, if any. */
async function organizationContext(store: Store, workspaceId: string, organizationId: string) {
  const {
    items: [latest],
  } = await store.assessments.listForOrganization(workspaceId, organizationId, { limit: 1 })
  if (!latest) return { assessment: null, charter: null }
  const [record, charters] = await Promise.all([
    store.assessments.get(workspaceId, latest.id),
    store.charters.listForAssessment(workspaceId, latest.id),
  ])
  return {
    assessment: record?.result ?? null,
    charter: charters[charters.length - 1]?.charter ?? null,
  }
}

/** The organization as the engine sees it, without loading the register (for gate checks). */
export async function loadOrganizationContext(
  store: Store,
  workspaceId: string,
  organization: Organization,
) {
  const [context, seats] = await Promise.all([
    organizationContext(store, workspaceId, organization.id),
    store.seats.get(workspaceId, organization.id),
  ])
  return organizationOf({
    profile: organization.profile,
    assessment: context.assessment,
    charter: context.charter,
    assignments: seats.assignments,
  })
}
