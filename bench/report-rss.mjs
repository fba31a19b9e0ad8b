// Loaded with --import into a measured child: prints its peak resident set size at exit.
import { writeSync } from 'node:fs'
import process from 'node:process'

process.on('exit', () => {
  writeSync(2, `\n@@maxrss ${process.resourceUsage().maxRSS}\n`)
})
