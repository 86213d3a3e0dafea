/**
 * /SECURITY.md: the security policy as markdown for the code repository (GitHub shows it on the
 * Security tab), rendered from the same policy model as the HTML page.
 */
import type { Site } from '../../schemas/site.ts';
import type { PolicyModel } from '../policy/policy.ts';
import { ratingName } from '../advisory/severity.ts';

export interface MarkdownSection {
  title: string;
  place: 'report' | 'policy';
  body: string;
}

/** Escapes a table cell: pipes and line breaks would end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** Renders SECURITY.md. `siteUrl` is the published site's absolute address. */
export function renderSecurityMd(site: Site, model: PolicyModel, sections: MarkdownSection[], siteUrl: string): string {
  const out: string[] = [];
  const supported = model.support.filter((r) => r.status !== 'end-of-life');
  out.push(`# Security policy for ${site.name}`);
  out.push(`This file is generated from the same sources as ${siteUrl}; edit those, not this file.`);
  out.push('## Reporting a vulnerability');
  const contacts = [
    site.contacts.reporting_url && `- Private report form (preferred): ${site.contacts.reporting_url}`,
    `- Email: ${site.contacts.email}`,
    site.contacts.bug_bounty && `- Bug bounty: ${site.contacts.bug_bounty}`,
  ].filter(Boolean);
  out.push(contacts.join('\n'));
  out.push(`We acknowledge every report ${model.acknowledgement}.`);
  for (const s of sections.filter((x) => x.place === 'report')) out.push(`### ${s.title}`, s.body.trim());
  out.push('## Supported versions');
  out.push(model.supportRule);
  out.push(table(['Package', 'Line', 'Latest', 'Security fixes', 'Support ends'], supported.map((r) => [r.package, r.line, r.latest, r.statusLabel, r.endText])));
  out.push(`Every release line, with its dates: ${siteUrl}releases/`);
  out.push('## Response times');
  out.push(`Our target for a fix, counted in calendar days ${model.clock}:`);
  out.push(table(['Rating', 'Target'], model.responseTimes.map((r) => [ratingName(r.rating), r.text])));
  out.push('## Disclosure policy');
  out.push(model.disclosure.map((d) => `- ${d.label}: ${d.decided ? d.value : `*${d.value}*`}`).join('\n'));
  if (model.toBeDecided.length) out.push('Still to be decided:\n\n' + model.toBeDecided.map((t) => `- ${t}`).join('\n'));
  for (const s of sections.filter((x) => x.place === 'policy')) out.push(`## ${s.title}`, s.body.trim());
  if (site.team.length) {
    out.push('## Response team');
    out.push(site.team.map((m) => `- ${m.url ? `[${m.name}](${m.url})` : m.name}, ${m.role}`).join('\n'));
  }
  if (site.keys.length) {
    out.push('## Keys');
    out.push(site.keys.map((k) => `- ${k.role === 'signing' ? 'Signing' : 'Encryption'} key (${k.status}): \`${k.fingerprint}\`${k.label ? ` (${k.label})` : ''}`).join('\n'));
  }
  out.push(`## Advisories\n\nPublished advisories: ${siteUrl}advisories/`);
  return out.join('\n\n') + '\n';
}
