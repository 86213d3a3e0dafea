/**
 * `/.well-known/security.txt` (RFC 9116): the project's reporting channels and where its policy,
 * keys and CSAF provider metadata live, from site.yaml; and the checks on its `Expires` date,
 * which the project sets and the build never moves.
 */
import type { Site } from '../../schemas/site.ts';
import { toInstant } from '../../schemas/common.ts';
import { addDays, daysUntil, formatDate, formatDateTime } from '../common/dates.ts';
import type { Finding } from '../content/findings.ts';
import type { YamlSource } from '../content/source.ts';
import { CSAF_PROVIDER_METADATA, HOME, SECURITY_TXT } from '../publication/paths.ts';

/** Days before `Expires` that `check` starts warning. */
export const EXPIRES_WARNING_DAYS = 30;
/** RFC 9116 section 2.5.5: `Expires` should be less than a year into the future. */
export const EXPIRES_MAX_DAYS = 365;

/** One field of the file, in the order written. */
export interface SecurityTxtField {
  name: string;
  value: string;
}

/** The `Contact` URIs: each reporting channel of site.yaml in its order, the preferred one first (RFC 9116 reads the first as preferred). */
export function contactUris(site: Site): string[] {
  const channels = [...(site.channels ?? [])].sort((a, b) => Number(b.preferred === true) - Number(a.preferred === true));
  const uris = channels.flatMap((c) => [
    ...(c.url ? [c.url] : []),
    ...(c.email ? [`mailto:${c.email}`] : []),
    ...(c.people ?? []).map((p) => `mailto:${p.email}`),
  ]);
  return [...new Set(uris)];
}

/** The fields of security.txt; undefined when site.yaml sets no `security_txt` (no `Expires`, no file). */
export function securityTxtFields(site: Site): SecurityTxtField[] | undefined {
  const s = site.security_txt;
  if (!s) return undefined;
  const url = (address: string) => new URL(address, site.url).href;
  const encryption = site.keys.some((k) => k.role === 'encryption' && k.status === 'current');
  return [
    ...contactUris(site).map((value) => ({ name: 'Contact', value })),
    { name: 'Expires', value: formatDateTime(toInstant(s.expires)) },
    ...(encryption ? [{ name: 'Encryption', value: url('encryption-key.asc') }] : []),
    ...(s.acknowledgments ? [{ name: 'Acknowledgments', value: s.acknowledgments }] : []),
    { name: 'Preferred-Languages', value: s.preferred_languages.join(', ') },
    { name: 'Canonical', value: url(SECURITY_TXT) },
    { name: 'Policy', value: url(HOME) },
    { name: 'CSAF', value: url(CSAF_PROVIDER_METADATA) },
  ];
}

/** The text of security.txt (before its cleartext signature): a comment line, then one field a line. */
export function renderSecurityTxt(site: Site): string | undefined {
  const fields = securityTxtFields(site);
  if (!fields) return undefined;
  return [`# Security contacts and policy of ${site.name}. Made by Bulletin from site.yaml.`, ...fields.map((f) => `${f.name}: ${f.value}`)].join('\n') + '\n';
}

/**
 * `check`'s findings on security.txt at `now`: `Expires` passed or more than a year away fails
 * check (and warns in build, which publishes as written); within 30 days warns; a missing
 * `security_txt` and a base path (well-known files belong at the host's root) warn.
 */
export function checkSecurityTxt(site: Site, src: YamlSource, now: Date): Finding[] {
  const at = (path: (string | number)[], message: string, fix: string, severity: Finding['severity']): Finding => ({
    severity,
    file: src.file,
    line: src.lineOf(path),
    field: path.join('.'),
    message,
    fix,
  });
  const findings: Finding[] = [];
  const base = new URL(site.url).pathname;
  if (base !== '/') {
    findings.push(
      at(['url'], `the site lives under the base path ${base}, but /.well-known/security.txt and /.well-known/csaf/ must be served from the host's root`, `copy (or redirect) ${base}.well-known/ to /.well-known/ on the host; docs/exports.md says how`, 'warning'),
    );
  }
  const s = site.security_txt;
  if (!s) {
    findings.push(at(['updated'], 'no /.well-known/security.txt is published: site.yaml has no security_txt', 'add security_txt: { expires: YYYY-MM-DD } (at most a year ahead) to site.yaml', 'warning'));
    return findings;
  }
  const expires = toInstant(s.expires);
  const left = daysUntil(now, expires);
  const fix = `set security_txt.expires to a day less than a year ahead (e.g. ${formatDate(addDays(now, 300))}) and publish`;
  if (expires.getTime() <= now.getTime()) findings.push(at(['security_txt', 'expires'], `security.txt expired on ${s.expires}: tools now ignore it`, fix, 'check-error'));
  else if (left > EXPIRES_MAX_DAYS) findings.push(at(['security_txt', 'expires'], `is ${left} days away; RFC 9116 asks for less than a year`, fix, 'check-error'));
  else if (left <= EXPIRES_WARNING_DAYS) findings.push(at(['security_txt', 'expires'], `security.txt expires on ${s.expires}, in ${left} days`, fix, 'warning'));
  return findings;
}
