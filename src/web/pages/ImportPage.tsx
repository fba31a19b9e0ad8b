import type { FormEvent } from 'react'
import type { ImportError, ImportJob } from '../api/types.js'
import { useEffect, useRef, useState } from 'react'
import { api } from '../api/client.js'
import { ErrorBanner, Notice, PageHeader, Section } from '../components/ui.js'
import { importContentType, importFinished, importPercent } from '../lib/import-file.js'
import { hrefFor } from '../lib/routes.js'
import { canEdit, roleIn, useSession } from '../lib/session.js'

const POLL_MS = 400

/** Import profiles from a file, with a progress bar and the rows the server refused. */
export function ImportPage({ ws }: { ws: string }) {
  const { me } = useSession()
  const editable = canEdit(roleIn(me, ws))
  const [file, setFile] = useState<File | null>(null)
  const [job, setJob] = useState<ImportJob | null>(null)
  const [refused, setRefused] = useState<readonly ImportError[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])

  const follow = (current: ImportJob) => {
    setJob(current)
    if (!importFinished(current)) {
      timer.current = window.setTimeout(() => {
        api.importJob(ws, current.id).then(follow, fail)
      }, POLL_MS)
      return
    }
    api.importErrors(ws, current.id).then((rows) => {
      setRefused(rows)
      setBusy(false)
    }, fail)
  }
  const fail = (failure: unknown) => {
    setBusy(false)
    setError(failure)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!file) return
    const type = importContentType(file.name)
    if (!type) {
      setProblem(
        `“${file.name}” is not a file Tandem imports: use .csv, .ndjson, .jsonl, .yaml, .yml or .json.`,
      )
      return
    }
    setProblem(null)
    setError(null)
    setJob(null)
    setRefused(null)
    setBusy(true)
    file
      .text()
      .then((text) => api.startImport(ws, text, type))
      .then(follow, fail)
  }

  const percent = job ? importPercent(job) : 0
  return (
    <>
      <PageHeader
        title="Import organizations"
        lead="One profile per CSV row (columns such as ai.centrality, lists separated by ;), per NDJSON line, or a YAML or JSON list. Valid rows are kept even when others are refused."
      />
      {!editable && <Notice>Viewers cannot import. Ask an owner or editor.</Notice>}
      {editable && (
        <form className="card inline-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="import-file">File to import</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,.ndjson,.jsonl,.yaml,.yml,.json"
              aria-describedby="import-hint"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            <p className="hint" id="import-hint">
              CSV, NDJSON, YAML or JSON.
            </p>
          </div>
          <button type="submit" className="button primary" disabled={!file || busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </form>
      )}
      {problem && (
        <div className="banner banner-error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {error !== null && <ErrorBanner error={error} />}
      {job && (
        <Section id="progress" title="Progress">
          <label htmlFor="import-progress" className="progress-label">
            {job.processed} of {job.total || '?'} rows processed ({percent}%)
          </label>
          <progress id="import-progress" max={100} value={percent}>
            {percent}%
          </progress>
          <p aria-live="polite" className="import-counts">
            <span className="count-ok">{job.accepted} accepted</span> ·{' '}
            <span className="count-bad">{job.refused} refused</span>
            {importFinished(job) && ` · ${job.status}`}
          </p>
          {importFinished(job) && job.accepted > 0 && (
            <a className="button" href={hrefFor({ page: 'organizations', ws })}>
              See the organizations
            </a>
          )}
        </Section>
      )}
      {refused && refused.length > 0 && (
        <Section
          id="refused"
          title="Refused rows"
          lead="Fix these rows in the file and import them again; the accepted rows are already saved."
        >
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Refused rows">
            <table>
              <caption className="visually-hidden">Rows the import refused</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Field</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {refused.map((row, index) => (
                  <tr key={`${row.row}-${row.field ?? ''}-${index}`}>
                    <td>{row.row}</td>
                    <td>{row.field ? <code>{row.field}</code> : '—'}</td>
                    <td>{row.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}
      {refused && refused.length === 0 && job && importFinished(job) && (
        <Notice tone="success">Every row was accepted.</Notice>
      )}
    </>
  )
}
