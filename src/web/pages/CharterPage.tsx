import type { RaciCell } from '../../engine/types.js'
import type { CharterRecord } from '../api/types.js'
import { useMemo, useState } from 'react'
import { ApiError } from '../api/api-error.js'
import { api, links } from '../api/client.js'
import { CharterGrid } from '../components/CharterGrid.js'
import { ErrorBanner, Loaded, Notice, PageHeader } from '../components/ui.js'
import { checkCharter, setCell } from '../lib/charter-rules.js'
import { formatDate, structureLabel } from '../lib/labels.js'
import { hrefFor } from '../lib/routes.js'
import { canEdit, roleIn, useSession } from '../lib/session.js'
import { useLoad } from '../lib/use-load.js'

/** The charter editor: change cells, rules checked live, save as a new version, export. */
export function CharterPage({ ws, id }: { ws: string; id: string }) {
  const [load, reload] = useLoad(() => api.charter(ws, id), [ws, id])
  return (
    <Loaded load={load} what="the charter" onReload={reload}>
      {(record) => (
        <CharterEditor
          key={`${record.id}@${record.version}`}
          ws={ws}
          record={record}
          onReload={reload}
        />
      )}
    </Loaded>
  )
}

function CharterEditor({
  ws,
  record,
  onReload,
}: {
  ws: string
  record: CharterRecord
  onReload: () => void
}) {
  const { me } = useSession()
  const editable = canEdit(roleIn(me, ws))
  const [charter, setCharter] = useState(record.charter)
  const [base, setBase] = useState(record.charter)
  const [version, setVersion] = useState(record.version)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const problems = useMemo(() => checkCharter(charter), [charter])
  const dirty = charter !== base

  const change = (row: string, column: string, cell: RaciCell) => {
    setSaved(null)
    setCharter((old) => setCell(old, row, column, cell))
  }
  const save = () => {
    setBusy(true)
    setError(null)
    api.saveCharter(ws, record.id, charter, version).then(
      (next) => {
        setVersion(next.version)
        setBase(charter)
        setSaved(`Saved as charter version ${next.version}.`)
        setBusy(false)
      },
      (failure: unknown) => {
        setBusy(false)
        setError(failure)
      },
    )
  }

  return (
    <>
      <PageHeader
        title="Responsibility charter"
        lead={`${structureLabel(charter.structure)} · version ${version} · updated ${formatDate(record.updatedAt)}`}
        actions={
          <>
            <a className="button" href={links.charterExport(ws, record.id, 'csv')} download>
              Export CSV
            </a>
            <a className="button" href={links.charterExport(ws, record.id, 'md')} download>
              Export Markdown
            </a>
            <a
              className="button"
              href={hrefFor({ page: 'assessment', ws, id: record.assessmentId })}
            >
              Back to the assessment
            </a>
          </>
        }
      />
      <p className="legend">
        <strong>R</strong> responsible · <strong>A</strong> accountable · <strong>A/R</strong> both
        · <strong>C</strong> consulted · <strong>I</strong> informed. Rules: one A per row, at least
        one R per row, every seat accountable for at least one row.
      </p>
      {error !== null && <ErrorBanner error={error} onReload={onReload} />}
      {error instanceof ApiError && error.issues.length > 0 && (
        <ul className="banner banner-error">
          {error.issues.map((issue) => (
            <li key={`${issue.path}-${issue.message}`}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {saved && <Notice tone="success">{saved}</Notice>}
      <div className="rule-status" aria-live="polite">
        {problems.length === 0 ? (
          <Notice tone="success">Every charter rule holds.</Notice>
        ) : (
          <div className="banner banner-warning" role="status">
            <p>
              {problems.length} rule{problems.length === 1 ? '' : 's'} broken — fix before saving:
            </p>
            <ul>
              {problems.map((problem) => (
                <li key={`${problem.rule}-${problem.row ?? ''}-${problem.column ?? ''}`}>
                  {problem.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="card">
        <CharterGrid
          charter={charter}
          problems={problems}
          {...(editable ? { onChange: change } : {})}
        />
      </div>
      {editable && (
        <div className="form-actions sticky-actions">
          <button
            type="button"
            className="button primary"
            onClick={save}
            disabled={busy || problems.length > 0 || !dirty}
          >
            {busy ? 'Saving…' : 'Save as new version'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setCharter(base)}
            disabled={busy || !dirty}
          >
            Discard changes
          </button>
        </div>
      )}
    </>
  )
}
