import type { Command } from 'commander'
import type { CharterFormat } from '../../report/index.js'
import type { CliContext } from '../context.js'
import { Option } from 'commander'
import { extname } from 'node:path'
import { assess } from '../../engine/assess.js'
import { readProfile } from '../../io/read-profile.js'
import { CHARTER_FORMATS, exportCharter } from '../../report/index.js'
import { resolvePlaybook } from '../resolve-playbook.js'
import { refuseOverwrite, writeOutput } from '../write-output.js'

interface CharterOptions {
  readonly format?: CharterFormat
  readonly out?: string
  readonly playbook?: string
}

/** `tandem charter <file|->`: assess, then export the responsibility charter (RACI). */
export function registerCharter(program: Command, context: CliContext): void {
  program
    .command('charter')
    .summary('export the responsibility charter (RACI) for a profile')
    .description(
      'Assess one profile and export the responsibility charter of the recommended structure:\n' +
        'who is Responsible, Accountable, Consulted and Informed for each area.',
    )
    .argument('<file>', 'profile file (.yaml, .yml, .json), or - for stdin')
    .addOption(
      new Option(
        '-f, --format <format>',
        'charter format (default: from --out extension, else md)',
      ).choices(CHARTER_FORMATS),
    )
    .option('-o, --out <file>', 'write the charter to a file instead of stdout')
    .option('-p, --playbook <file>', 'assess with this playbook instead of the shipped default')
    .action(async (file: string, options: CharterOptions) => {
      refuseOverwrite(file, [options.out])
      const playbook = await resolvePlaybook(options.playbook)
      const { profile } = await readProfile(file, context.io.stdin)
      const { charter } = assess(profile, playbook)
      const format = options.format ?? formatFromPath(options.out)
      await writeOutput(exportCharter(charter, format), options.out, context.io)
    })
}

function formatFromPath(out: string | undefined): CharterFormat {
  const extension = out === undefined ? '' : extname(out).toLowerCase().slice(1)
  return (CHARTER_FORMATS as readonly string[]).includes(extension)
    ? (extension as CharterFormat)
    : 'md'
}
