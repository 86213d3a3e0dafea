/** security.txt (RFC 9116) from site.yaml, field by field, and check's judgement of its Expires date. */
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/lib/content/findings.ts';
import { parseYaml } from '../../src/lib/content/source.ts';
import { checkSecurityTxt, renderSecurityTxt, securityTxtFields } from '../../src/lib/exports/security-txt.ts';
import { siteSchema } from '../../src/schemas/site.ts';

const NOW = new Date('2026-09-01T12:00:00Z');

const BASE = `name: X
url: https://x.example/
repository: https://example.org/x
channels: [{ kind: email, email: s@x.example }]
packages: [{ name: x, ecosystem: npm }]
ids: { template: "X-{year}-{seq}" }
embargo: { setup: public-repository }
time_zone: UTC
acknowledgement: { working_days: 3 }
support: { latest_lines: 2 }
response_times: { targets: { critical: 7, high: 14, medium: 30, low: best-effort } }
disclosure: { embargo: { days: 90 }, distributor_notice: { to_be_decided: true } }
updated: 2026-08-01
`;

function load(extra: string, base = BASE) {
  const src = parseYaml({ file: 'content/site.yaml', text: base + extra });
  return { src, site: siteSchema.parse(src.data) };
}

describe('securityTxtFields', () => {
  it('writes nothing without security_txt (no Expires, no file)', () => {
    expect(securityTxtFields(load('').site)).toBeUndefined();
    expect(renderSecurityTxt(load('').site)).toBeUndefined();
  });

  it.each([
    [
      'the least: one contact, Expires, languages, Canonical, Policy, CSAF',
      'security_txt: { expires: 2027-03-01 }\n',
      [
        'Contact: mailto:s@x.example',
        'Expires: 2027-03-01T00:00:00Z',
        'Preferred-Languages: en',
        'Canonical: https://x.example/.well-known/security.txt',
        'Policy: https://x.example/',
        'CSAF: https://x.example/.well-known/csaf/provider-metadata.json',
      ],
    ],
    [
      'every channel in order (the preferred first, people by address), an encryption key, languages and an acknowledgments page',
      'security_txt: { expires: 2027-03-01, preferred_languages: [en, pt-BR], acknowledgments: "https://x.example/thanks/" }\n' +
        'keys: [{ fingerprint: "6749A83900F0A04B30DD60580C6370AF0CB321F7", role: encryption, status: current, file: e.asc }]\n',
      [
        'Contact: https://example.org/x/report',
        'Contact: mailto:s@x.example',
        'Contact: https://bounty.x.example/',
        'Contact: mailto:a@x.example',
        'Expires: 2027-03-01T00:00:00Z',
        'Encryption: https://x.example/encryption-key.asc',
        'Acknowledgments: https://x.example/thanks/',
        'Preferred-Languages: en, pt-BR',
        'Canonical: https://x.example/.well-known/security.txt',
        'Policy: https://x.example/',
        'CSAF: https://x.example/.well-known/csaf/provider-metadata.json',
      ],
      BASE.replace('channels: [{ kind: email, email: s@x.example }]', 'channels: [{ kind: email, email: s@x.example }, { kind: report-form, url: "https://example.org/x/report", preferred: true }, { kind: bug-bounty, url: "https://bounty.x.example/" }, { kind: maintainers, people: [{ name: A, email: a@x.example }] }]'),
    ],
    [
      'a retired encryption key gives no Encryption field',
      'security_txt: { expires: 2027-03-01 }\nkeys: [{ fingerprint: "6749A83900F0A04B30DD60580C6370AF0CB321F7", role: encryption, status: retired, file: e.asc }]\n',
      [
        'Contact: mailto:s@x.example',
        'Expires: 2027-03-01T00:00:00Z',
        'Preferred-Languages: en',
        'Canonical: https://x.example/.well-known/security.txt',
        'Policy: https://x.example/',
        'CSAF: https://x.example/.well-known/csaf/provider-metadata.json',
      ],
    ],
  ])('%s', (_, extra, lines, base = BASE) => {
    const text = renderSecurityTxt(load(extra, base).site)!;
    expect(text.split('\n')[0]).toBe('# Security contacts and policy of X. Made by Bulletin from site.yaml.');
    expect(text.split('\n').slice(1, -1)).toEqual(lines);
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('checkSecurityTxt at 2026-09-01', () => {
  const run = (extra: string, base = BASE) => {
    const { src, site } = load(extra, base);
    return checkSecurityTxt(site, src, NOW).map((f) => `${f.severity}: ${formatFinding(f, 'check')}`);
  };

  it.each([
    ['a date 302 days ahead', 'security_txt: { expires: 2027-06-30 }\n', []],
    ['31 days ahead', 'security_txt: { expires: 2026-10-03 }\n', []],
    ['within 30 days: a warning', 'security_txt: { expires: 2026-09-20 }\n', [/^warning: content\/site\.yaml:14: warning: security_txt\.expires: security\.txt expires on 2026-09-20, in 19 days\n    fix: set security_txt\.expires/]],
    ['passed: fails check (only warns in build)', 'security_txt: { expires: 2026-08-31 }\n', [/^check-error: content\/site\.yaml:14: error: security_txt\.expires: security\.txt expired on 2026-08-31: tools now ignore it/]],
    ['more than a year away: fails check', 'security_txt: { expires: 2027-09-10 }\n', [/^check-error: .*security_txt\.expires: is 374 days away; RFC 9116 asks for less than a year/]],
    ['missing: a warning that no security.txt is published', '', [/^warning: .*no \/\.well-known\/security\.txt is published/]],
  ])('%s', (_, extra, expected) => {
    const found = run(extra);
    expect(found).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(found[i]).toMatch(re));
  });

  it('warns that well-known files need the host\'s root under a base path', () => {
    const found = run('security_txt: { expires: 2027-06-30 }\n', BASE.replace('url: https://x.example/', 'url: https://x.example/project/'));
    expect(found).toEqual([expect.stringMatching(/^warning: content\/site\.yaml:2: warning: url: the site lives under the base path \/project\/, but \/\.well-known\/security\.txt and \/\.well-known\/csaf\/ must be served from the host's root/)]);
  });
});
