import { ERRORS, EXIT } from './error-codes.js'

const EXIT_MEANINGS: Readonly<Record<number, string>> = {
  [EXIT.ok]: 'done',
  [EXIT.refused]: '`batch` finished, but some records were refused (every valid one was written)',
  [EXIT.usage]: 'usage error: unknown command or option, bad option value, missing argument',
  [EXIT.invalidInput]: 'invalid input: a profile or playbook does not parse or validate',
  [EXIT.unreadable]:
    'a file was not found, could not be read or written, or is over its size limit',
  [EXIT.internal]: 'internal error (a bug), or a code only the server raises',
}

/** docs/errors.md, from the contract's table: `npm run docs:errors` writes it, a test compares. */
export function renderErrorDocs(): string {
  const rows = Object.entries(ERRORS).map(
    ([code, spec]) => `| \`${code}\` | ${spec.status} | ${spec.exit} | ${spec.meaning} |`,
  )
  const exits = Object.entries(EXIT_MEANINGS).map(([exit, meaning]) => `| ${exit} | ${meaning} |`)
  return [
    '# Error codes',
    '',
    '<!-- Generated from src/contract/error-codes.ts by `npm run docs:errors`; do not edit. -->',
    '',
    'Every error of Tandem carries one of these codes: the API in its error body',
    '(`{ "error": { "code", "message", "issues", "requestId" } }`, see [api.md](api.md)), the CLI as its',
    'exit code (see [cli.md](cli.md)). Validation problems inside an `INVALID_INPUT` or',
    '`INVALID_PLAYBOOK` error each carry their own `code` and `path` in `issues`.',
    '',
    '| code | HTTP status | CLI exit code | meaning |',
    '| ---- | ----------- | ------------- | ------- |',
    ...rows,
    '',
    '## CLI exit codes',
    '',
    '| exit code | meaning |',
    '| --------- | ------- |',
    ...exits,
    '',
  ].join('\n')
}
