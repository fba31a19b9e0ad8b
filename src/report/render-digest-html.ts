import type { Digest } from '../engine/operations/build-digest.js'
import type { WorkspaceDigest } from '../engine/operations/build-workspace-digest.js'
import type { DigestLinks, DigestRow } from './digest-rows.js'
import { digestSections } from './digest-rows.js'
import { escapeHtml as h } from './escape-html.js'
import { REPORT_CSS } from './report-css.js'

// Like the assessment report: one file, inline CSS, no scripts, nothing loaded from the network.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/** Renders an organization's digest, or a workspace's, as one self-contained HTML page. */
export function renderDigestHtml(
  digest: Digest | WorkspaceDigest,
  links: DigestLinks = {},
): string {
  const workspace = digest.schema === 'tandem/workspace-digest@1'
  const title = workspace
    ? `Tandem digest: ${digest.totals.organizations} organizations`
    : `Tandem digest: ${digest.organization}`
  const body = workspace
    ? workspaceHead(digest) +
      digest.organizations.map((org) => organizationHtml(org, links, 'h2')).join('\n')
    : organizationHtml(digest, links, 'h1')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${h(title)}</title>
<style>${REPORT_CSS}
.digest-list { margin: 0; padding-left: 20px; }
.digest-list li { margin: 4px 0; }
.totals { display: flex; flex-wrap: wrap; gap: 8px; padding: 0; list-style: none; }
.totals li { background: var(--paper); border: 1px solid var(--line); border-radius: 999px; padding: 2px 12px; font-size: 14px; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
}

function workspaceHead(digest: WorkspaceDigest): string {
  const t = digest.totals
  const chips = [
    `${t.organizations} organizations`,
    `${t.stageMoves} stage moves`,
    `${t.decisionsMade} decisions made`,
    `${t.decisionsDue} decisions due`,
    `${t.meetingsHeld} meetings held`,
    `${t.signalsRaised} signals raised`,
    `${t.signalsCleared} cleared`,
    `${t.signalsOpen} open (${t.criticalOpen} critical)`,
  ]
  return (
    `<header class="report-head"><p class="eyebrow">Tandem digest</p>` +
    `<h1>Across clients, ${h(digest.period.since)} to ${h(digest.period.until)}</h1>` +
    `<ul class="totals">${chips.map((c) => `<li>${h(c)}</li>`).join('')}</ul></header>`
  )
}

function organizationHtml(digest: Digest, links: DigestLinks, level: 'h1' | 'h2'): string {
  const sub = level === 'h1' ? 'h2' : 'h3'
  const head =
    `<header class="report-head">${level === 'h1' ? '<p class="eyebrow">Tandem digest</p>' : ''}` +
    `<${level}>${h(digest.organization)}</${level}>` +
    `<p class="lede">${h(digest.period.since)} to ${h(digest.period.until)} · for the ${digest.audience === 'client' ? 'client' : 'consultancy (internal items included)'} · playbook ${h(digest.playbook.id)} ${h(digest.playbook.version)}</p></header>`
  const sections = digestSections(digest).map((section) => {
    const content =
      section.rows.length === 0
        ? `<p class="empty">${h(section.empty)}</p>`
        : `<ul class="digest-list">${section.rows.map((row) => `<li>${rowHtml(row, links)}</li>`).join('')}</ul>`
    return `<section class="card" aria-label="${h(section.title)}"><${sub}>${h(section.title)}</${sub}>${content}</section>`
  })
  return `<article>${head}${sections.join('')}</article>`
}

function rowHtml(row: DigestRow, links: DigestLinks): string {
  const url = row.link ? links[row.link.kind]?.(row.link.id) : undefined
  return url === undefined ? h(row.text) : `${h(row.text)} <a href="${h(url)}">open</a>`
}
