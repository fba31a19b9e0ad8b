import type { FastifyBaseLogger } from 'fastify'
import nodemailer from 'nodemailer'

/** One plain-text message. */
export interface Mail {
  readonly to: string
  readonly subject: string
  readonly text: string
}

/** Sends mail through the configured SMTP server; resolves false (and logs why) when it fails. */
export type Mailer = (mail: Mail) => Promise<boolean>

// A slow or absent mail server must not hold the owner's request for minutes (nodemailer's own
// defaults are 2 min to connect, 10 min idle): past these the link is still shown to copy.
const CONNECT_TIMEOUT_MS = 5_000
const GREETING_TIMEOUT_MS = 5_000
const SOCKET_TIMEOUT_MS = 15_000

/** A mailer for `smtpUrl` (smtp:// or smtps://, credentials in the URL), or null without one. */
export function createMailer(
  smtpUrl: string | null,
  from: string,
  log: FastifyBaseLogger,
): Mailer | null {
  if (smtpUrl === null) return null
  const transport = nodemailer.createTransport(
    {
      url: smtpUrl,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      greetingTimeout: GREETING_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
      // Messages are ours, never a path or URL to read from.
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { from },
  )
  return async (mail) => {
    try {
      await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text })
      log.info({ mail: { subject: mail.subject } }, 'mail sent')
      return true
    } catch (error) {
      // The message carries a one-time link: log why sending failed, never the message itself.
      const reason = error instanceof Error ? error.message : String(error)
      log.warn({ mail: { subject: mail.subject }, reason }, 'mail not sent')
      return false
    }
  }
}
