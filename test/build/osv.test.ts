/**
 * The OSV export of a built site, as OSV importers and users read it: every record valid against
 * the OSV schema, the index and the zip agreeing with the records, every signature verified by
 * GnuPG; and the round trip: the fixture records imported into a fresh content folder, sealed,
 * built, and the exported records compared with the originals field by field.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOutput } from '../../src/integrations/output.ts';
import { osvZip, type OsvRecord } from '../../src/lib/exports/osv.ts';
import { findLeaks } from '../../src/lib/publication/guard.ts';
import { EXAMPLE_NOW, EXAMPLE_TEST_KEY } from '../helpers/example.ts';
import { describeWithGpg, GpgHome } from '../helpers/gpg.ts';
import { expectSameMeaning, osvSchemaErrors } from '../helpers/osv.ts';
import { build, EXAMPLE_CONTENT, ROOT, runScript, tempDir } from '../helpers/run.ts';
import { listFiles } from '../helpers/site.ts';

const signed = { BULLETIN_SIGNING_KEY_FILE: EXAMPLE_TEST_KEY, BULLETIN_REQUIRE_SIGNING: '1' };
const FIXTURES = join(ROOT, 'test/fixtures/osv-import');
const read = (dist: string, f: string) => JSON.parse(readFileSync(join(dist, f), 'utf8'));
const recordFiles = (dist: string) => listFiles(dist).filter((f) => /^osv\/[^/]+\.json$/.test(f) && f !== 'osv/all.json');

describe('the example\'s OSV export', () => {
  let dist: string;
  beforeAll(() => {
    const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW, signed);
    expect(r.status, r.output).toBe(0);
    dist = r.outDir;
  });

  it('publishes one record per published advisory, named by its Bulletin ID, each valid against the OSV schema', () => {
    expect(recordFiles(dist)).toEqual(['osv/EXA-2026-0001.json', 'osv/EXA-2026-0002.json', 'osv/EXA-2026-0003.json', 'osv/GHSA-7q4m-2x9v-c3hf.json']);
    for (const f of recordFiles(dist)) expect(osvSchemaErrors(read(dist, f)), f).toEqual([]);
    const own = read(dist, 'osv/EXA-2026-0001.json') as OsvRecord;
    expect(own).toMatchObject({ id: 'x_EXA-2026-0001', published: '2026-08-04T15:00:00Z', modified: '2026-08-11T09:00:00Z', aliases: ['CVE-2026-41234'], database_specific: { bulletin_id: 'EXA-2026-0001' } });
    expect(read(dist, 'osv/GHSA-7q4m-2x9v-c3hf.json')).toMatchObject({ id: 'GHSA-7q4m-2x9v-c3hf' });
    expect(read(dist, 'osv/EXA-2026-0002.json')).toMatchObject({ withdrawn: '2026-05-20T10:00:00Z', modified: '2026-05-20T10:00:00Z' });
  });

  it('lists {id, modified} of every record in all.json, and every record in all.zip', () => {
    const records = recordFiles(dist).map((f) => read(dist, f) as OsvRecord);
    expect(read(dist, 'osv/all.json')).toEqual(records.map((r) => ({ id: r.id, modified: r.modified })).sort((a, b) => (a.id < b.id ? -1 : 1)));
    const zip = unzipSync(readFileSync(join(dist, 'osv/all.zip')));
    expect(Object.keys(zip)).toEqual(records.map((r) => `${r.id}.json`).sort());
    for (const r of records) expect(JSON.parse(Buffer.from(zip[`${r.id}.json`] as Uint8Array).toString('utf8'))).toEqual(r);
  });

  describeWithGpg('GnuPG', () => {
    it('verifies the signature of every OSV file, the zip included, with the published key', async () => {
      const gpg = await GpgHome.create({ keys: [readFileSync(join(dist, 'pgp-key.asc'), 'utf8')], now: new Date(EXAMPLE_NOW) });
      try {
        const files = listFiles(dist).filter((f) => f.startsWith('osv/') && !f.endsWith('.asc'));
        expect(files).toContain('osv/all.zip');
        for (const f of files) {
          const v = await gpg.verifyDetached(join(dist, `${f}.asc`), join(dist, f));
          expect(v.ok, `${f}: ${v.stderr}`).toBe(true);
        }
        const zip = readFileSync(join(dist, 'osv/all.zip'));
        zip[zip.length - 30] = (zip[zip.length - 30] as number) ^ 1;
        expect((await gpg.verifyDetached(join(dist, 'osv/all.zip.asc'), await gpg.write(zip, 'all.zip'))).ok).toBe(false);
      } finally {
        await gpg.dispose();
      }
    });
  });
});

describe('round trip: imported, sealed, built, exported', () => {
  const NOW = '2026-12-01T00:00:00Z';
  let dist: string;
  let content: string;
  beforeAll(() => {
    content = join(tempDir('osv-rt'), 'content');
    cpSync(join(ROOT, 'test/fixtures/minimal'), content, { recursive: true });
    const env = { BULLETIN_CONTENT_DIR: content, BULLETIN_NOW: NOW };
    const imported = runScript('import', env, readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => join(FIXTURES, f)));
    expect(imported.status, imported.output).toBe(0);
    const sealed = runScript('seal', env, ['--all']);
    expect(sealed.status, sealed.output).toBe(0);
    const r = build(content, NOW);
    expect(r.status, r.output).toBe(0);
    dist = r.outDir;
  });

  const merged = new Set(['GHSA-q4m2-7hv3-x8cf.json', 'GO-2099-0101.json']);
  const originals = readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && !merged.has(f));

  it.each(originals)('%s keeps its ID, aliases, packages, ranges, versions, severity vectors, summary and details', (file) => {
    const original = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as OsvRecord;
    const exported = read(dist, `osv/${original.id}.json`) as OsvRecord;
    expect(osvSchemaErrors(exported)).toEqual([]);
    expectSameMeaning(exported, original);
    if (original.published && !original.published.startsWith('0001')) expect(exported.published).toBe(original.published);
  });

  it('exports merged records as one, under the first ID, with the other ID among its aliases and leading to its page', () => {
    const exported = read(dist, 'osv/GHSA-q4m2-7hv3-x8cf.json') as OsvRecord;
    expect(exported.aliases).toEqual(['CVE-2099-10002', 'GO-2099-0101']);
    expect(exported.references?.map((r) => r.url)).toContain('https://example.org/trellis/commit/9e1f0c2');
    expect(listFiles(dist)).toContain('advisories/GO-2099-0101/index.html');
    expect(listFiles(dist)).not.toContain('osv/GO-2099-0101.json');
  });

  it('shows ranges that fit no release line as written on the advisory page', () => {
    const html = readFileSync(join(dist, 'advisories/GHSA-2f3x-9q7m-wc4h/index.html'), 'utf8');
    expect(html).toMatch(/example\.org\/quarry\/csi/);
    expect(html).toMatch(/last affected 1\.21/);
    const git = readFileSync(join(dist, 'advisories/GO-2099-0103/index.html'), 'utf8');
    expect(git).toMatch(/fixed 5d1e7c0a9b3f2e4d6c8a0b1c2d3e4f5a6b7c8d9e/);
  });
});

describe('the output guard', () => {
  it('reads inside all.zip, so a held-back ID in a zipped record would stop the build', () => {
    const dir = tempDir('zip-guard');
    writeFileSync(join(dir, 'all.zip'), osvZip([{ id: 'GHSA-aaaa-bbbb-cccc', modified: '2026-01-01T00:00:00Z', aliases: ['CVE-2026-99999'] }]));
    expect(findLeaks(readOutput(dir), ['CVE-2026-99999']).map((l) => [l.path, l.token])).toEqual([['all.zip', 'CVE-2026-99999']]);
  });
});
