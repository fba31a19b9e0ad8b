import type { Digest } from '../engine/operations/build-digest.js'
import type { WorkspaceDigest } from '../engine/operations/build-workspace-digest.js'
import type { DigestLinks, DigestRow } from './digest-rows.js'
import { digestSections } from './digest-rows.js'
import { escapeMarkdown as e } from './escape-markdown.js'

/** Renders an organization's digest, or a workspace's, as Markdown. */
export function renderDigestMarkdown(
  digest: Digest | WorkspaceDigest,
  links: DigestLinks = {},
): string {
  if (digest.schema === 'tandem/workspace-digest@1') {
    const t = digest.totals
    const lines = [
      `# Tandem digest: ${t.organizations} organization${t.organizations === 1 ? '' : 's'}, ${digest.period.since} to ${digest.period.until}`,
      '',
      `${t.stageMoves} stage moves · ${t.decisionsMade} decisions made · ${t.decisionsDue} due · ${t.meetingsHeld} meetings held · ${t.signalsRaised} signals raised, ${t.signalsCleared} cleared, ${t.signalsOpen} open (${t.criticalOpen} critical)`,
    ]
    for (const org of digest.organizations) lines.push('', ...organizationLines(org, links, '##'))
    return `${lines.join('\n')}\n`
  }
  return `${organizationLines(digest, links, '#').join('\n')}\n`
}

function organizationLines(digest: Digest, links: DigestLinks, heading: '#' | '##'): string[] {
  const lines = [
    `${heading} ${heading === '#' ? 'Tandem digest: ' : ''}${e(digest.organization)}, ${digest.period.since} to ${digest.period.until}`,
    '',
    `For the ${digest.audience === 'client' ? 'client' : 'consultancy (internal items included)'} · playbook ${digest.playbook.id} ${digest.playbook.version}`,
  ]
  for (const section of digestSections(digest)) {
    lines.push('', `${heading}# ${section.title}`, '')
    if (section.rows.length === 0) lines.push(section.empty)
    else lines.push(...section.rows.map((row) => `- ${rowText(row, links)}`))
  }
  return lines
}

function rowText(row: DigestRow, links: DigestLinks): string {
  const text = e(row.text)
  const url = row.link ? links[row.link.kind]?.(row.link.id) : undefined
  return url === undefined
    ? text
    : `${text} ([open](<${url.replace(/[<>\s]/g, encodeURIComponent)}>))`
}
