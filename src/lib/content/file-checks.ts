/**
 * Checks on content files as files, before what they say: the size limit (so a huge file cannot
 * keep a build busy), private key material anywhere in the content folder (it would be
 * published, or at least pushed), and public key files that site.yaml does not list. Pure.
 */
import type { Site } from '../../schemas/site.ts';
import type { Finding } from './findings.ts';
import type { SourceFile } from './source.ts';

/** The size of a file in bytes: as read from disk, else its UTF-8 length. */
export function sizeOf(src: SourceFile): number {
  return src.bytes ?? new TextEncoder().encode(src.text).length;
}

/** How many times the size limit the lock may hold: it grows with the archive (about 64 MB, some 100,000 advisories, by default). */
export const LOCK_SIZE_FACTOR = 64;

/** A finding for a file over the limit (`factor` times the limit of a file, for the lock), or undefined. */
export function oversized(src: SourceFile, limit: number, fromSite: boolean, factor = 1): Finding | undefined {
  const size = sizeOf(src);
  if (size <= limit) return undefined;
  const whose = factor > 1 ? ` (the lock may hold ${factor} times ${fromSite ? "site.yaml's max_file_size" : 'the limit of a file'})` : fromSite ? " (site.yaml's max_file_size)" : '';
  return {
    severity: 'error',
    file: src.file,
    message: `is ${size} bytes, more than the ${limit} bytes a content file may hold${whose}`,
    fix: fromSite
      ? 'split the text or shorten it; or raise max_file_size in site.yaml if such a file is intended'
      : 'split the text or shorten it; or, if such a file is intended, set max_file_size in site.yaml (in bytes)',
  };
}

// Armored private keys of OpenPGP, OpenSSH, PEM/PKCS#8 and PuTTY.
const ARMOR = /-----BEGIN (PGP PRIVATE KEY BLOCK|OPENSSH PRIVATE KEY|(?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY)-----|PuTTY-User-Key-File-\d+:/;

/** Whether a file starts with an OpenPGP secret-key packet (a binary `gpg --export-secret-keys`). */
function binarySecretKey(text: string): boolean {
  const b = text.charCodeAt(0);
  if (!(b & 0x80) || text.length < 8) return false;
  const tag = b & 0x40 ? b & 0x3f : (b & 0x3c) >> 2;
  return tag === 5;
}

/** Every file that holds private key material, wherever it is in the content folder. */
export function privateKeyFiles(files: readonly SourceFile[]): Finding[] {
  return files.flatMap((src): Finding[] => {
    const m = ARMOR.exec(src.text);
    if (!m && !binarySecretKey(src.text)) return [];
    return [
      {
        severity: 'error',
        file: src.file,
        line: m ? src.text.slice(0, m.index).split('\n').length : undefined,
        message: `holds private key material (${m ? m[0].replace(/-/g, '').trim() : 'an OpenPGP secret key packet'}); everything in the content folder is pushed and may be published`,
        fix: 'remove the file from the content folder (and from git history if it was committed), treat the key as exposed and replace it; only public keys belong in content/keys/ (gpg --armor --export <fingerprint>)',
      },
    ];
  });
}

/** Key files in content/keys/ that site.yaml `keys` does not list: published nowhere, and maybe a mistake. */
export function unlistedKeyFiles(site: Site, keyFiles: readonly SourceFile[]): Finding[] {
  const listed = new Set(site.keys.map((k) => k.file));
  return keyFiles
    .filter((f) => !listed.has(f.file.replace(/^.*[\\/]/, '')))
    .map((f) => ({
      severity: 'warning' as const,
      file: f.file,
      message: 'is a key file that site.yaml "keys" does not list, so the site does not publish it',
      fix: 'list it in site.yaml "keys" with its fingerprint, role and status, or remove the file',
    }));
}
