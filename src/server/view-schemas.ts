import { z } from 'zod'
import { assessmentSchema, charterSchema } from '../engine/assessment-schema.js'
import { questionDefinitionSchema, seatTemplateSchema } from '../engine/playbook-schema.js'
import { profileSchema } from '../engine/profile-schema.js'
import { IMPORT_STATUSES } from '../contract/import-statuses.js'
import { ROLES } from '../contract/roles.js'
import { TOKEN_SCOPES } from '../contract/token-scopes.js'
import { LINK_STATUSES } from '../contract/link-statuses.js'
import { ANTI_PATTERN_IDS, STRUCTURES } from '../engine/vocabulary.js'

// The response bodies of views.ts (and of the few routes that shape their own), as zod schemas for
// OpenAPI. Strict like the views: a field a view gains or loses must be added here too, or the
// documentation test (openapi-responses.test.ts) fails.

const id = z.string()
const timestamp = z.string().describe('ISO-8601 UTC')
const role = z.enum(ROLES)
const version = z.number().int().min(1)

export const userSchema = z.strictObject({ id, email: z.string(), name: z.string() })
export const signedInSchema = z.strictObject({ user: userSchema })

export const workspaceSchema = z.strictObject({ id, name: z.string(), role, version })

export const meSchema = z.strictObject({
  user: userSchema,
  workspaces: z.array(z.strictObject({ id, name: z.string(), role })),
})

export const setupResultSchema = z.strictObject({
  user: userSchema,
  workspace: z.strictObject({ id, name: z.string(), role }),
})

export const memberSchema = z.strictObject({
  userId: id,
  email: z.string(),
  name: z.string(),
  role,
})

export const tokenSchema = z.strictObject({
  id,
  name: z.string(),
  scope: z.enum(TOKEN_SCOPES),
  workspaceId: id.nullable(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
})

/** The only response that carries a token's secret. */
export const createdTokenSchema = tokenSchema.extend({ token: z.string() })

export const organizationSchema = z.strictObject({
  id,
  name: z.string(),
  profileVersion: version,
  profile: profileSchema,
  updatedAt: timestamp,
})

export const createdOrganizationSchema = organizationSchema.omit({ updatedAt: true })

export const organizationPageSchema = z.strictObject({
  total: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('matching organizations; only with `count=true`'),
  nextCursor: z.string().nullable().describe('pass as `after` for the next page; null on the last'),
  items: z.array(
    z.strictObject({
      id,
      name: z.string(),
      profileVersion: version,
      updatedAt: timestamp,
      latestAssessment: z
        .strictObject({
          id,
          structure: z.string(),
          antiPatterns: z.array(z.string()),
          currentStructure: z.string().nullable(),
          createdAt: timestamp,
        })
        .nullable(),
    }),
  ),
})

export const profileVersionSchema = z.strictObject({
  version,
  profile: profileSchema,
  createdAt: timestamp,
  createdBy: id,
})

export const assessmentSummarySchema = z.strictObject({
  id,
  organizationId: id,
  profileVersion: version,
  playbook: z.strictObject({ id, version: z.string() }),
  structure: z.string(),
  antiPatterns: z.array(z.string()),
  currentStructure: z.string().nullable(),
  createdAt: timestamp,
  createdBy: id,
})

export const assessmentRecordSchema = assessmentSummarySchema.extend({ result: assessmentSchema })

export const charterRecordSchema = z.strictObject({
  id,
  assessmentId: id,
  organizationId: id,
  version,
  charter: charterSchema,
  updatedAt: timestamp,
})

export const charterVersionSchema = z.strictObject({
  version,
  charter: charterSchema,
  createdAt: timestamp,
  createdBy: id,
})

export const playbookSummarySchema = z.strictObject({
  id,
  playbookId: id,
  version: z.string(),
  revision: z.number().int().min(1),
  createdAt: timestamp,
  createdBy: id,
})

export const createdPlaybookSchema = z.strictObject({ id, playbookId: id, version: z.string() })

export const importJobSchema = z.strictObject({
  id,
  status: z.enum(IMPORT_STATUSES),
  total: z.number().int().min(0),
  processed: z.number().int().min(0),
  accepted: z.number().int().min(0),
  refused: z.number().int().min(0),
  failure: z.string().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
})

export const importRowErrorSchema = z.strictObject({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
})

export const portfolioSchema = z.strictObject({
  assessed: z.number().int().min(0).describe('organizations with at least one assessment'),
  byStructure: z.record(z.string(), z.number().int().min(0)),
  antiPatterns: z.array(z.strictObject({ id: z.string(), count: z.number().int().min(0) })),
  mismatches: z.array(
    z.strictObject({
      organizationId: id,
      name: z.string(),
      current: z.string(),
      recommended: z.string(),
    }),
  ),
  mismatchTotal: z.number().int().min(0),
  nextCursor: z
    .string()
    .nullable()
    .describe('pass as `after` for the next page of mismatches; null on the last'),
})

export const auditRowSchema = z.strictObject({
  id,
  at: timestamp,
  actor: id,
  action: z.string(),
  target: z.string(),
  before: z.unknown().describe('the object before the change, or null'),
  after: z.unknown().describe('the object after the change, or null'),
})

/** `GET /api/v1/playbook`: what a client needs to build a questionnaire, no rules. */
export const publicPlaybookSchema = z.strictObject({
  id,
  version: z.string(),
  title: z.string(),
  questionnaire: z.array(questionDefinitionSchema),
  /** Questions about today's leaders and the growth plan (the playbook's `today:`); null when none. */
  today: z.unknown().nullable(),
  /** The EU AI Act classifier's questions, for a form that walks them; null without a classifier. */
  classifier: z
    .strictObject({
      asOf: z.string(),
      tier: z.string(),
      transparency: z.array(z.string()),
      models: z.array(z.string()),
      questions: z.array(
        z.strictObject({
          id: z.string(),
          reads: z.string(),
          ref: z.string(),
          summary: z.string(),
          ask: z.string(),
          help: z.string().nullable(),
          insist: z.boolean(),
          answers: z.array(
            z.strictObject({
              value: z.union([z.literal(true), z.string()]),
              label: z.string(),
              next: z.string(),
            }),
          ),
          otherwise: z.string(),
        }),
      ),
      prohibited: z.array(z.string()),
      choices: z.record(
        z.string(),
        z.array(z.strictObject({ value: z.string(), label: z.string() })),
      ),
    })
    .nullable(),
  structures: z.array(
    z.strictObject({ id: z.string(), label: z.string(), seats: z.array(seatTemplateSchema) }),
  ),
})

const linkStatus = z.enum(LINK_STATUSES)

/** A pending invitation as the members page lists it; never the token. */
export const invitationSchema = z.strictObject({
  id,
  email: z.string(),
  role,
  status: linkStatus,
  createdAt: timestamp,
  createdBy: id,
  expiresAt: timestamp,
})

/** A one-time link just issued: the only response that carries it. */
const issuedLink = {
  link: z.string().describe('The one-time link to pass on; shown once, stored only as a hash'),
}

export const createdInvitationSchema = invitationSchema.extend({
  ...issuedLink,
  emailed: z.boolean().describe('true when TANDEM_SMTP_URL is set and the email was accepted'),
})

export const passwordResetSchema = z.strictObject({
  id,
  userId: id,
  email: z.string(),
  status: linkStatus,
  createdAt: timestamp,
  createdBy: id,
  expiresAt: timestamp,
})

export const createdPasswordResetSchema = passwordResetSchema.extend(issuedLink)

/** What the invitee sees before accepting; details only while the link is usable. */
export const invitationLookupSchema = z.strictObject({
  status: linkStatus,
  invitation: z
    .strictObject({
      email: z.string(),
      role,
      workspaceName: z.string(),
      invitedBy: z.string(),
      expiresAt: timestamp,
      accountExists: z.boolean(),
      signedIn: z.boolean().describe('signed in as the invited account: no password needed'),
    })
    .optional(),
})

export const joinedSchema = z.strictObject({
  user: userSchema,
  workspace: z.strictObject({ id, name: z.string(), role }),
})

export const passwordResetLookupSchema = z.strictObject({
  status: linkStatus,
  reset: z.strictObject({ email: z.string(), expiresAt: timestamp }).optional(),
})

export const setupCheckSchema = z.strictObject({
  status: z
    .enum(['pending', 'used'])
    .describe('used: the first owner exists, or the link is wrong'),
})

/**
 * The compact form of an assessment (`?detail=summary`, `tandem assess --detail summary`): the
 * structure, the five levels and the anti-patterns, as one row of `tandem batch --detail summary`.
 */
export const compactAssessmentSchema = z.strictObject({
  name: z.string(),
  structure: z.enum(STRUCTURES),
  complexity: z.string(),
  'ai-centrality': z.string(),
  'cross-functional-reach': z.string(),
  'failure-stakes': z.string(),
  budget: z.string(),
  antiPatterns: z.array(z.enum(ANTI_PATTERN_IDS)),
})
