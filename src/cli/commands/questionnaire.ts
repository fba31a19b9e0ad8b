import type { Command } from 'commander'
import type { CliContext } from '../context.js'
import type { Prompter } from '../prompter.js'
import { stringify } from 'yaml'
import { assess } from '../../engine/assess.js'
import { validateProfile } from '../../engine/validate-profile.js'
import { UsageError } from '../../errors/usage-error.js'
import { renderMarkdown } from '../../report/index.js'
import { askProfile } from '../ask-profile.js'
import { askToday } from '../ask-today.js'
import { clackPrompter } from '../prompter.js'
import { resolvePlaybook } from '../resolve-playbook.js'
import { writeOutput, writeStream } from '../write-output.js'

interface QuestionnaireOptions {
  readonly out?: string
  readonly playbook?: string
}

/** `tandem questionnaire`: the five questions in the terminal, written out as a profile. */
export function registerQuestionnaire(program: Command, context: CliContext): void {
  program
    .command('questionnaire')
    .summary('answer the five questions and about today interactively, and write a profile')
    .description(
      "Ask the playbook's questions in the terminal, with the article's words as help: the five\n" +
        "questions, today's leaders (or none), pilots, ROI, charter and meetings, the AI use cases\n" +
        "through the EU AI Act classifier's questions, and an optional growth plan. Write the\n" +
        'answers as a profile (YAML) and offer to show the report straight away.',
    )
    .option('-o, --out <file>', 'write the profile to a file instead of stdout')
    .option(
      '-p, --playbook <file>',
      'use the questions of this playbook instead of the shipped default',
    )
    .action(async (options: QuestionnaireOptions) => {
      const playbook = await resolvePlaybook(options.playbook)
      const prompter = context.io.prompter ?? terminalPrompter(context)
      prompter.intro(`Tandem: ${playbook.title}`)
      const answered = await askProfile(playbook.questionnaire, prompter)
      const document = playbook.today
        ? await askToday(playbook.today, playbook.classifier, prompter, answered)
        : answered
      await writeOutput(stringify(document), options.out, context.io)
      const show = await prompter.confirm('Show the report now?')
      const validated = validateProfile(document)
      if (show === true && validated.ok) {
        const report = renderMarkdown(assess(validated.value, playbook))
        // With the profile on stdout, the report goes to the terminal (stderr) to keep stdout one YAML file.
        await writeStream(options.out === undefined ? context.io.stderr : context.io.stdout, report)
      }
      prompter.outro(
        options.out === undefined
          ? 'Profile written to stdout.'
          : `Profile written to ${options.out}.`,
      )
    })
}

function terminalPrompter(context: CliContext): Prompter {
  const stdin = context.io.stdin as { isTTY?: boolean }
  if (!stdin.isTTY) {
    throw new UsageError(
      'the questionnaire needs an interactive terminal; write a profile file instead (see docs/formats.md)',
    )
  }
  return clackPrompter(context.io.stdin, context.io.stderr)
}
