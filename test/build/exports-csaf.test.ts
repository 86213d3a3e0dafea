/**
 * The CSAF 2.0 trusted provider and security.txt of the built example, checked as their
 * consumers check them: every CSAF document against @secvisogram/csaf-validator-lib (strict
 * schema and mandatory tests; the recommended tests' results are printed), the provider metadata
 * against the provider rules and the CSAF 2.0 provider JSON schema, every hash with
 * sha256sum/sha512sum, every signature and security.txt's cleartext signature with GnuPG, and
 * security.txt field by field.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csafFileName } from '../../src/lib/publication/paths.ts';
import { validateCsaf } from '../helpers/csaf.ts';
import { providerSchemaErrors } from '../helpers/csaf-provider.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { describeWithGpg, GpgHome } from '../helpers/gpg.ts';
import { build, EXAMPLE_CONTENT, ROOT } from '../helpers/run.ts';
import { listFiles } from '../helpers/site.ts';

const TEST_KEY = join(ROOT, 'test/fixtures/keys/signing-test.private.asc');
const TEST_FINGERPRINT = '6B58C5297F4B818F6B9B269FD108F956A3832AFA';
const SITE = 'https://security.lanternfish.example/';
const CSAF = '.well-known/csaf/';

let dist: string;
let docs: string[];
const read = (f: string) => readFileSync(join(dist, f), 'utf8');
const json = (f: string) => JSON.parse(read(f)) as Record<string, any>;

beforeAll(() => {
  const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW, { BULLETIN_SIGNING_KEY_FILE: TEST_KEY, BULLETIN_REQUIRE_SIGNING: '1' });
  expect(r.status, r.output).toBe(0);
  dist = r.outDir;
  docs = listFiles(dist).filter((f) => f.startsWith(`${CSAF}white/`) && f.endsWith('.json'));
});

describe('CSAF documents', () => {
  it('one per published advisory, named as CSAF 2.0 derives it from the tracking ID', () => {
    expect(docs).toEqual([
      `${CSAF}white/2026/exa-2026-0001.json`,
      `${CSAF}white/2026/exa-2026-0002.json`,
      `${CSAF}white/2026/exa-2026-0003.json`,
      `${CSAF}white/2026/ghsa-7q4m-2x9v-c3hf.json`,
    ]);
    for (const f of docs) {
      const doc = json(f);
      expect(f.endsWith(`/${doc.document.tracking.initial_release_date.slice(0, 4)}/${csafFileName(doc.document.tracking.id)}`)).toBe(true);
    }
  });

  it('each passes the CSAF validator (strict schema and mandatory tests); recommended tests reported', async () => {
    for (const f of docs) {
      const v = await validateCsaf(json(f));
      expect(v.errors, f).toEqual([]);
      expect(v.valid).toBe(true);
      // The recommended tests (CSAF 2.0 section 6.2) are advice: their results are shown, not required.
      console.log(`${f}: recommended tests: ${v.recommended.length ? v.recommended.join(' | ') : 'all pass'}`);
    }
  });

  it('carries the revision history, dates from content, per-line product status, scores and remediations', () => {
    const doc = json(`${CSAF}white/2026/exa-2026-0001.json`);
    const t = doc.document.tracking;
    expect(t.revision_history.map((r: any) => [r.number, r.date])).toEqual([
      ['1', '2026-08-04T15:00:00Z'],
      ['2', '2026-08-11T09:00:00Z'],
    ]);
    expect([t.initial_release_date, t.current_release_date, t.generator.date, t.version, t.status]).toEqual(['2026-08-04T15:00:00Z', '2026-08-11T09:00:00Z', '2026-08-11T09:00:00Z', '2', 'final']);
    const v = doc.vulnerabilities[0];
    expect(v.cve).toBe('CVE-2026-41234');
    expect(v.product_status.fixed).toEqual(['CSAFPID-lanternfish-0.13.1', 'CSAFPID-lanternfish-0.12.3']);
    expect(v.product_status.known_affected).toEqual(['CSAFPID-lanternfish-0.13-affected', 'CSAFPID-lanternfish-0.12-affected', 'CSAFPID-lanternfish-0.11-affected', 'CSAFPID-lanternfish-0.10-affected']);
    expect(v.remediations.map((r: any) => r.category)).toEqual(['vendor_fix', 'vendor_fix', 'no_fix_planned', 'no_fix_planned']);
    expect(v.scores[0].cvss_v3).toEqual({ baseScore: 9.8, baseSeverity: 'CRITICAL', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', version: '3.1' });
    expect(v.notes.find((n: any) => n.title === 'CVSS 4.0').text).toMatch(/^CVSS:4\.0\/AV:N/);
    expect(v.acknowledgments.map((a: any) => a.names[0])).toEqual(['Mira Castellanos', 'Ada Okafor']);
  });

  it('each has .sha256 and .sha512 files that sha256sum -c and sha512sum -c accept, and a .asc', () => {
    for (const f of docs) {
      for (const alg of ['sha256', 'sha512']) {
        expect(read(`${f}.${alg}`)).toMatch(new RegExp(`^[0-9a-f]+  ${f.split('/').pop()!.replace(/\./g, '\\.')}\\n$`));
        const r = spawnSync(`${alg}sum`, ['-c', `${f.split('/').pop()}.${alg}`], { cwd: dirname(join(dist, f)), encoding: 'utf8' });
        expect(r.status, `${f}.${alg}: ${r.stdout}${r.stderr}`).toBe(0);
      }
      expect(existsSync(join(dist, `${f}.asc`))).toBe(true);
    }
  });
});

describe('the provider', () => {
  it('index.txt and changes.csv list every document, changes newest first', () => {
    const relative = docs.map((f) => f.slice(`${CSAF}white/`.length));
    expect(read(`${CSAF}white/index.txt`).trim().split('\n').sort()).toEqual(relative);
    const rows = read(`${CSAF}white/changes.csv`).trim().split('\n').map((l) => l.split(',').map((c) => JSON.parse(c) as string));
    expect(rows.map((r) => r[0]).sort()).toEqual(relative);
    const dates = rows.map((r) => Date.parse(r[1]!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const [path, date] of rows) expect(json(`${CSAF}white/${path}`).document.tracking.current_release_date).toBe(date);
  });

  it('the ROLIE feed has an entry per document with its hashes and signature', () => {
    const feed = json(`${CSAF}feed-tlp-white.json`).feed;
    expect(feed.entry).toHaveLength(docs.length);
    for (const e of feed.entry) {
      const self = e.link.find((l: any) => l.rel === 'self').href as string;
      expect(docs).toContain(self.slice(SITE.length));
      expect(e.link.filter((l: any) => l.rel !== 'self').map((l: any) => l.href.slice(self.length))).toEqual(['.sha256', '.sha512', '.asc']);
    }
  });

  it('provider metadata: a trusted provider, its canonical URL, the ROLIE feed, the signing key and the documents\' publisher', () => {
    const m = json(`${CSAF}provider-metadata.json`);
    expect(m.role).toBe('csaf_trusted_provider');
    expect(m.metadata_version).toBe('2.0');
    expect(m.canonical_url).toBe(`${SITE}${CSAF}provider-metadata.json`);
    expect(Date.parse(m.last_updated)).toBe(Date.parse('2026-08-20T00:00:00Z'));
    expect([m.list_on_CSAF_aggregators, m.mirror_on_CSAF_aggregators]).toEqual([true, true]);
    expect(m.public_openpgp_keys).toEqual([{ fingerprint: TEST_FINGERPRINT, url: `${SITE}pgp-key.asc` }]);
    expect(m.distributions[0].rolie.feeds).toEqual([{ summary: 'All TLP:WHITE advisories of Lanternfish.', tlp_label: 'WHITE', url: `${SITE}${CSAF}feed-tlp-white.json` }]);
    // The publisher is the documents' own, which the CSAF schema accepted above.
    for (const f of docs) expect(json(f).document.publisher).toEqual(m.publisher);
  });

  it('provider metadata passes the CSAF 2.0 provider JSON schema, and a broken copy does not', () => {
    const m = json(`${CSAF}provider-metadata.json`);
    expect(providerSchemaErrors(m)).toEqual([]);
    // The schema is really applied: each of these breaks a rule of it (the publisher's through the CSAF document schema's $ref).
    const broken: [string, Record<string, any>, RegExp][] = [
      ['no role', { ...m, role: undefined }, /must have required property 'role'/],
      ['an unknown role', { ...m, role: 'csaf_provider_of_sorts' }, /\/role must be equal to one of the allowed values/],
      ['a canonical URL not ending in provider-metadata.json', { ...m, canonical_url: `${SITE}${CSAF}provider.json` }, /\/canonical_url must match pattern/],
      ['a publisher without its namespace', { ...m, publisher: { ...m.publisher, namespace: undefined } }, /\/publisher must have required property 'namespace'/],
      ['an unknown publisher category', { ...m, publisher: { ...m.publisher, category: 'maintainer' } }, /\/publisher\/category must be equal to one of the allowed values/],
      ['a short key fingerprint', { ...m, public_openpgp_keys: [{ ...m.public_openpgp_keys[0], fingerprint: 'D108F956' }] }, /\/public_openpgp_keys\/0\/fingerprint must NOT have fewer than 40 characters/],
      ['a field the schema does not define (it allows them: this helper does not)', { ...m, pgp_keys: m.public_openpgp_keys }, /\/pgp_keys is not a field of the provider schema/],
    ];
    for (const [name, copy, expected] of broken) {
      const errors = providerSchemaErrors(JSON.parse(JSON.stringify(copy)));
      expect(errors.join('\n'), name).toMatch(expected);
    }
  });
});

describe('security.txt', () => {
  it('holds, field by field, what RFC 9116 asks, from site.yaml', () => {
    const text = read('.well-known/security.txt');
    const body = text.split('\n-----BEGIN PGP SIGNATURE-----')[0]!.split('\n\n').slice(1).join('\n\n');
    const fields = body.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]);
    expect(fields).toEqual([
      ['Contact', 'https://github.com/lanternfish-example/lanternfish/security/advisories/new'],
      ['Contact', 'mailto:security@lanternfish.example'],
      ['Contact', 'https://bounty.lanternfish.example/'],
      ['Expires', '2027-06-30T00:00:00Z'],
      ['Encryption', `${SITE}encryption-key.asc`],
      ['Preferred-Languages', 'en'],
      ['Canonical', `${SITE}.well-known/security.txt`],
      ['Policy', SITE],
      ['CSAF', `${SITE}${CSAF}provider-metadata.json`],
    ]);
    for (const [, value] of fields.filter(([n]) => n !== 'Expires' && n !== 'Preferred-Languages')) {
      const target = value!.startsWith(SITE) ? value!.slice(SITE.length) : undefined;
      if (target !== undefined) expect(existsSync(join(dist, target === '' ? 'index.html' : target)), value).toBe(true);
    }
  });
});

describeWithGpg('GnuPG verifies the exports', () => {
  it('security.txt as cleartext-signed, and every CSAF file\'s .asc', async () => {
    const gpg = await GpgHome.create({ keys: [read('pgp-key.asc')], now: new Date(EXAMPLE_NOW) });
    try {
      const txt = await gpg.verifyCleartext(join(dist, '.well-known/security.txt'));
      expect(txt.ok, txt.stderr).toBe(true);
      expect(txt.fingerprint).toBe(TEST_FINGERPRINT);
      const sigs = listFiles(dist).filter((f) => f.startsWith(CSAF) && f.endsWith('.asc'));
      expect(sigs).toHaveLength(docs.length + 4);
      for (const sig of sigs) {
        const r = await gpg.verifyDetached(join(dist, sig), join(dist, sig.replace(/\.asc$/, '')));
        expect(r.ok, `${sig}: ${r.stderr}`).toBe(true);
      }
    } finally {
      await gpg.dispose();
    }
  });
});
