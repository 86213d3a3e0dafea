/**
 * A security announcement as plain text for an announce mailing list, to be cleartext-signed
 * afterwards: UTF-8, LF line endings, no tabs, no trailing whitespace, no line starting with
 * "From " (mbox would mangle it) or "-" (signing would dash-escape it), and every line at most 72 code points except a line holding a
 * single word too long to fit (a URL is never split; it goes on its own line instead).
 */
import { formatDate } from '../common/dates.ts';
import { formatFingerprint } from '../signing/keys.ts';
import { codePoints, headingLines, markdownToText, WIDTH, wrap } from './plain-text.ts';

/** One announcement, with everything the text needs already resolved (ratings, lines, URLs). */
export interface AnnouncementText {
  /** The subject line. */
  title: string;
  /** The announcement date (its UTC day is printed). */
  date: Date;
  /** The project's name, e.g. "Lanternfish". */
  project: string;
  /** The absolute URL of the announcement page. */
  url: string;
  /** The releases that carry the fixes. */
  releases: { package: string; version: string }[];
  /** The advisories announced, in the order to print them. */
  advisories: {
    id: string;
    aliases: string[];
    summary: string;
    /** The absolute URL of the advisory revision announced. */
    url: string;
    revision: number;
    /** "Critical 9.8 (CVSS 3.1)" or "Not rated". */
    rating: string;
    /** The project's release lines; not-affected lines are left out of the text. */
    lines: { package: string; line: string; state: 'fixed' | 'affected' | 'not-affected'; fixedIn?: string; eolWarning: boolean }[];
    /** Packages that are not the project's, with their ranges as written. */
    others: { ecosystem: string; name: string; written: string }[];
    /** Markdown of the advisory's workarounds or mitigations; '' when it has none. */
    mitigations: string;
  }[];
  /** The announcement's own prose, markdown. */
  body: string;
  /** How a reader checks the signature. */
  verify: { keyUrl: string; fingerprint: string; textUrl: string };
}


/** The file name a download of `url` gets, when it is safe to put in a command; else `fallback`. */
function fileName(url: string, fallback: string): string {
  let name = '';
  try {
    name = new URL(url).pathname.split('/').pop() ?? '';
  } catch {
    // Not a URL: the fallback name.
  }
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? name : fallback;
}

/** A bullet: "  * text", continuation lines under the text. */
function bullet(text: string, indent = '  '): string[] {
  return wrap(text, WIDTH, `${indent}  `, `${indent}* `);
}

/** Lines of markdown text indented by `indent`, wrapped to fit with it. */
function indented(markdown: string, indent: string): string[] {
  return markdownToText(markdown, WIDTH - codePoints(indent))
    .split('\n')
    .map((l) => (l === '' ? '' : indent + l));
}

function lineText(l: AnnouncementText['advisories'][number]['lines'][number]): string {
  const eol = 'past end of life, upgrade to a supported line';
  if (l.state === 'fixed') return `${l.package} ${l.line}: fixed${l.fixedIn ? ` in ${l.fixedIn}` : ''}${l.eolWarning ? `; ${eol}` : ''}`;
  return `${l.package} ${l.line}: affected, no fix${l.eolWarning ? `: ${eol}` : ' yet'}`;
}

function advisoryBlock(a: AnnouncementText['advisories'][number], project: string): string[][] {
  const parts: string[][] = [];
  const summary = wrap(a.summary, WIDTH);
  parts.push([...headingLines(a.aliases.length ? `${a.id} (aliases: ${a.aliases.join(', ')})` : a.id, WIDTH, '', ''), ...(summary.length ? ['', ...summary] : [])]);
  parts.push(wrap(`Rating: ${a.rating}`, WIDTH, '  ', ''));
  const shown = a.lines.filter((l) => l.state !== 'not-affected');
  parts.push(shown.length ? ['Affected lines:', ...shown.flatMap((l) => bullet(lineText(l)))] : wrap(`Affected lines: none, ${project} is not affected`, WIDTH, '  ', ''));
  if (a.others.length) parts.push(['Other affected packages:', ...a.others.flatMap((o) => bullet(`${o.name} (${o.ecosystem}): ${o.written}`))]);
  if (a.mitigations.trim()) parts.push(['Mitigations:', ...indented(a.mitigations, '  ')]);
  parts.push(wrap(`Details (revision ${a.revision}): ${a.url}`, WIDTH, '  ', ''));
  return parts;
}

function verifyBlock(a: AnnouncementText): string[] {
  const key = fileName(a.verify.keyUrl, 'pgp-key.asc');
  const text = fileName(a.verify.textUrl, 'announcement.txt');
  const step = (n: number, words: string) => wrap(words, WIDTH, '     ', `  ${n}. `);
  const show = (line: string) => wrap(line, WIDTH, '         ', '       ');
  // Kept as printed (wrap would close up the double blank gpg puts in the middle) when it fits.
  const fingerprintLines = (fp: string) => (7 + codePoints(fp) <= WIDTH ? [`       ${fp}`] : show(fp));
  return [
    ...headingLines('Verify this message', WIDTH, '', ''),
    '',
    ...wrap(`This message is signed with the ${a.project} OpenPGP signing key. To check the signature:`, WIDTH),
    '',
    ...step(1, 'Fetch the key and import it:'),
    ...show(a.verify.keyUrl),
    ...show(`gpg --import ${key}`),
    ...step(2, 'Compare its fingerprint with this one:'),
    ...fingerprintLines(formatFingerprint(a.verify.fingerprint)),
    ...step(3, 'Fetch the signed text of this announcement and verify it; gpg must report a good signature from that key:'),
    ...show(a.verify.textUrl),
    ...show(`gpg --verify ${text}`),
  ];
}

/** The announcement as the plain text to sign and mail: subject, releases, advisories, prose, how to verify. */
export function renderAnnouncementText(a: AnnouncementText): string {
  const parts: string[][] = [];
  // Folded as a mail header is: continuation lines start with a blank.
  parts.push(wrap(`Subject: ${a.title}`, WIDTH, ' ', ''));
  parts.push([...wrap(`${a.project} security announcement, ${formatDate(a.date)}`, WIDTH), ...wrap(`Online: ${a.url}`, WIDTH, '  ', '')]);
  if (a.releases.length) parts.push(['Fixed releases:', ...a.releases.flatMap((r) => bullet(`${r.package} ${r.version}`))]);
  for (const advisory of a.advisories) parts.push(...advisoryBlock(advisory, a.project));
  const prose = markdownToText(a.body);
  // A rule between the last advisory and the prose, which would otherwise read as part of it.
  if (prose) parts.push(...(a.advisories.length ? [['* * *']] : []), prose.split('\n'));
  parts.push(verifyBlock(a));
  return `${parts
    .filter((p) => p.length)
    .map((p) => p.join('\n'))
    .join('\n\n')}\n`;
}
