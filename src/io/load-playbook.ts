import type { Playbook } from '../engine/compile-playbook.js'
import type { Problem } from '../errors/app-error.js'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { compilePlaybook } from '../engine/compile-playbook.js'
import { problemFromIssue } from '../contract/issue.js'
import { InvalidPlaybookError } from '../errors/invalid-playbook-error.js'
import { compactStrings } from './compact-strings.js'
import { MAX_DOCUMENT_BYTES } from './limits.js'
import { readTextLimited } from './open-input.js'
import { parseOneLocatedYaml } from './parse-yaml.js'
import { readShippedDocument } from './prebuilt-playbooks.js'

/** The shipped default playbook and EU AI Act classifier (same place from src/ and from dist/). */
export const DEFAULT_PLAYBOOK_PATH = fileURLToPath(
  new URL('../../playbooks/tandem-default.yaml', import.meta.url),
)
export const DEFAULT_CLASSIFIER_PATH = fileURLToPath(
  new URL('../../playbooks/eu-ai-act.yaml', import.meta.url),
)

let defaultPlaybookCache: Playbook | undefined
let defaultClassifierCache: unknown
let defaultOperationsCache: unknown

/** The shipped playbook, read and compiled once per process (from its prebuilt form when current). */
export function defaultPlaybook(): Playbook {
  defaultPlaybookCache ??= compileShipped()
  return defaultPlaybookCache
}

function compileShipped(): Playbook {
  const result = compilePlaybook(defaultPlaybookDocument(), {
    classifier: defaultClassifierDocument(),
    operations: defaultOperationsDocument(),
  })
  if (result.ok) return result.value
  // Problems located at their line in the YAML.
  return compileText(readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8'), DEFAULT_PLAYBOOK_PATH)
}

let defaultPlaybookDocumentCache: unknown

function defaultPlaybookDocument(): unknown {
  // Strings of their own, one byte a character where they can be (compact-strings.ts): compiled
  // playbook strings end up in every assessment and every reply.
  defaultPlaybookDocumentCache ??= compactStrings(readShippedDocument(DEFAULT_PLAYBOOK_PATH))
  return defaultPlaybookDocumentCache
}

/** Reads, validates and compiles a playbook file; problems name the file, line and path inside it. */
export async function loadPlaybook(path: string): Promise<Playbook> {
  return compileText(await readTextLimited(path, path, MAX_DOCUMENT_BYTES), path)
}

/** Compiles a playbook held in memory (an upload); `source` names it in problems. */
export function compilePlaybookText(text: string, source: string): Playbook {
  return compileText(text, source)
}

function compileText(text: string, source: string): Playbook {
  const document = parseOneLocatedYaml(text, source, { maxBytes: MAX_DOCUMENT_BYTES })
  // Strings of their own, one byte a character where they can be (compact-strings.ts): compiled
  // playbook strings end up in every assessment and every reply.
  const result = compilePlaybook(compactStrings(document.value), {
    classifier: defaultClassifierDocument(),
    operations: defaultOperationsDocument(),
  })
  if (result.ok) return result.value
  const problems: Problem[] = result.error.map((issue) =>
    problemFromIssue(issue, { file: source, line: document.lineOf(issue.path) }),
  )
  throw new InvalidPlaybookError(`${source} is not a valid playbook`, problems)
}

function defaultClassifierDocument(): unknown {
  defaultClassifierCache ??= compactStrings(readShippedDocument(DEFAULT_CLASSIFIER_PATH))
  return defaultClassifierCache
}

/** The shipped playbook's `operations:` block, for playbooks that bring none of their own. */
export function defaultOperationsDocument(): unknown {
  defaultOperationsCache ??= (defaultPlaybookDocument() as { operations?: unknown } | null)
    ?.operations
  return defaultOperationsCache
}
