/** The keys site.yaml lists, checked against content/keys/, with the expiry seen coming. */
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkKeys } from '../../src/lib/signing/key-checks.ts';
import { formatFinding } from '../../src/lib/content/findings.ts';
import { parseYaml } from '../../src/lib/content/source.ts';
import { generateSigningKey } from '../../src/lib/signing/keys.ts';
import { siteSchema } from '../../src/schemas/site.ts';

const NOW = new Date('2026-09-01T12:00:00Z');
const CREATED = new Date('2026-01-01T00:00:00Z');

const SITE = `name: X
url: https://x.example/
repository: https://example.org/x
contacts: { email: s@x.example }
packages: [{ name: x, ecosystem: npm }]
ids: { template: "X-{year}-{seq}" }
embargo: { setup: public-repository }
time_zone: UTC
acknowledgement_days: 3
support: { supported_lines: 2 }
response_times: { targets: { critical: 7, high: 14, medium: 30, low: best-effort } }
disclosure: { embargo_days: 90, distributor_notice_days: tbd }
updated: 2026-08-01
keys:
`;

interface K { armoredPublic: string; armoredPrivate: string; fingerprint: string }
let signing: K;
let soon: K;
let expired: K;
let encrypting: K;
beforeAll(async () => {
  signing = await generateSigningKey({ name: 'X security', email: 's@x.example', created: CREATED });
  soon = await generateSigningKey({ name: 'X security', email: 's@x.example', created: CREATED, expiresInDays: 260 }); // 2026-09-18
  expired = await generateSigningKey({ name: 'X security', email: 's@x.example', created: CREATED, expiresInDays: 200 }); // 2026-07-20
  const e = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'X team', email: 's@x.example' }], date: CREATED });
  encrypting = { armoredPublic: e.publicKey, armoredPrivate: e.privateKey, fingerprint: (await openpgp.readKey({ armoredKey: e.publicKey })).getFingerprint().toUpperCase() };
});

async function run(entries: { fingerprint: string; role: string; status: string; file: string }[], files: Record<string, string>): Promise<string[]> {
  const text = SITE + entries.map((e) => `  - { fingerprint: "${e.fingerprint}", role: ${e.role}, status: ${e.status}, file: ${e.file} }`).join('\n') + '\n';
  const src = parseYaml({ file: 'content/site.yaml', text });
  const site = siteSchema.parse(src.data);
  const keyFiles = Object.entries(files).map(([name, t]) => ({ file: `content/keys/${name}`, text: t }));
  const { findings } = await checkKeys(site, keyFiles, src, NOW);
  return findings.map((f) => formatFinding(f, 'check').replace(/[0-9A-F]{40}/g, '<FPR>'));
}

describe('checkKeys', () => {
  it('accepts a sign-only current signing key and an encryption key', async () => {
    expect(await run([
      { fingerprint: signing.fingerprint, role: 'signing', status: 'current', file: 's.asc' },
      { fingerprint: encrypting.fingerprint, role: 'encryption', status: 'current', file: 'e.asc' },
    ], { 's.asc': signing.armoredPublic, 'e.asc': encrypting.armoredPublic })).toEqual([]);
  });

  it.each([
    ['a missing file', () => [[{ fingerprint: signing.fingerprint, role: 'signing', status: 'current', file: 'gone.asc' }], {}], /keys\[0\]\.file: keys\/gone\.asc does not exist/],
    ['a fingerprint that is not the file\u2019s', () => [[{ fingerprint: soon.fingerprint, role: 'signing', status: 'current', file: 's.asc' }], { 's.asc': signing.armoredPublic }], /keys\[0\]\.fingerprint: is <FPR>, but keys\/s\.asc holds the key <FPR>/],
    ['a private key in content/keys', () => [[{ fingerprint: signing.fingerprint, role: 'signing', status: 'current', file: 's.asc' }], { 's.asc': signing.armoredPrivate }], /holds a PRIVATE key/],
    ['a signing key that can encrypt', () => [[{ fingerprint: encrypting.fingerprint, role: 'signing', status: 'current', file: 'e.asc' }], { 'e.asc': encrypting.armoredPublic }], /keys\[0\]\.role: the signing key <FPR> can also encrypt/],
    ['an encryption key that cannot', () => [[{ fingerprint: signing.fingerprint, role: 'encryption', status: 'current', file: 's.asc' }], { 's.asc': signing.armoredPublic }], /has no usable encryption \(sub\)key/],
    ['an expired current key', () => [[{ fingerprint: expired.fingerprint, role: 'signing', status: 'current', file: 'x.asc' }], { 'x.asc': expired.armoredPublic }], /content\/site\.yaml:\d+: error: keys\[0\]\.status: the key <FPR> expired on 2026-07-20/],
    ['two current signing keys', () => [[
      { fingerprint: signing.fingerprint, role: 'signing', status: 'current', file: 's.asc' },
      { fingerprint: expired.fingerprint, role: 'signing', status: 'retired', file: 'x.asc' },
      { fingerprint: soon.fingerprint, role: 'signing', status: 'current', file: 'o.asc' },
    ], { 's.asc': signing.armoredPublic, 'x.asc': expired.armoredPublic, 'o.asc': soon.armoredPublic }], /keys\[2\]\.status: a second current signing key/],
  ] as const)('refuses %s', async (_name, setup, expected) => {
    const [entries, files] = setup();
    expect((await run(entries as never, files as never)).join('\n')).toMatch(expected);
  });

  it('warns 30 days ahead of the signing key\u2019s expiry, without failing', async () => {
    const out = await run([{ fingerprint: soon.fingerprint, role: 'signing', status: 'current', file: 'o.asc' }], { 'o.asc': soon.armoredPublic });
    expect(out).toEqual([
      expect.stringMatching(/^content\/site\.yaml:\d+: warning: keys\[0\]\.status: the signing key <FPR> expires on 2026-09-18, in 17 days\n    fix: extend its expiry/),
    ]);
  });

  it('says nothing about a retired key that expired', async () => {
    expect(await run([{ fingerprint: expired.fingerprint, role: 'signing', status: 'retired', file: 'x.asc' }], { 'x.asc': expired.armoredPublic })).toEqual([]);
  });
});
