import { run } from './main.js'
import { isClosedPipe } from './write-output.js'

// `tandem ... | head` closes stdout early: not a crash. Other stream errors still surface.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (!isClosedPipe(error)) throw error
  })
}

// The one place that touches the real process: everything else takes streams and returns codes.
process.exitCode = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
})
