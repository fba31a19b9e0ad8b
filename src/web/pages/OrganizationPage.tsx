import type { Organization } from '../api/types.js'
import { useState } from 'react'
import { api } from '../api/client.js'
import { Badge, Empty, ErrorBanner, Loaded, PageHeader, Section } from '../components/ui.js'
import { formatDate, structureLabel } from '../lib/labels.js'
import { hrefFor } from '../lib/routes.js'
import { canEdit, roleIn, useSession } from '../lib/session.js'
import { navigate } from '../lib/use-route.js'
import { useLoad } from '../lib/use-load.js'

/** One organization: its profile at a glance, its assessments, and what can be done next. */
export function OrganizationPage({ ws, org }: { ws: string; org: string }) {
  const { me } = useSession()
  const editable = canEdit(roleIn(me, ws))
  const [data, reload] = useLoad(
    () => Promise.all([api.organization(ws, org), api.assessments(ws, org)]),
    [ws, org],
  )
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const assess = () => {
    setBusy(true)
    setError(null)
    api.assess(ws, org).then(
      (record) => navigate({ page: 'assessment', ws, id: record.id }),
      (failure: unknown) => {
        setBusy(false)
        setError(failure)
      },
    )
  }
  const remove = (organization: Organization) => {
    if (!window.confirm(`Delete “${organization.name}” with all its versions and assessments?`))
      return
    api.deleteOrganization(ws, org).then(() => navigate({ page: 'organizations', ws }), setError)
  }

  return (
    <Loaded load={data} what="the organization" onReload={reload}>
      {([organization, assessments]) => {
        const newest = [...assessments].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        return (
          <>
            <PageHeader
              title={organization.name}
              lead={`Profile version ${organization.profileVersion}${organization.updatedAt ? ` · updated ${formatDate(organization.updatedAt)}` : ''}`}
              actions={
                <>
                  {editable && (
                    <button
                      type="button"
                      className="button primary"
                      onClick={assess}
                      disabled={busy}
                    >
                      {busy ? 'Assessing…' : 'Assess now'}
                    </button>
                  )}
                  {editable && (
                    <a className="button" href={hrefFor({ page: 'wizard', ws, org })}>
                      Questionnaire
                    </a>
                  )}
                  <a className="button" href={hrefFor({ page: 'edit-organization', ws, org })}>
                    {editable ? 'Edit profile' : 'View profile'}
                  </a>
                  <a className="button" href={hrefFor({ page: 'history', ws, org })}>
                    History
                  </a>
                </>
              }
            />
            {error !== null && <ErrorBanner error={error} onReload={reload} />}
            <Section id="profile" title="Profile at a glance">
              <dl className="facts">
                <Fact label="Employees" value={organization.profile.employees} />
                <Fact label="Engineers" value={organization.profile.engineers} />
                <Fact label="Products" value={organization.profile.products} />
                <Fact label="Industry" value={organization.profile.industry} />
                <Fact label="AI centrality" value={organization.profile.ai.centrality} />
                <Fact
                  label="AI beyond engineering"
                  value={organization.profile.ai.functions.join(', ') || 'none'}
                />
                <Fact label="AI use cases" value={organization.profile.ai.useCases.length} />
                <Fact
                  label="Full-time leaders funded"
                  value={organization.profile.budget.fullTimeLeaders ?? 'from today’s leaders'}
                />
                <Fact
                  label="Leaders today"
                  value={
                    organization.profile.current?.seats
                      .map((seat) => `${seat.title} (${seat.engagement})`)
                      .join(', ') || 'not given'
                  }
                />
              </dl>
            </Section>
            <Section id="assessments" title="Assessments">
              {newest.length === 0 ? (
                <Empty title="Not assessed yet.">
                  {editable && <p>Use “Assess now” to get a recommendation.</p>}
                </Empty>
              ) : (
                <ol className="timeline-list">
                  {newest.map((item) => (
                    <li key={item.id}>
                      <a href={hrefFor({ page: 'assessment', ws, id: item.id })}>
                        {formatDate(item.createdAt)}
                      </a>{' '}
                      <Badge tone="structure">{structureLabel(item.structure)}</Badge>{' '}
                      <span className="meta">
                        profile v{item.profileVersion} · playbook {item.playbook.id}{' '}
                        {item.playbook.version}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </Section>
            {editable && (
              <div className="danger-zone">
                <button
                  type="button"
                  className="button danger"
                  onClick={() => remove(organization)}
                >
                  Delete organization
                </button>
              </div>
            )}
          </>
        )
      }}
    </Loaded>
  )
}

function Fact({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
}
