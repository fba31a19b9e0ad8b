import type { Organization, PublicPlaybook } from '../api/types.js'
import { useMemo, useState } from 'react'
import { api } from '../api/client.js'
import { DocFormContext } from '../components/form-fields.js'
import { QuestionInput } from '../components/QuestionInput.js'
import { ErrorBanner, Loaded, PageHeader } from '../components/ui.js'
import { UseCaseEditor } from '../components/UseCaseEditor.js'
import { getAt } from '../lib/paths.js'
import { draftToInput, emptyDraft } from '../lib/profile-form.js'
import { canEdit, roleIn, useSession } from '../lib/session.js'
import { useDraftForm } from '../lib/use-draft-form.js'
import { navigate } from '../lib/use-route.js'
import { useLoad } from '../lib/use-load.js'
import { describeAnswer, questionProblem, wizardSteps } from '../lib/wizard.js'

/** The questionnaire: the playbook's questions one at a time, then use cases; finishing assesses. */
export function WizardPage({ ws, org }: { ws: string; org: string | null }) {
  const { me } = useSession()
  const [load, reload] = useLoad(
    () => Promise.all([api.playbook(), org ? api.organization(ws, org) : Promise.resolve(null)]),
    [ws, org],
  )
  if (!canEdit(roleIn(me, ws))) {
    return (
      <>
        <PageHeader title="Questionnaire" />
        <div className="banner banner-info" role="status">
          <p>
            Viewers cannot save profiles or assessments. Ask an owner or editor to run the
            questionnaire.
          </p>
        </div>
      </>
    )
  }
  return (
    <Loaded load={load} what="the questionnaire" onReload={reload}>
      {([playbook, organization]) => (
        <Wizard ws={ws} playbook={playbook} organization={organization} />
      )}
    </Loaded>
  )
}

function Wizard({
  ws,
  playbook,
  organization,
}: {
  ws: string
  playbook: PublicPlaybook
  organization: Organization | null
}) {
  const steps = useMemo(() => wizardSteps(playbook.questionnaire), [playbook])
  const draftForm = useDraftForm(organization ? organization.profile : emptyDraft())
  const [index, setIndex] = useState(0)
  const [attempted, setAttempted] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const step = steps[index] ?? { kind: 'review' as const }
  const problem =
    step.kind === 'question'
      ? questionProblem(step.question, draftForm.draft, draftForm.errors)
      : null
  const questions = steps.flatMap((s) => (s.kind === 'question' ? [s.question] : []))

  const next = () => {
    if (problem) {
      setAttempted(true)
      return
    }
    setAttempted(false)
    setIndex((i) => Math.min(steps.length - 1, i + 1))
  }
  const back = () => {
    setAttempted(false)
    setIndex((i) => Math.max(0, i - 1))
  }
  const finish = () => {
    if (!draftForm.valid) {
      const first = questions.findIndex(
        (q) => questionProblem(q, draftForm.draft, draftForm.errors) !== null,
      )
      if (first >= 0) {
        setIndex(
          steps.findIndex((s) => s.kind === 'question' && s.question.id === questions[first]?.id),
        )
        setAttempted(true)
      } else draftForm.revealErrors()
      return
    }
    setBusy(true)
    setError(null)
    const profile = draftToInput(draftForm.draft)
    const write = organization
      ? api.updateProfile(ws, organization.id, profile, organization.profileVersion)
      : api.createOrganization(ws, profile)
    write
      .then((written) => api.assess(ws, written.id, written.profileVersion))
      .then(
        (record) => navigate({ page: 'assessment', ws, id: record.id }),
        (failure: unknown) => {
          setBusy(false)
          setError(failure)
        },
      )
  }

  return (
    <>
      <PageHeader
        title={organization ? `Questionnaire: ${organization.name}` : 'Questionnaire'}
        lead="Five questions cut through the ambiguity. Each step quotes the article it comes from."
      />
      <div className="wizard card">
        <div className="wizard-progress">
          <p>
            Step {index + 1} of {steps.length}
          </p>
          <progress max={steps.length} value={index + 1} aria-label="Questionnaire progress" />
        </div>
        {step.kind === 'question' && (
          <QuestionInput
            key={step.question.id}
            question={step.question}
            value={getAt(draftForm.draft, step.question.field)}
            error={attempted ? problem : null}
            onChange={(value) => draftForm.form.set(step.question.field, value)}
          />
        )}
        {step.kind === 'use-cases' && (
          <div className="question-input">
            <h2 className="question-prompt">Which AI use cases do you run or plan?</h2>
            <blockquote className="passage">
              In healthcare, finance, or legal -- where failures mean regulatory violations or
              safety issues -- dedicated governance through a CAIO isn’t optional.
            </blockquote>
            <p className="meta">
              Each use case is classified under the EU AI Act as you describe it. Optional.
            </p>
            <DocFormContext.Provider value={draftForm.form}>
              <UseCaseEditor editable />
            </DocFormContext.Provider>
          </div>
        )}
        {step.kind === 'review' && (
          <div className="question-input">
            <h2 className="question-prompt">Review your answers</h2>
            <dl className="review">
              {questions.map((question, i) => (
                <div key={question.id}>
                  <dt>{question.prompt}</dt>
                  <dd>
                    {describeAnswer(question, getAt(draftForm.draft, question.field))}{' '}
                    <button type="button" className="link-button" onClick={() => setIndex(i)}>
                      Change<span className="visually-hidden"> {question.prompt}</span>
                    </button>
                  </dd>
                </div>
              ))}
              <div>
                <dt>AI use cases</dt>
                <dd>{describeUseCases(getAt(draftForm.draft, 'ai.useCases'))}</dd>
              </div>
            </dl>
            {error !== null && <ErrorBanner error={error} />}
          </div>
        )}
        <div className="wizard-nav">
          <button type="button" className="button" onClick={back} disabled={index === 0 || busy}>
            Back
          </button>
          {step.kind === 'review' ? (
            <button type="button" className="button primary" onClick={finish} disabled={busy}>
              {busy ? 'Saving and assessing…' : 'Save and see the assessment'}
            </button>
          ) : (
            <button type="button" className="button primary" onClick={next}>
              Next
            </button>
          )}
        </div>
      </div>
    </>
  )
}

function describeUseCases(value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return 'None'
  return value
    .map((item) => {
      const name = getAt(item, 'name')
      return typeof name === 'string' && name.trim() ? name : '(unnamed)'
    })
    .join(', ')
}
