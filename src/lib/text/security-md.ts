/**
 * /SECURITY.md: the security policy as markdown for the code repository (GitHub shows it on the
 * Security tab), rendered from the same policy model as the HTML page. Text from content is
 * escaped so that nothing a field or a policy body says becomes markup on GitHub: fields are
 * plain text, and bodies keep their markdown but never pass raw HTML through (as on the page).
 */
import type { Site } from '../../schemas/site.ts';
import type { PolicyModel } from '../policy/policy.ts';
import { ratingName } from '../advisory/severity.ts';

export interface MarkdownSection {
  title: string;
  place: 'report' | 'policy';
  body: string;
}

/** An email address GitHub links as exactly itself, with nothing in it that markdown reads. */
const PLAIN_EMAIL = /^[A-Za-z0-9.+-]+(_[A-Za-z0-9.+-]+)*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/**
 * Plain text as inline markdown: one line, with every character that could start markup
 * (emphasis, links, code, raw HTML, entities, table pipes, strikethrough) backslash-escaped, and
 * a leading block marker (heading, quote, list) escaped too. GitHub's extended autolinks read
 * raw text, escapes included, so a URL-like run (`https://`, `www.`) is broken with an escaped
 * `:` or `.` and stays text: a link is only ever made by mdUrl (an email address may still become
 * a mailto: link to exactly the address shown).
 */
export function mdText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (PLAIN_EMAIL.test(line)) return line;
  const escaped = line
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/(https?|ftp):/gi, '$1\\:')
    .replace(/(www)\./gi, '$1\\.');
  // Where a field starts a list item, a leading block marker would open a heading, quote or list.
  return escaped.replace(/^(#{1,6}|[+-])(?=\s|$)/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Characters a bare URL may hold and still be read by GitHub as exactly that link and nothing else. */
const BARE_URL = /^https?:\/\/[A-Za-z0-9\-.~:/?#@!$'()+,;=%]+$/;

/** A URL as markdown: bare where that is safe, else an autolink `<...>` with `<`, `>`, space and controls percent-encoded. */
export function mdUrl(url: string): string {
  if (BARE_URL.test(url) && !/[.,:;!?')]$/.test(url)) return url;
  return `<${url.replace(/[\s<>\\`\u0000-\u001f\u007f]/g, (c) => encodeURIComponent(c).replace(/%5C/i, '%5C'))}>`;
}

/** Autolinks markdown-it also links (its `html: false` page rendering keeps them as links). */
const AUTOLINK = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;

/**
 * A policy body's markdown with raw HTML shown as text, as the page shows it: every `<` outside
 * code (fenced blocks and inline code spans) that does not open an autolink is escaped.
 */
export function mdBody(body: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of body.trim().split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      out.push(line);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      out.push(line);
      continue;
    }
    out.push(escapeOutsideCode(line));
  }
  return out.join('\n');
}

/** Escapes `<` in one line of markdown, leaving inline code spans and autolinks alone. */
function escapeOutsideCode(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === '\\') {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(line.slice(i))![0];
      const close = line.indexOf(run, i + run.length);
      // A code span closes with a run of exactly the same length.
      if (close !== -1 && line[close + run.length] !== '`') {
        out += line.slice(i, close + run.length);
        i = close + run.length;
        continue;
      }
      out += run;
      i += run.length;
      continue;
    }
    if (c === '<') {
      const auto = AUTOLINK.exec(line.slice(i));
      if (auto) {
        out += auto[0];
        i += auto[0].length;
        continue;
      }
      out += '\\<';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** A sentence list as markdown bullets. */
const bullets = (items: string[]) => items.map((i) => `- ${i}`).join('\n');

/** Renders SECURITY.md. `siteUrl` is the published site's absolute address. */
export function renderSecurityMd(site: Site, model: PolicyModel, sections: MarkdownSection[], siteUrl: string): string {
  const out: string[] = [];
  const t = mdText;
  const supported = model.support.filter((r) => r.status !== 'end-of-life');
  out.push(`# Security policy for ${t(site.name)}`);
  out.push(`This file is generated from the same sources as ${mdUrl(siteUrl)}; edit those, not this file.`);
  out.push('## Reporting a vulnerability');
  out.push(
    bullets(
      model.channels.map((c) => {
        const label = `${c.label}${c.preferred ? ' (preferred)' : ''}`;
        const where = [c.url && mdUrl(c.url), c.email && t(c.email)].filter(Boolean).join(', ');
        const keys = c.keys.length ? ` (encryption ${c.keys.length === 1 ? 'key' : 'keys'}: ${c.keys.map((k) => `\`${k}\``).join(', ')})` : '';
        const note = c.note ? ` ${t(c.note)}` : '';
        const people = c.people.map((p) => `\n  - ${t(p.name)}: ${t(p.email)}${p.key ? ` (encryption key: \`${p.key}\`)` : ''}`).join('');
        return `${label}:${where ? ` ${where}` : ''}${keys}${note}${people}`;
      }),
    ),
  );
  if (model.encryption) out.push(model.encryption);
  if (model.acknowledgement) out.push(`We acknowledge every report ${model.acknowledgement}.`);
  for (const s of sections.filter((x) => x.place === 'report')) out.push(`### ${t(s.title)}`, mdBody(s.body));
  out.push('## Supported versions');
  if (model.supportRules.length) out.push(model.supportRules.map(t).join(' '));
  if (supported.length) {
    out.push(table(['Package', 'Line', 'Latest', 'Security fixes', 'Support ends'], supported.map((r) => [r.package, r.line, r.latest, r.statusLabel, r.endText].map(t))));
  } else {
    out.push(model.support.length ? 'No release line gets security fixes at the moment.' : 'No release line has been published yet.');
  }
  if (model.support.length) out.push(`Every release line, with its dates: ${mdUrl(`${siteUrl}releases/`)}`);
  for (const img of model.images) {
    out.push(`### Container image ${t(img.registry)}`);
    if (img.patchedSuffix) out.push(`Patched images are published as the release's tag with the suffix \`${img.patchedSuffix}\`.`);
    if (img.tags.length) {
      const head = img.patchedSuffix ? ['Line', 'Tag', 'Patched tag'] : ['Line', 'Tag'];
      out.push(table(head, img.tags.map((x) => [t(x.line), `\`${img.registry}:${x.tag}\``, ...(img.patchedSuffix ? [`\`${img.registry}:${x.patchedTag}\``] : [])])));
    } else out.push('No line of this image gets security fixes at the moment.');
  }
  out.push('## Response times');
  if (model.responseTimes.length) {
    out.push(model.clockStated ? `Our target for a fix, counted in calendar days ${model.clock}:` : 'Our target for a fix, in calendar days:');
    out.push(table(['Rating', 'Target'], model.responseTimes.map((r) => [ratingName(r.rating), r.text])));
  } else out.push('This policy states no response-time target.');
  if (model.thresholds.length) out.push(table(['When', 'Handling'], model.thresholds.map((x) => [t(x.condition), t(x.handling)])));
  if (model.roles.length || model.stages.length || model.releaseRules.length) {
    out.push('## How a report is handled');
    if (model.roles.length) out.push(bullets(model.roles.map((r) => `${t(r.name)}: ${t(r.does)}`)));
    if (model.stages.length) {
      out.push(
        model.stages
          .map((s, i) => `${i + 1}. ${t(s.name)}${s.when ? `: ${t(s.when)}` : ''}${s.who ? ` (${t(s.who)})` : ''}${s.note ? `. ${t(s.note)}` : ''}`)
          .join('\n'),
      );
    }
    if (model.releaseRules.length) out.push(model.releaseRules.map(t).join(' '));
  }
  if (model.disclosure.length || model.toBeDecided.length) {
    out.push('## Disclosure policy');
    if (model.disclosure.length) {
      out.push(bullets(model.disclosure.map((d) => `${d.label}: ${d.decided ? d.value : `*${d.value}*`}${d.note ? `. ${t(d.note)}` : ''}`)));
    }
    if (model.toBeDecided.length) {
      out.push('Still to be decided:\n\n' + bullets(model.toBeDecided.map((x) => `${t(x.point)}${x.meanwhile ? ` Until then: ${t(x.meanwhile)}` : ''}`)));
    }
  }
  for (const s of sections.filter((x) => x.place === 'policy')) out.push(`## ${t(s.title)}`, mdBody(s.body));
  if (site.team.length) {
    out.push('## Response team');
    out.push(bullets(site.team.map((m) => `${m.url ? `[${t(m.name)}](${m.url.replace(/[\s()<>]/g, encodeURIComponent)})` : t(m.name)}, ${t(m.role)}`)));
  }
  if (site.keys.length) {
    out.push('## Keys');
    out.push(bullets(site.keys.map((k) => `${k.role === 'signing' ? 'Signing' : 'Encryption'} key (${k.status}): \`${k.fingerprint}\`${k.label ? ` (${t(k.label)})` : ''}`)));
  } else out.push('## Keys', 'This project lists no OpenPGP key.');
  out.push(`## Advisories\n\nPublished advisories: ${mdUrl(`${siteUrl}advisories/`)}`);
  return out.join('\n\n') + '\n';
}
