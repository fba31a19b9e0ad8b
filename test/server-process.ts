import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'

// A real `tandem serve` process on a random loopback port, for scale-out and shutdown tests.

export interface ServerProcess {
  readonly url: string
  readonly child: ChildProcess
  /** Everything the process printed: the log lines (stdout), then the banner (stderr). */
  output(): string
  /** SIGTERM, then the exit code (null when killed by a signal). */
  stop(): Promise<number | null>
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TANDEM_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(stderr)
      if (match?.[1]) {
        clearInterval(timer)
        resolve(match[1])
      }
    }, 100)
    void exited.then((code) => {
      clearInterval(timer)
      reject(new Error(`server exited with ${code}: ${stderr || stdout}`))
    })
  })
  return {
    url,
    child,
    output: () => `${stdout}${stderr}`,
    async stop() {
      if (child.exitCode !== null) return child.exitCode
      child.kill('SIGTERM')
      return exited
    },
  }
}
