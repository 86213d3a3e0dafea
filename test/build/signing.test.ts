/**
 * Signatures as users check them: every .asc of a built site verifies with GnuPG against the
 * published /pgp-key.asc, a tampered file fails, two builds are byte-identical, and every bad
 * key stops the build with a clear message before anything is written.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../src/lib/signing/keys.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { describeWithGpg, GpgHome } from '../helpers/gpg.ts';
import { build, EXAMPLE_CONTENT, ROOT, tempDir } from '../helpers/run.ts';
import { listFiles } from '../helpers/site.ts';

const TEST_KEY = join(ROOT, 'test/fixtures/keys/signing-test.private.asc');
const TEST_FINGERPRINT = '6B58C5297F4B818F6B9B269FD108F956A3832AFA';
const signed = { BULLETIN_SIGNING_KEY_FILE: TEST_KEY, BULLETIN_REQUIRE_SIGNING: '1' };

let dist: string;
beforeAll(() => {
  const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW, signed);
  expect(r.status, r.output).toBe(0);
  expect(r.output).toMatch(`signed 22 files with key ${TEST_FINGERPRINT}`);
  dist = r.outDir;
});

describe('what is signed', () => {
  it('puts a detached signature beside every feed and index', () => {
    const files = listFiles(dist);
    for (const f of ['rss.xml', 'advisories/rss.xml', 'announcements/rss.xml', 'feed.json', 'sitemap.xml', 'lookup.json', 'osv/all.json', 'osv/all.zip', 'osv/EXA-2026-0001.json']) expect(files).toContain(`${f}.asc`);
  });

  it('publishes the signing keys, current and retired, but no private key', () => {
    const block = readFileSync(join(dist, 'pgp-key.asc'), 'utf8');
    expect(block).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    for (const f of listFiles(dist)) expect(readFileSync(join(dist, f), 'latin1')).not.toMatch(/PRIVATE KEY BLOCK/);
  });
});

describeWithGpg('GnuPG verifies', () => {
  it('every signature with the published key, and rejects a tampered file', async () => {
    const gpg = await GpgHome.create({ keys: [readFileSync(join(dist, 'pgp-key.asc'), 'utf8')], now: new Date(EXAMPLE_NOW) });
    try {
      const sigs = listFiles(dist).filter((f) => f.endsWith('.asc') && !['pgp-key.asc', 'encryption-key.asc'].includes(f));
      expect(sigs.length).toBeGreaterThanOrEqual(5);
      for (const sig of sigs) {
        const r = await gpg.verifyDetached(join(dist, sig), join(dist, sig.replace(/\.asc$/, '')));
        expect(r.ok, `${sig}: ${r.stderr}`).toBe(true);
        expect(r.fingerprint).toBe(TEST_FINGERPRINT);
      }
      // Announcements: cleartext-signed, verified as downloaded and after a mail client made the line endings CRLF.
      const texts = listFiles(dist).filter((f) => /^announcements\/[^/]+\.txt$/.test(f));
      expect(texts).toEqual(['announcements/lanternfish-0-12-3-and-0-13-1.txt']);
      for (const t of texts) {
        const asDownloaded = await gpg.verifyCleartext(join(dist, t));
        expect(asDownloaded.ok, asDownloaded.stderr).toBe(true);
        expect(asDownloaded.fingerprint).toBe(TEST_FINGERPRINT);
        const crlf = await gpg.write(readFileSync(join(dist, t), 'utf8').replace(/\n/g, '\r\n'), 'crlf.txt');
        const viaMail = await gpg.verifyCleartext(crlf);
        expect(viaMail.ok, viaMail.stderr).toBe(true);
        const edited = await gpg.write(readFileSync(join(dist, t), 'utf8').replace('upgrade now', 'no need to upgrade'), 'edited.txt');
        expect((await gpg.verifyCleartext(edited)).ok).toBe(false);
      }
      const tampered = await gpg.write(readFileSync(join(dist, 'feed.json'), 'utf8').replace('Critical', 'Low'), 'feed.json');
      const bad = await gpg.verifyDetached(join(dist, 'feed.json.asc'), tampered);
      expect(bad.ok).toBe(false);
    } finally {
      await gpg.dispose();
    }
  });
});

describe('reproducible builds', () => {
  it('two builds with the same content, key and now are byte-identical', () => {
    const again = build(EXAMPLE_CONTENT, EXAMPLE_NOW, signed);
    expect(again.status, again.output).toBe(0);
    const digest = (dir: string) => listFiles(dir).map((f) => `${f} ${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}`);
    expect(digest(again.outDir)).toEqual(digest(dist));
  });
});

describe('bad keys stop the build before anything is written', () => {
  const keyFile = (name: string, text: string) => {
    const file = join(tempDir('key'), name);
    writeFileSync(file, text);
    return file;
  };
  const refused = (env: Record<string, string>) => {
    const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW, env);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/was not changed/);
    return r.output;
  };

  it('a key file that cannot be read', () => {
    expect(refused({ BULLETIN_SIGNING_KEY_FILE: '/nonexistent/key.asc' })).toMatch(/signing key file named by BULLETIN_SIGNING_KEY_FILE \(\/nonexistent\/key\.asc\) cannot be read \(ENOENT\): check the path/);
  });

  it('text that is not a key', () => {
    expect(refused({ BULLETIN_SIGNING_KEY: 'not a key' })).toMatch(/The signing key from BULLETIN_SIGNING_KEY: /);
  });

  it('a protected key with a wrong passphrase', async () => {
    const k = await generateSigningKey({ name: 'Lanternfish security', email: 'security@lanternfish.example', created: new Date('2025-01-01T00:00:00Z'), passphrase: 'right' });
    expect(refused({ BULLETIN_SIGNING_KEY_FILE: keyFile('p.asc', k.armoredPrivate), BULLETIN_SIGNING_PASSPHRASE: 'wrong' })).toMatch(/passphrase/i);
  });

  it('a sign-only key that site.yaml does not list', async () => {
    const k = await generateSigningKey({ name: 'Someone else', email: 'x@example.org', created: new Date('2025-01-01T00:00:00Z') });
    expect(refused({ BULLETIN_SIGNING_KEY_FILE: keyFile('o.asc', k.armoredPrivate) })).toMatch(
      `is ${k.fingerprint}, which site.yaml does not list as the current signing key (that is ${TEST_FINGERPRINT})`,
    );
  });

  it('a key that can encrypt', async () => {
    const openpgp = await import('openpgp');
    const k = await openpgp.generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'x', email: 'x@example.org' }], date: new Date('2025-01-01T00:00:00Z') });
    expect(refused({ BULLETIN_SIGNING_KEY_FILE: keyFile('e.asc', k.privateKey) })).toMatch(/encrypt/);
  });

  it('an expired key', async () => {
    const k = await generateSigningKey({ name: 'Old', email: 'x@example.org', created: new Date('2025-01-01T00:00:00Z'), expiresInDays: 30 });
    expect(refused({ BULLETIN_SIGNING_KEY_FILE: keyFile('x.asc', k.armoredPrivate) })).toMatch(/expired/);
  });

  it.each(['1', 'true', 'TRUE', 'yes', 'Yes'])('no key when signing is required (BULLETIN_REQUIRE_SIGNING=%s)', (value) => {
    expect(refused({ BULLETIN_REQUIRE_SIGNING: value })).toContain(`BULLETIN_REQUIRE_SIGNING=${value} but no signing key was given`);
  });

  it('a BULLETIN_REQUIRE_SIGNING that is neither yes nor no', () => {
    expect(refused({ BULLETIN_REQUIRE_SIGNING: 'ture' })).toContain('BULLETIN_REQUIRE_SIGNING is "ture", which is not a yes or no');
  });
});

describe('a development build', () => {
  it('signs with the development key, warns in the log, and publishes it marked', () => {
    const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW, { BULLETIN_DEV_KEY_FILE: join(tempDir('devkey'), 'dev.asc') });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/WARNING: no signing key given/);
    expect(r.output).toMatch(/signed 22 files with the DEVELOPMENT key/);
  });
});
