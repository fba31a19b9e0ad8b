import type { Classification } from '../api/types.js'
import { useContext, useEffect, useState } from 'react'
import { useCaseSchema } from '../../engine/profile-schema.js'
import {
  DEROGATIONS,
  USE_CASE_AREAS,
  USE_CASE_FACTS,
  USE_CASE_ROLES,
} from '../../engine/vocabulary.js'
import { describeError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { getAt } from '../lib/paths.js'
import { ClassificationView } from './Classification.js'
import { CheckboxField, DocFormContext, SelectField, TextField, optionsOf } from './form-fields.js'

// The AI use cases of a profile (stakes.md "The use case record"), each classified live by the
// server's EU AI Act classifier as it is described.

const FACT_LABELS: Readonly<Record<(typeof USE_CASE_FACTS)[number], string>> = {
  lawEnforcement: 'For law enforcement',
  realTime: 'Real-time',
  publicSpace: 'In publicly accessible spaces',
  profiling: 'Profiles natural persons',
  workplaceOrEducation: 'In the workplace or education',
  medicalOrSafety: 'For medical or safety reasons',
  fraudDetection: 'Detects financial fraud',
  interactsWithPeople: 'Talks to people',
  syntheticContent: 'Generates synthetic content',
  deepfake: 'Makes deepfakes',
  emotionRecognition: 'Recognises emotions',
  biometricCategorisation: 'Categorises people by biometrics',
  sensitiveAttributes: 'Infers sensitive attributes',
  socialScoring: 'Social scoring',
  manipulative: 'Manipulative or deceptive techniques',
  exploitsVulnerabilities: 'Exploits vulnerabilities (age, disability, situation)',
  untargetedFaceScraping: 'Untargeted scraping of facial images',
  crimePredictionByProfiling: 'Predicts crime from profiling alone',
  productSafetyComponent: 'Safety component of a regulated product',
  verificationOnly: 'Only verifies people are who they claim',
  gpaiModel: 'Places a general-purpose AI model on the market',
  systemicRisk: 'The model has systemic risk',
}

/** Edits `ai.useCases` of the document in the surrounding form. */
export function UseCaseEditor({ editable }: { editable: boolean }) {
  const form = useContext(DocFormContext)
  if (!form) throw new Error('UseCaseEditor used outside a DocFormContext')
  const raw = getAt(form.doc, 'ai.useCases')
  const useCases = Array.isArray(raw) ? (raw as unknown[]) : []
  const add = () => {
    form.set('ai.useCases', [...useCases, { name: '' }])
  }
  const remove = (index: number) => {
    form.set(
      'ai.useCases',
      useCases.filter((_, i) => i !== index),
    )
  }
  return (
    <div className="use-cases">
      {useCases.length === 0 && (
        <p className="meta">
          No AI use cases listed. Add one to see how the EU AI Act classifies it.
        </p>
      )}
      {useCases.map((useCase, index) => (
        <UseCaseCard
          key={index}
          index={index}
          useCase={useCase}
          editable={editable}
          onRemove={() => remove(index)}
        />
      ))}
      {editable && (
        <button type="button" className="button" onClick={add}>
          Add a use case
        </button>
      )}
    </div>
  )
}

function UseCaseCard({
  index,
  useCase,
  editable,
  onRemove,
}: {
  index: number
  useCase: unknown
  editable: boolean
  onRemove: () => void
}) {
  const base = `ai.useCases[${index}]`
  const name = getAt(useCase, 'name')
  return (
    <fieldset className="card use-case">
      <legend>
        Use case {index + 1}
        {typeof name === 'string' && name.trim() ? `: ${name}` : ''}
      </legend>
      <div className="grid-3">
        <TextField path={`${base}.name`} label="Name" />
        <SelectField
          path={`${base}.area`}
          label="Area"
          options={optionsOf(USE_CASE_AREAS)}
          empty="Not set"
        />
        <TextField
          path={`${base}.point`}
          label="Annex III point or Art. 5 letter"
          hint="e.g. 5b or 5-1-h (optional)"
        />
        <SelectField
          path={`${base}.role`}
          label="Your role"
          options={optionsOf(USE_CASE_ROLES)}
          empty="Not set"
        />
        <SelectField
          path={`${base}.derogation`}
          label="Art. 6(3) derogation"
          options={optionsOf(DEROGATIONS)}
          empty="None"
        />
      </div>
      <details className="facts-toggle">
        <summary>What the system does (facts for the classifier)</summary>
        <div className="fact-grid">
          {USE_CASE_FACTS.map((fact) => (
            <CheckboxField key={fact} path={`${base}.${fact}`} label={FACT_LABELS[fact]} />
          ))}
        </div>
      </details>
      <LiveClassification useCase={useCase} />
      {editable && (
        <button type="button" className="button danger small" onClick={onRemove}>
          Remove use case {index + 1}
        </button>
      )}
    </fieldset>
  )
}

type Live =
  | { state: 'idle' }
  | { state: 'ready'; value: Classification }
  | { state: 'error'; message: string }

function LiveClassification({ useCase }: { useCase: unknown }) {
  const [live, setLive] = useState<Live>({ state: 'idle' })
  const key = JSON.stringify(useCase)
  useEffect(() => {
    const parsed = useCaseSchema.safeParse(useCase)
    if (!parsed.success) {
      setLive({ state: 'idle' })
      return
    }
    let current = true
    const timer = window.setTimeout(() => {
      api.classify(parsed.data).then(
        (value) => current && setLive({ state: 'ready', value }),
        (error: unknown) => current && setLive({ state: 'error', message: describeError(error) }),
      )
    }, 350)
    return () => {
      current = false
      window.clearTimeout(timer)
    }
    // The key stands for the use case's content; the object itself changes identity on every edit.
  }, [key])
  return (
    <div className="live-classification" aria-live="polite">
      {live.state === 'ready' && <ClassificationView classification={live.value} compact />}
      {live.state === 'error' && <p className="meta">Classification unavailable: {live.message}</p>}
    </div>
  )
}
