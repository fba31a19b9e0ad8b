import { run } from './main.js'

// The one place that touches the real process: everything else takes streams and returns codes.
process.exitCode = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
})
