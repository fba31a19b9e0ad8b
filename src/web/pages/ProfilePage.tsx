import type { FormEvent } from 'react'
import type { Organization } from '../api/types.js'
import { useState } from 'react'
import { api } from '../api/client.js'
import { DocFormContext } from '../components/form-fields.js'
import { PROFILE_FORM_FIELDS, ProfileForm } from '../components/ProfileForm.js'
import { ErrorBanner, Loaded, Notice, PageHeader } from '../components/ui.js'
import { draftToInput, emptyDraft, unplacedErrors } from '../lib/profile-form.js'
import { hrefFor } from '../lib/routes.js'
import { canEdit, roleIn, useSession } from '../lib/session.js'
import { useDraftForm } from '../lib/use-draft-form.js'
import { navigate } from '../lib/use-route.js'
import { useLoad } from '../lib/use-load.js'

/** Create a profile (`org` null) or edit one as a new version. */
export function ProfilePage({ ws, org }: { ws: string; org: string | null }) {
  const [load, reload] = useLoad<Organization | null>(
    () => (org ? api.organization(ws, org) : Promise.resolve(null)),
    [ws, org],
  )
  return (
    <Loaded load={load} what="the profile" onReload={reload}>
      {(organization) => (
        <ProfileEditor
          key={organization ? `${organization.id}@${organization.profileVersion}` : 'new'}
          ws={ws}
          organization={organization}
          onReload={reload}
        />
      )}
    </Loaded>
  )
}

function ProfileEditor({
  ws,
  organization,
  onReload,
}: {
  ws: string
  organization: Organization | null
  onReload: () => void
}) {
  const { me } = useSession()
  const editable = canEdit(roleIn(me, ws))
  const draftForm = useDraftForm(organization ? organization.profile : emptyDraft())
  const [version, setVersion] = useState(organization?.profileVersion ?? 0)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState<string | null>(null)

  const save = (thenAssess: boolean) => (event?: FormEvent) => {
    event?.preventDefault()
    setSaved(null)
    setError(null)
    if (!draftForm.valid) {
      draftForm.revealErrors()
      return
    }
    setBusy(true)
    const profile = draftToInput(draftForm.draft)
    const write = organization
      ? api.updateProfile(ws, organization.id, profile, version)
      : api.createOrganization(ws, profile)
    write
      .then(async (written) => {
        setVersion(written.profileVersion)
        if (thenAssess) {
          const record = await api.assess(ws, written.id, written.profileVersion)
          navigate({ page: 'assessment', ws, id: record.id })
        } else if (!organization) {
          navigate({ page: 'organization', ws, org: written.id })
        } else {
          setSaved(`Saved as profile version ${written.profileVersion}.`)
          setBusy(false)
        }
      })
      .catch((failure: unknown) => {
        setBusy(false)
        if (!draftForm.acceptServerError(failure)) setError(failure)
        else draftForm.revealErrors()
      })
  }

  const hidden = unplacedErrors(draftForm.errors, PROFILE_FORM_FIELDS).filter(
    ([path]) => !/^(ai\.useCases|current\.seats|growth)\[/.test(path),
  )
  const title = organization
    ? editable
      ? `Edit ${organization.name}`
      : organization.name
    : 'New organization profile'
  return (
    <>
      <PageHeader
        title={title}
        lead={
          organization
            ? `Profile version ${version}. Saving creates version ${version + 1}; earlier versions and assessments stay.`
            : 'Describe the organization; the same schema as the API checks every field as you type.'
        }
        actions={
          organization && (
            <a
              className="button"
              href={hrefFor({ page: 'organization', ws, org: organization.id })}
            >
              Back to {organization.name}
            </a>
          )
        }
      />
      {error !== null && <ErrorBanner error={error} onReload={onReload} />}
      {saved && <Notice tone="success">{saved}</Notice>}
      {hidden.length > 0 && draftForm.form.error(hidden[0]?.[0] ?? '') && (
        <div className="banner banner-error" role="alert">
          <ul>
            {hidden.map(([path, message]) => (
              <li key={path}>
                <code>{path}</code>: {message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={save(false)} noValidate className="profile-form">
        <DocFormContext.Provider value={draftForm.form}>
          <fieldset disabled={!editable || busy} className="bare">
            <legend className="visually-hidden">Profile</legend>
            <ProfileForm editable={editable} />
          </fieldset>
        </DocFormContext.Provider>
        {editable && (
          <div className="form-actions sticky-actions">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Saving…' : organization ? 'Save new version' : 'Create organization'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={save(true)}>
              Save and assess
            </button>
            {!draftForm.valid && (
              <span className="meta">Fix the fields marked in red to save.</span>
            )}
          </div>
        )}
      </form>
    </>
  )
}
