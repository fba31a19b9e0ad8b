import type { AddressInfo, Socket } from 'node:net'
import { createServer } from 'node:net'

// A tiny SMTP server on 127.0.0.1 for tests: speaks just enough of RFC 5321 (EHLO, MAIL, RCPT,
// DATA, QUIT) to take a message from nodemailer, and keeps what it received.

export interface ReceivedMail {
  readonly from: string
  readonly to: readonly string[]
  /** The message as sent: headers, blank line, body (dot-stuffing undone). */
  readonly data: string
}

export interface SmtpListener {
  readonly url: string
  readonly received: readonly ReceivedMail[]
  close(): Promise<void>
}

export async function startSmtpListener(): Promise<SmtpListener> {
  const received: ReceivedMail[] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    let buffer = ''
    let inData = false
    let from = ''
    let to: string[] = []
    let data: string[] = []
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 test.local ESMTP')
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      let end = buffer.indexOf('\r\n')
      while (end !== -1) {
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        end = buffer.indexOf('\r\n')
        if (inData) {
          if (line === '.') {
            inData = false
            received.push({ from, to, data: data.join('\n') })
            reply('250 OK: queued')
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line)
          }
          continue
        }
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') reply('250 test.local')
        else if (verb === 'MAIL') {
          from = /<([^>]*)>/.exec(line)?.[1] ?? ''
          to = []
          data = []
          reply('250 OK')
        } else if (verb === 'RCPT') {
          to.push(/<([^>]*)>/.exec(line)?.[1] ?? '')
          reply('250 OK')
        } else if (verb === 'DATA') {
          inData = true
          reply('354 End data with <CR><LF>.<CR><LF>')
        } else if (verb === 'QUIT') {
          reply('221 Bye')
          socket.end()
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 OK')
        else reply('502 Command not implemented')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
