import type { QuestionAnswer } from '../../engine/types.js'
import { QUESTION_LABELS, QUESTION_LEVELS } from '../lib/labels.js'

/** The five questions as a chart: each answer's level on its own three-step scale, with the finding. */
export function QuestionsChart({ questions }: { questions: readonly QuestionAnswer[] }) {
  return (
    <ol className="questions-chart">
      {questions.map((question) => {
        const levels = QUESTION_LEVELS[question.id]
        const position = levels.indexOf(question.level)
        return (
          <li key={question.id} className="question-row">
            <div className="question-head">
              <h3>{QUESTION_LABELS[question.id]}</h3>
              <span className={`level level-${position}`}>{question.level}</span>
            </div>
            <div
              className="scale"
              role="meter"
              aria-label={QUESTION_LABELS[question.id]}
              aria-valuemin={1}
              aria-valuemax={levels.length}
              aria-valuenow={position + 1}
              aria-valuetext={question.level}
            >
              {levels.map((level, index) => (
                <span
                  key={level}
                  className={index <= position ? `step on step-${position}` : 'step'}
                >
                  {level}
                </span>
              ))}
            </div>
            <p className="finding">{question.finding}</p>
            {question.source && (
              <blockquote className="passage small">{question.source}</blockquote>
            )}
          </li>
        )
      })}
    </ol>
  )
}
