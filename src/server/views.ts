import type {
  ApiToken,
  AssessmentRecord,
  AssessmentSummary,
  AuditRow,
  CharterRecord,
  ImportJob,
  Invitation,
  Member,
  PasswordReset,
  Organization,
  PlaybookSummary,
  WorkspaceWithRole,
} from '../store/store.js'

// Responses are built from allowlists of fields (reliability.md §A "mass assignment"): a column
// added to a store row never reaches a client unless it is named here.

export function workspaceView(workspace: WorkspaceWithRole) {
  return {
    id: workspace.id,
    name: workspace.name,
    role: workspace.role,
    version: workspace.version,
  }
}

export function memberView(member: Member) {
  return { userId: member.userId, email: member.email, name: member.name, role: member.role }
}

export function tokenView(token: ApiToken) {
  return {
    id: token.id,
    name: token.name,
    scope: token.scope,
    workspaceId: token.workspaceId,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
  }
}

export function organizationView(organization: Organization) {
  return {
    id: organization.id,
    name: organization.name,
    profileVersion: organization.profileVersion,
    profile: organization.profile,
    updatedAt: organization.updatedAt,
  }
}

export function assessmentSummaryView(assessment: AssessmentSummary) {
  return {
    id: assessment.id,
    organizationId: assessment.organizationId,
    profileVersion: assessment.profileVersion,
    playbook: { id: assessment.playbook.id, version: assessment.playbook.version },
    structure: assessment.structure,
    antiPatterns: [...assessment.antiPatterns],
    currentStructure: assessment.currentStructure,
    createdAt: assessment.createdAt,
    createdBy: assessment.createdBy,
  }
}

export function assessmentView(assessment: AssessmentRecord) {
  return { ...assessmentSummaryView(assessment), result: assessment.result }
}

export function charterView(charter: CharterRecord) {
  return {
    id: charter.id,
    assessmentId: charter.assessmentId,
    organizationId: charter.organizationId,
    version: charter.version,
    charter: charter.charter,
    updatedAt: charter.updatedAt,
  }
}

export function playbookView(playbook: PlaybookSummary) {
  return {
    id: playbook.id,
    playbookId: playbook.playbookId,
    version: playbook.version,
    revision: playbook.revision,
    createdAt: playbook.createdAt,
    createdBy: playbook.createdBy,
  }
}

export function importView(job: ImportJob) {
  return {
    id: job.id,
    status: job.status,
    total: job.total,
    processed: job.processed,
    accepted: job.accepted,
    refused: job.refused,
    failure: job.failure,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  }
}

export function auditView(row: AuditRow) {
  return {
    id: row.id,
    at: row.at,
    actor: row.actorId,
    action: row.action,
    target: row.target,
    before: row.before,
    after: row.after,
  }
}

export function invitationView(invitation: Invitation) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitation.status,
    createdAt: invitation.createdAt,
    createdBy: invitation.createdBy,
    expiresAt: invitation.expiresAt,
  }
}

export function passwordResetView(reset: PasswordReset) {
  return {
    id: reset.id,
    userId: reset.userId,
    email: reset.email,
    status: reset.status,
    createdAt: reset.createdAt,
    createdBy: reset.createdBy,
    expiresAt: reset.expiresAt,
  }
}
