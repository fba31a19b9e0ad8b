import type { Organization, PublicPlaybook } from '../api/types.js'
import { useEffect, useMemo, useRef, useState } from 'react'
import { api } from '../api/client.js'
import { DocFormContext } from '../components/form-fields.js'
import { QuestionInput } from '../components/QuestionInput.js'
import { ErrorBanner, Loaded, PageHeader } from '../components/ui.js'
import { GrowthStep, LeadersStep, TodayStep } from '../components/TodaySteps.js'
import { UseCaseEditor } from '../components/UseCaseEditor.js'
import { getAt } from '../lib/paths.js'
import { crossFieldPaths, draftToInput, emptyWizardDraft } from '../lib/profile-form.js'
import { canEdit, roleIn, useSession } from '../lib/session.js'
import { useDraftForm } from '../lib/use-draft-form.js'
import { navigate } from '../lib/use-route.js'
import { useLoad } from '../lib/use-load.js'
import { describeAnswer, leadersProblem, questionProblem, wizardSteps } from '../lib/wizard.js'

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
  const steps = useMemo(() => wizardSteps(playbook.questionnaire, playbook.today), [playbook])
  const draftForm = useDraftForm(organization ? organization.profile : emptyWizardDraft())
  const stepRef = useRef<HTMLFormElement>(null)
  const [index, setIndex] = useState(0)
  const [attempted, setAttempted] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const step = steps[index] ?? { kind: 'review' as const }
  const problem =
    step.kind === 'question'
      ? questionProblem(step.question, draftForm.draft, draftForm.errors)
      : step.kind === 'leaders'
        ? leadersProblem(draftForm.draft)
        : null
  // A problem that compares fields (engineers > employees) shows as it is typed, not on Next.
  const live = step.kind === 'question' && crossFieldPaths(draftForm.draft).has(step.question.field)
  const questions = steps.flatMap((s) => (s.kind === 'question' ? [s.question] : []))

  // After Next or Back, the next answer typed goes to the new question: focus its first control.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    stepRef.current
      ?.querySelector<HTMLElement>('.wizard-step input, .wizard-step select, .wizard-step h2')
      ?.focus()
  }, [index])

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
        lead="Five questions cut through the ambiguity, then a few about today. Quotes are the article’s words."
      />
      <form
        ref={stepRef}
        className="wizard card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (step.kind === 'review') finish()
          else next()
        }}
        onKeyDown={(event) => {
          // Enter advances from any answer, radios and checkboxes included, as a form would.
          const target = event.target as HTMLElement
          if (event.key !== 'Enter') return
          if (['BUTTON', 'TEXTAREA', 'SELECT', 'A'].includes(target.tagName)) return
          event.preventDefault()
          if (step.kind === 'review') finish()
          else next()
        }}
      >
        <div className="wizard-progress">
          <p>
            Step {index + 1} of {steps.length}
          </p>
          <progress max={steps.length} value={index + 1} aria-label="Questionnaire progress" />
        </div>
        <div className="wizard-step" key={index}>
          {step.kind === 'question' && (
            <QuestionInput
              key={step.question.id}
              question={step.question}
              value={getAt(draftForm.draft, step.question.field)}
              error={attempted || live ? problem : null}
              onChange={(value) => draftForm.form.set(step.question.field, value)}
            />
          )}
          {step.kind === 'leaders' && playbook.today && (
            <LeadersStep
              today={playbook.today}
              form={draftForm.form}
              error={attempted ? problem : null}
            />
          )}
          {step.kind === 'today' && playbook.today && (
            <TodayStep today={playbook.today} form={draftForm.form} />
          )}
          {step.kind === 'use-cases' && (
            <div className="question-input">
              <h2 className="question-prompt" tabIndex={-1}>
                Which AI use cases do you run or plan?
              </h2>
              <figure className="question-help">
                <blockquote className="passage">
                  In healthcare, finance, or legal -- where failures mean regulatory violations or
                  safety issues -- dedicated governance through a CAIO isn’t optional.
                </blockquote>
                <figcaption className="meta source">From the article</figcaption>
              </figure>
              <p className="help-text">
                Each use case is classified under the EU AI Act as you answer its questions.
                Optional.
              </p>
              <DocFormContext.Provider value={draftForm.form}>
                <UseCaseEditor editable />
              </DocFormContext.Provider>
            </div>
          )}
          {step.kind === 'growth' && playbook.today && (
            <GrowthStep today={playbook.today} form={draftForm.form} />
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
                {playbook.today && (
                  <div>
                    <dt>{playbook.today.leaders.prompt}</dt>
                    <dd>{describeLeaders(draftForm.draft, playbook.today.leaders.none)}</dd>
                  </div>
                )}
                <div>
                  <dt>AI use cases</dt>
                  <dd>{describeUseCases(getAt(draftForm.draft, 'ai.useCases'))}</dd>
                </div>
                {playbook.today && (
                  <div>
                    <dt>Growth plan</dt>
                    <dd>{describeGrowth(getAt(draftForm.draft, 'growth'))}</dd>
                  </div>
                )}
              </dl>
              {error !== null && <ErrorBanner error={error} />}
            </div>
          )}
        </div>
        <div className="wizard-nav">
          <button type="button" className="button" onClick={back} disabled={index === 0 || busy}>
            Back
          </button>
          {step.kind === 'review' ? (
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Saving and assessing…' : 'Save and see the assessment'}
            </button>
          ) : (
            <button type="submit" className="button primary">
              Next
            </button>
          )}
        </div>
      </form>
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

function describeLeaders(draft: unknown, none: string): string {
  const seats = getAt(draft, 'current.seats')
  if (!Array.isArray(seats)) return 'Not answered'
  if (seats.length === 0) return none
  return seats
    .map((seat) => {
      const name = getAt(seat, 'name')
      const title = getAt(seat, 'title')
      const engagement = getAt(seat, 'engagement')
      const who = typeof name === 'string' && name.trim() ? `${name}, ` : ''
      return `${who}${typeof title === 'string' ? title : '?'} (${typeof engagement === 'string' ? engagement : '?'})`
    })
    .join('; ')
}

function describeGrowth(value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return 'None'
  return value
    .map((step) => {
      const at = getAt(step, 'at')
      const employees = getAt(step, 'employees')
      const people = typeof employees === 'number' ? `: ${employees} people` : ''
      return `${typeof at === 'string' ? at : '?'}${people}`
    })
    .join(', ')
}
