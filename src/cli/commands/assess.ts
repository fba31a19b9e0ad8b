import type { Command } from 'commander'
import type { ReportFormat } from '../../contract/report-formats.js'
import type { Assessment } from '../../engine/types.js'
import type { CliContext } from '../context.js'
import { Option } from 'commander'
import { extname } from 'node:path'
import { REPORT_FORMATS } from '../../contract/report-formats.js'
import { assess } from '../../engine/assess.js'
import { summarize } from '../../engine/summarize.js'
import { UsageError } from '../../errors/usage-error.js'
import { readProfile } from '../../io/read-profile.js'
import { resolvePlaybook } from '../resolve-playbook.js'
import { refuseOverwrite, writeOutput } from '../write-output.js'

export type { ReportFormat }

export const ASSESS_DETAILS = ['full', 'summary'] as const

interface AssessOptions {
  readonly detail: (typeof ASSESS_DETAILS)[number]
  readonly format?: ReportFormat
  readonly out?: string
  readonly playbook?: string
}

/** `tandem assess <file|->`: one profile in, one report out. */
export function registerAssess(program: Command, context: CliContext): void {
  program
    .command('assess')
    .summary('assess one organization profile and print the report')
    .description(
      'Assess one organization profile (YAML or JSON; "-" reads stdin) and write the report:\n' +
        'the recommended structure and why, the five questions, anti-patterns, the charter,\n' +
        'what would change the answer, and the roadmap.',
    )
    .argument('<file>', 'profile file (.yaml, .yml, .json), or - for stdin')
    .addOption(
      new Option(
        '-f, --format <format>',
        'report format (default: from --out extension, else md)',
      ).choices(REPORT_FORMATS),
    )
    .addOption(
      new Option(
        '-d, --detail <level>',
        'summary: the compact JSON of `tandem batch --detail summary` (structure, levels, anti-patterns)',
      )
        .choices(ASSESS_DETAILS)
        .default('full'),
    )
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('-p, --playbook <file>', 'assess with this playbook instead of the shipped default')
    .action(async (file: string, options: AssessOptions) => {
      refuseOverwrite(file, [options.out])
      const format = options.format ?? formatFromPath(options.out)
      if (options.detail === 'summary' && options.format !== undefined && format !== 'json') {
        throw new UsageError(`--detail summary writes JSON: use --format json, not ${format}`)
      }
      const playbook = await resolvePlaybook(options.playbook)
      const { profile } = await readProfile(file, context.io.stdin)
      if (options.detail === 'summary') {
        const summary = summarize(profile, playbook)
        await writeOutput(`${JSON.stringify(summary, null, 2)}\n`, options.out, context.io)
        return
      }
      const assessment = assess(profile, playbook)
      await writeOutput(await renderReport(assessment, format), options.out, context.io)
    })
}

/** The report in one of the three formats, from the assessment alone; JSON loads no renderer. */
export async function renderReport(assessment: Assessment, format: ReportFormat): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(assessment, null, 2)}\n`
    case 'html':
      return (await import('../../report/render-html.js')).renderHtml(assessment)
    case 'md':
      return (await import('../../report/render-markdown.js')).renderMarkdown(assessment)
  }
}

function formatFromPath(out: string | undefined): ReportFormat {
  const extension = out === undefined ? '' : extname(out).toLowerCase()
  if (extension === '.html' || extension === '.htm') return 'html'
  if (extension === '.json') return 'json'
  return 'md'
}
