/**
 * `npm run init`: the files of a new project's content folder, from a few answers. Pure: the
 * caller gives "today" and writes the files. The folder passes `check` and builds at once: no
 * advisories, an empty lock, and starter policy sections marked for review.
 */
import { stringify } from 'yaml';
import { ECOSYSTEMS } from '../../schemas/site.ts';

export interface InitAnswers {
  /** The project's name (`Lanternfish`). */
  name: string;
  /** Where the site will live (`https://security.example.org/`). */
  url: string;
  /** The project's source repository. */
  repository: string;
  /** The security contact address. */
  contact: string;
  /** Packages as `name:ecosystem` (`lanternfish:npm`). */
  packages: string[];
  /** The upper-case ID prefix (`LF` gives `LF-2026-0001`). */
  idPrefix: string;
  /** An IANA time zone name. */
  timeZone: string;
}

/** What is wrong with the answers, one message per problem (empty when they are usable). */
export function answerProblems(a: InitAnswers): string[] {
  const problems: string[] = [];
  if (!a.name.trim()) problems.push('--name: give the project name');
  if (!/^https:\/\/[^/\s]+\/?$/.test(a.url)) problems.push(`--url "${a.url}": give the site's address, e.g. https://security.example.org/`);
  if (!/^https?:\/\/\S+$/.test(a.repository)) problems.push(`--repository "${a.repository}": give the project's source repository address`);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a.contact)) problems.push(`--contact "${a.contact}": give the security contact's email address`);
  if (!a.packages.length) problems.push('--package: give at least one, as name:ecosystem (e.g. lanternfish:npm)');
  for (const p of a.packages) {
    const [name, ecosystem] = splitPackage(p);
    if (!name || !/^[\w.-]+$/.test(name)) problems.push(`--package "${p}": the name must be ASCII letters, digits, ".", "_" or "-"`);
    if (!(ECOSYSTEMS as readonly string[]).includes(ecosystem)) problems.push(`--package "${p}": the ecosystem must be one of ${ECOSYSTEMS.join(', ')}`);
  }
  if (!/^[A-Z][A-Z0-9]*$/.test(a.idPrefix)) problems.push(`--id-prefix "${a.idPrefix}": upper-case letters and digits, starting with a letter (e.g. LF)`);
  try {
    new Intl.DateTimeFormat('en', { timeZone: a.timeZone });
  } catch {
    problems.push(`--timezone "${a.timeZone}": give an IANA time zone name such as Europe/Berlin or UTC`);
  }
  return problems;
}

/** `name:ecosystem` split at the last colon (ecosystem names hold no colon). */
function splitPackage(p: string): [string, string] {
  const at = p.lastIndexOf(':');
  return at < 0 ? [p, ''] : [p.slice(0, at), p.slice(at + 1)];
}

const REVIEW = '<!-- STARTER TEXT written by npm run init: review it, make it true for your project, then delete this line. -->';

/** The new content folder's files (relative path -> text); `today` is YYYY-MM-DD. */
export function newProjectFiles(a: InitAnswers, today: string): Record<string, string> {
  const site = {
    name: a.name,
    url: a.url.endsWith('/') ? a.url : `${a.url}/`,
    repository: a.repository,
    channels: [{ kind: 'email', email: a.contact, preferred: true }],
    packages: a.packages.map((p) => {
      const [name, ecosystem] = splitPackage(p);
      return { name, ecosystem };
    }),
    ids: { template: `${a.idPrefix}-{year}-{seq:4}` },
    embargo: { setup: 'private-repository' },
    time_zone: a.timeZone,
    acknowledgement: { working_days: 3 },
    support: { latest_lines: 1 },
    response_times: { targets: { critical: 7, high: 14, medium: 30, low: 'best-effort' } },
    disclosure: { embargo: { days: 90 }, distributor_notice: { to_be_decided: true } },
    // security.txt must expire within a year (RFC 9116); half a year leaves room to renew it.
    security_txt: { expires: new Date(Date.parse(`${today}T00:00:00Z`) + 182 * 86_400_000).toISOString().slice(0, 10) },
    updated: today,
  };
  const head = `# ${a.name}'s security site, written by npm run init. Every field is explained in docs/content.md;\n# the numbers below are starting points: review them (and embargo.setup) before publishing.\n`;
  const section = (title: string, order: number, place: string, body: string) =>
    `---\ntitle: ${title}\norder: ${order}\nplace: ${place}\n---\n${REVIEW}\n\n${body}\n`;
  return {
    'site.yaml': head + stringify(site),
    'releases.yaml': `# Release lines of ${a.name}'s packages (docs/content.md). Quote line names: YAML reads 1.10 as 1.1.\nlines: []\n`,
    'bulletin.lock': `${JSON.stringify({ lockfile: 1, advisories: {}, announcements: {} }, null, 2)}\n`,
    'policy/10-reporting.md': section('How to report a vulnerability', 10, 'report', `Please report security problems privately, never in a public issue, pull request or chat: write to ${a.contact}.\n\nSay which version you use, what you found, and how to reproduce it.`),
    'policy/20-what-happens-next.md': section('What happens next', 20, 'policy', `We acknowledge a report within the days stated above, agree on a fix and a publication date with the reporter, and credit the reporter unless they ask us not to.`),
    'advisories/.gitkeep': '',
    'announcements/.gitkeep': '',
    'keys/.gitkeep': '',
  };
}
