import type { Command } from 'commander'
import type { ClassifiedUseCase } from '../../engine/stakes/classifier-schema.js'
import type { Classifier } from '../../engine/stakes/compile-classifier.js'
import type { Problem } from '../../errors/app-error.js'
import type { LocatedDocument } from '../../io/parse-yaml.js'
import type { CliContext } from '../context.js'
import type { Prompter } from '../prompter.js'
import type { ClassifyFormat, NamedClassification } from './classify-render.js'
import { Option } from 'commander'
import { extname } from 'node:path'
import { classifiedUseCaseSchema } from '../../engine/stakes/classifier-schema.js'
import { classify } from '../../engine/stakes/classify.js'
import { formatProblem } from '../../errors/app-error.js'
import { InvalidInputError } from '../../errors/invalid-input-error.js'
import { UsageError } from '../../errors/usage-error.js'
import { MAX_PROFILE_BYTES } from '../../io/limits.js'
import { readTextLimited } from '../../io/open-input.js'
import { parseJson } from '../../io/parse-json.js'
import { parseOneLocatedYaml } from '../../io/parse-yaml.js'
import { validateLocated } from '../../io/validate-located.js'
import { EXIT } from '../exit-codes.js'
import { clackPrompter } from '../prompter.js'
import { resolvePlaybook } from '../resolve-playbook.js'
import { writeOutput } from '../write-output.js'
import { askUseCase } from './classify-interactive.js'
import { CLASSIFY_FORMATS, renderClassifications, summarize } from './classify-render.js'
import { problemFromIssue } from '../../contract/issue.js'
import { issuesFromZod } from '../../contract/issues-from-zod.js'

interface ClassifyOptions {
  readonly format?: ClassifyFormat
  readonly out?: string
  readonly playbook?: string
}

/** `tandem classify [file|-]`: the EU AI Act tier of each AI use case, article by article. */
export function registerClassify(program: Command, context: CliContext): void {
  program
    .command('classify')
    .summary('classify AI use cases under the EU AI Act, with the articles behind each tier')
    .description(
      'Classify the AI use cases of a profile (ai.useCases), a single use case record, or a list of\n' +
        'records, under the EU AI Act: tier, transparency duties, basis article by article, and\n' +
        "obligations. Without a file, on a terminal, it asks the classifier's questions one by one.\n" +
        'Not legal advice: see docs/stakes.md.',
    )
    .argument('[file]', 'profile or use case file (.yaml, .yml, .json), or - for stdin')
    .addOption(
      new Option(
        '-f, --format <format>',
        'output format (default: from --out extension, else md)',
      ).choices(CLASSIFY_FORMATS),
    )
    .option('-o, --out <file>', 'write the classification to a file instead of stdout')
    .option(
      '-p, --playbook <file>',
      'use the classifier of this playbook instead of the shipped one',
    )
    .action(async (file: string | undefined, options: ClassifyOptions) => {
      const classifier = classifierOf(await resolvePlaybook(options.playbook))
      if (file === undefined) {
        await classifyInteractively(classifier, options, context)
        return
      }
      const { useCases, problems, organization } = await readUseCases(file, context)
      for (const problem of problems) context.io.stderr.write(`tandem: ${formatProblem(problem)}\n`)
      if (problems.length > 0) context.setExitCode(EXIT.refused)
      for (const warning of unknownPoints(useCases, classifier)) {
        context.io.stderr.write(`tandem: warning: ${warning}\n`)
      }
      const results = useCases.map((useCase) => named(useCase, classify(useCase, classifier)))
      await writeOutput(
        renderClassifications(results, classifier, formatOf(options), organization),
        options.out,
        context.io,
      )
    })
}

async function classifyInteractively(
  classifier: Classifier,
  options: ClassifyOptions,
  context: CliContext,
): Promise<void> {
  const prompter = context.io.prompter ?? terminalPrompter(context)
  prompter.intro(`Tandem: ${classifier.title} (as of ${classifier.asOf})`)
  const useCase = await askUseCase(classifier, prompter)
  const result = classify(useCase, classifier)
  prompter.note(summarize(result), useCase.name)
  await writeOutput(
    renderClassifications([named(useCase, result)], classifier, formatOf(options), null),
    options.out,
    context.io,
  )
  prompter.outro('Not legal advice: have counsel confirm the classification.')
}

function formatOf(options: ClassifyOptions): ClassifyFormat {
  if (options.format) return options.format
  return options.out !== undefined && extname(options.out).toLowerCase() === '.json' ? 'json' : 'md'
}

function terminalPrompter(context: CliContext): Prompter {
  const stdin = context.io.stdin as { isTTY?: boolean }
  if (!stdin.isTTY) {
    throw new UsageError(
      'give a profile or use case file (or - for stdin); asking the questions needs an interactive terminal',
    )
  }
  return clackPrompter(context.io.stdin, context.io.stderr)
}

function classifierOf(playbook: {
  readonly classifier: Classifier | null
  readonly id: string
}): Classifier {
  if (playbook.classifier) return playbook.classifier
  throw new UsageError(`the playbook "${playbook.id}" has no EU AI Act classifier`)
}

function named(
  useCase: ClassifiedUseCase,
  result: ReturnType<typeof classify>,
): NamedClassification {
  return { name: useCase.name, ...result }
}

/**
 * Reads a profile (its `ai.useCases`), one use case record, or a list of records. A refused record
 * of a list becomes a problem and the others are kept; a refused profile or single record throws.
 */
async function readUseCases(
  file: string,
  context: CliContext,
): Promise<{ useCases: ClassifiedUseCase[]; problems: Problem[]; organization: string | null }> {
  const source = file === '-' ? 'stdin' : file
  const text = await readTextLimited(
    file === '-' ? context.io.stdin : file,
    source,
    MAX_PROFILE_BYTES,
  )
  const document: LocatedDocument = /^\s*[{[]/.test(text)
    ? parseJson(text, source, { maxBytes: MAX_PROFILE_BYTES })
    : parseOneLocatedYaml(text, source, { maxBytes: MAX_PROFILE_BYTES })
  const value = document.value
  if (Array.isArray(value)) {
    const useCases: ClassifiedUseCase[] = []
    const problems: Problem[] = []
    value.forEach((item, index) => {
      const checked = checkUseCase(item, [index], source, document)
      if (checked.ok) useCases.push(checked.useCase)
      else problems.push(...checked.problems)
    })
    return { useCases, problems, organization: null }
  }
  if (isProfile(value)) {
    const record = validateLocated(0, {}, source, document)
    if (record.profile) {
      const { name, ai } = record.profile
      return { useCases: [...ai.useCases], problems: [], organization: name }
    }
    throw new InvalidInputError(`${source} is not a valid profile`, record.problems ?? [])
  }
  const checked = checkUseCase(value, [], source, document)
  if (checked.ok) return { useCases: [checked.useCase], problems: [], organization: null }
  throw new InvalidInputError(`${source} is not a valid use case record`, checked.problems)
}

function isProfile(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('ai' in value || 'employees' in value || 'schema' in value)
  )
}

type Checked =
  | { readonly ok: true; readonly useCase: ClassifiedUseCase }
  | { readonly ok: false; readonly problems: Problem[] }

function checkUseCase(
  value: unknown,
  at: readonly (string | number)[],
  source: string,
  document: LocatedDocument,
): Checked {
  const parsed = classifiedUseCaseSchema.safeParse(value)
  if (parsed.success) return { ok: true, useCase: parsed.data }
  return {
    ok: false,
    problems: issuesFromZod(parsed.error).map((issue): Problem =>
      problemFromIssue(
        { ...issue, path: [...at, ...issue.path] },
        { file: source, line: document.lineOf([...at, ...issue.path]) },
      ),
    ),
  }
}

function unknownPoints(useCases: readonly ClassifiedUseCase[], classifier: Classifier): string[] {
  const known = new Set((classifier.choices.get('point') ?? []).map((choice) => choice.value))
  return useCases
    .filter((useCase) => useCase.point !== undefined && !known.has(useCase.point))
    .map(
      (useCase) =>
        `use case "${useCase.name}": point "${useCase.point ?? ''}" is not a point of the classifier; it was classified without it`,
    )
}
