import type { Playbook } from './compile-playbook.js'
import type { BlockingFinding, Stakes } from './types.js'
import { passageText } from './quote-passages.js'

/** Blocking findings: prohibited AI practices (framework.md §3.4) go at the top of every report. */
export function findBlocking(stakes: Stakes, playbook: Playbook): readonly BlockingFinding[] {
  return stakes.useCases.flatMap((useCase, index): BlockingFinding[] => {
    if (useCase.level !== 'prohibited') return []
    const basis = useCase.classification?.basis ?? []
    return [
      {
        id: 'prohibited-use-case',
        severity: 'blocking',
        message: `AI use case "${useCase.name}" is a prohibited practice${basis.length ? ` (${basis.map((b) => b.ref).join(', ')})` : ''}: stop it before acting on any structure recommendation.`,
        evidence: [
          {
            text: `the use case "${useCase.name}": ${useCase.reason}`,
            field: `ai.useCases[${index}]`,
            value: useCase.name,
          },
        ],
        source: passageText(playbook.doc, 'prohibited') ?? '',
        note: playbook.doc.notes['prohibited'] ?? null,
      },
    ]
  })
}
