import type { Command } from 'commander'
import type { CliContext } from '../context.js'
import { DEFAULT_PLAYBOOK_PATH } from '../../io/load-playbook.js'
import { describePlaybook } from '../describe-playbook.js'
import { resolvePlaybook } from '../resolve-playbook.js'
import { writeOutput } from '../write-output.js'

/** `tandem playbook show [FILE]` and `tandem playbook validate FILE`. */
export function registerPlaybook(program: Command, context: CliContext): void {
  const playbook = program
    .command('playbook')
    .summary('show or validate a playbook (thresholds, rules, texts as data)')
    .description(
      'A playbook holds the framework as data: thresholds, rules, passages, remedies, questions\n' +
        'and charter templates. The shipped default follows the article; a consultancy can ship its own.',
    )

  playbook
    .command('show')
    .description(
      "print a playbook's id, version, thresholds and rules (the shipped default without FILE)",
    )
    .argument('[file]', 'playbook YAML file')
    .action(async (file: string | undefined) => {
      const loaded = await resolvePlaybook(file)
      await writeOutput(
        describePlaybook(loaded, file ?? `${DEFAULT_PLAYBOOK_PATH} (shipped default)`),
        undefined,
        context.io,
      )
    })

  playbook
    .command('validate')
    .description(
      'check a playbook file; exit 0 when valid, 3 with every problem (path inside the file) when not',
    )
    .argument('<file>', 'playbook YAML file')
    .action(async (file: string) => {
      const loaded = await resolvePlaybook(file)
      await writeOutput(
        `${file}: valid playbook ${loaded.id} ${loaded.version}\n`,
        undefined,
        context.io,
      )
    })
}
