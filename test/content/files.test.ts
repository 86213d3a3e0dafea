/**
 * Content files as files, through `npm run check` (issue #10 items 9, 10, 11): a size limit per
 * file, private key material anywhere in the content folder, key files site.yaml does not list,
 * and every read problem (a YAML bomb, NUL bytes, invalid UTF-8, a symbolic link) named with its
 * file and line. Messages are locked.
 */
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NOW, EXAMPLE_TEST_KEY } from '../helpers/example.ts';
import { build, check, contentWith, EXAMPLE_CONTENT } from '../helpers/run.ts';

const site = readFileSync(join(EXAMPLE_CONTENT, 'site.yaml'), 'utf8');
const policy = readFileSync(join(EXAMPLE_CONTENT, 'policy/30-scope.md'), 'utf8');
const advisory = readFileSync(join(EXAMPLE_CONTENT, 'advisories/EXA-2026-0005.md'), 'utf8');
const privateKey = readFileSync(EXAMPLE_TEST_KEY, 'utf8');

/** The findings of a check run, with the temporary folder's path cut to content/, without the summary. */
function findings(dir: string): string {
  const r = check(dir, EXAMPLE_NOW);
  return r.output
    .split('\n')
    .filter((l) => /: (error|warning): |^\s+fix: /.test(l))
    .map((l) => l.replace(/\S*?test\/\.tmp\/content-[^/]+\//g, ''))
    .join('\n');
}

describe('the size limit', () => {
  const big = advisory.replace('\n---\n', '\n---\n' + 'A sentence of the description that goes on. '.repeat(25_000) + '\n');

  it('refuses a file over 1 MB, naming it, in check and build', () => {
    const dir = contentWith({ 'advisories/EXA-2026-0005.md': big });
    expect(findings(dir)).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0005.md: error: is 1100440 bytes, more than the 1000000 bytes a content file may hold
          fix: split the text or shorten it; or, if such a file is intended, set max_file_size in site.yaml (in bytes)"
    `);
    const r = build(dir, EXAMPLE_NOW);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/EXA-2026-0005\.md: error: is 11\d{5} bytes, more than the 1000000 bytes/);
  });

  it('takes a limit from site.yaml', () => {
    expect(findings(contentWith({ 'advisories/EXA-2026-0005.md': big, 'site.yaml': `${site}\nmax_file_size: 2000000\n` }))).toBe('');
    // The limit sits above every file of the example (the lock is the largest, about 3 KB) and below the padded one.
    expect(findings(contentWith({ 'policy/30-scope.md': `${policy}\n${'x'.repeat(5000)}\n`, 'site.yaml': `${site}\nmax_file_size: 5000\n` }))).toMatchInlineSnapshot(`
      "content/policy/30-scope.md: error: is 5375 bytes, more than the 5000 bytes a content file may hold (site.yaml's max_file_size)
          fix: split the text or shorten it; or raise max_file_size in site.yaml if such a file is intended"
    `);
  });
});

describe('the lock, which grows with the archive', () => {
  it('may hold more than the limit of a file (64 times), but not without bound', () => {
    const lock = readFileSync(join(EXAMPLE_CONTENT, 'bulletin.lock'), 'utf8');
    // The example's lock, about 3 KB, against a limit of 1,000 bytes: within 64 KB, so no finding.
    expect(findings(contentWith({ 'site.yaml': `${site}\nmax_file_size: 1000\n` }))).not.toMatch(/bulletin\.lock: error: is/);
    expect(findings(contentWith({ 'site.yaml': `${site}\nmax_file_size: 1000\n`, 'bulletin.lock': lock.replace(/\n}\s*$/, `,\n  "padding": "${'x'.repeat(70_000)}"\n}\n`) }))).toMatch(
      /bulletin\.lock: error: is 7\d{4} bytes, more than the 64000 bytes a content file may hold \(the lock may hold 64 times site\.yaml.s max_file_size\)/,
    );
  });
});

describe('key files', () => {
  it('refuses private key material anywhere in the content folder, listed or not', async () => {
    const binary = (await openpgp.readPrivateKey({ armoredKey: privateKey })).write();
    const dir = contentWith({ 'keys/extra.asc': privateKey, 'notes/backup.txt': `my key, for safekeeping:\n\n${privateKey}`, 'policy/50-ssh.md': `---\ntitle: x\norder: 50\n---\n-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n` });
    writeFileSync(join(dir, 'notes/secret.gpg'), binary);
    expect(findings(dir)).toMatchInlineSnapshot(`
      "content/keys/extra.asc: warning: is a key file that site.yaml "keys" does not list, so the site does not publish it
          fix: list it in site.yaml "keys" with its fingerprint, role and status, or remove the file
      content/keys/extra.asc:1: error: holds private key material (BEGIN PGP PRIVATE KEY BLOCK); everything in the content folder is pushed and may be published
          fix: remove the file from the content folder (and from git history if it was committed), treat the key as exposed and replace it; only public keys belong in content/keys/ (gpg --armor --export <fingerprint>)
      content/notes/backup.txt:3: error: holds private key material (BEGIN PGP PRIVATE KEY BLOCK); everything in the content folder is pushed and may be published
          fix: remove the file from the content folder (and from git history if it was committed), treat the key as exposed and replace it; only public keys belong in content/keys/ (gpg --armor --export <fingerprint>)
      content/notes/secret.gpg: error: holds private key material (an OpenPGP secret key packet); everything in the content folder is pushed and may be published
          fix: remove the file from the content folder (and from git history if it was committed), treat the key as exposed and replace it; only public keys belong in content/keys/ (gpg --armor --export <fingerprint>)
      content/policy/50-ssh.md:5: error: holds private key material (BEGIN OPENSSH PRIVATE KEY); everything in the content folder is pushed and may be published
          fix: remove the file from the content folder (and from git history if it was committed), treat the key as exposed and replace it; only public keys belong in content/keys/ (gpg --armor --export <fingerprint>)"
    `);
  });

  it('warns about a public key file site.yaml does not list', () => {
    const dir = contentWith({ 'keys/old-laptop.asc': readFileSync(join(EXAMPLE_CONTENT, 'keys/encryption.asc'), 'utf8') });
    expect(findings(dir)).toMatchInlineSnapshot(`
      "content/keys/old-laptop.asc: warning: is a key file that site.yaml "keys" does not list, so the site does not publish it
          fix: list it in site.yaml "keys" with its fingerprint, role and status, or remove the file"
    `);
  });
});

describe('bad bytes and files', () => {
  it('names the file of a YAML bomb', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
    expect(findings(contentWith({ 'site.yaml': `${site}\nbomb:\n  ${bomb.replace(/\n/g, '\n  ')}\n` }))).toMatchInlineSnapshot(`
      "content/site.yaml:94: error: the YAML cannot be read: Excessive alias count indicates a resource exhaustion attack (its aliases expand too far)
          fix: write the values out instead of repeating them through anchors (&name) and aliases (*name)"
    `);
  });

  it('refuses NUL bytes and invalid UTF-8, naming file and line', () => {
    const dir = contentWith({ 'policy/30-scope.md': policy.replace('\n---\n', '\n---\nText\u0000with a NUL.\n') });
    writeFileSync(join(dir, 'advisories/EXA-2026-0005.md'), Buffer.concat([Buffer.from(advisory.replace('\n---\n', '\n---\nCaf')), Buffer.from([0xe9]), Buffer.from(' (Latin-1).\n')]));
    expect(findings(dir)).toMatchInlineSnapshot(`
      "content/advisories/EXA-2026-0005.md:20: error: is not valid UTF-8 text
          fix: save the file as UTF-8 (from Latin-1 or Windows-1252: iconv -f WINDOWS-1252 -t UTF-8)
      content/policy/30-scope.md:5: error: holds a NUL byte, so it is not a text file
          fix: remove the NUL bytes (an editor or a bad copy put them there), or save the file again as UTF-8 text"
    `);
  });

  it('says a symbolic link is one, rather than that the file is missing', () => {
    const dir = contentWith();
    rmSync(join(dir, 'keys/encryption.asc'));
    symlinkSync(join(EXAMPLE_CONTENT, 'keys/encryption.asc'), join(dir, 'keys/encryption.asc'));
    symlinkSync('/etc/passwd', join(dir, 'policy/60-passwd.md'));
    expect(findings(dir)).toMatchInlineSnapshot(`
      "content/keys/encryption.asc: error: is a symbolic link; the content folder holds regular files only, so nothing outside it can be published through a link
          fix: replace the link with a copy of the file it points to
      content/policy/60-passwd.md: error: is a symbolic link; the content folder holds regular files only, so nothing outside it can be published through a link
          fix: replace the link with a copy of the file it points to"
    `);
  });
});
