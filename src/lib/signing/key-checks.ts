/**
 * The public keys site.yaml lists, checked against their files in content/keys/: the file
 * exists and holds one public key with that fingerprint, the roles make sense, and the current
 * signing key's expiry is seen coming (warning 30 days ahead).
 */
import * as openpgp from 'openpgp';
import type { Site } from '../../schemas/site.ts';
import { daysUntil, formatDate } from '../common/dates.ts';
import type { Finding } from '../content/findings.ts';
import type { SourceFile, YamlSource } from '../content/source.ts';

/** Days before the signing key's expiry that `check` starts warning. */
export const EXPIRY_WARNING_DAYS = 30;

export interface PublicKeyInfo {
  fingerprint: string;
  created: Date;
  expires: Date | null;
  revoked: boolean;
  canEncrypt: boolean;
  userIds: string[];
  armored: string;
}

/** Reads one armored public key's facts at `now`. */
export async function publicKeyInfo(armored: string, now: Date): Promise<PublicKeyInfo> {
  const key = await openpgp.readKey({ armoredKey: armored });
  if (key.isPrivate()) throw new Error('the file holds a PRIVATE key; only public keys belong in content/keys/');
  const expiry = await key.getExpirationTime();
  let canEncrypt = true;
  try {
    await key.getEncryptionKey(undefined, now);
  } catch {
    canEncrypt = false;
  }
  return {
    fingerprint: key.getFingerprint().toUpperCase(),
    created: key.getCreationTime(),
    expires: expiry instanceof Date ? expiry : null,
    revoked: await key.isRevoked(undefined, undefined, now),
    canEncrypt,
    userIds: key.getUserIDs(),
    armored,
  };
}

/** Checks every listed key against its file; returns findings and the facts of each readable key. */
export async function checkKeys(site: Site, keyFiles: readonly SourceFile[], src: YamlSource, now: Date): Promise<{ findings: Finding[]; keys: Map<string, PublicKeyInfo> }> {
  const findings: Finding[] = [];
  const keys = new Map<string, PublicKeyInfo>();
  const at = (i: number, field: string, message: string, fix: string, severity: Finding['severity'] = 'error'): Finding => ({
    severity,
    file: src.file,
    line: src.lineOf(['keys', i, field]),
    field: `keys[${i}].${field}`,
    message,
    fix,
  });
  for (const [i, k] of site.keys.entries()) {
    const file = keyFiles.find((f) => f.file.endsWith(`/keys/${k.file}`));
    if (!file) {
      findings.push(at(i, 'file', `keys/${k.file} does not exist`, `add the public key as content/keys/${k.file} (gpg --armor --export ${k.fingerprint} > content/keys/${k.file})`));
      continue;
    }
    let info: PublicKeyInfo;
    try {
      info = await publicKeyInfo(file.text, now);
    } catch (e) {
      findings.push(at(i, 'file', `keys/${k.file} cannot be read as one OpenPGP public key: ${(e as Error).message}`, 'export the public key in ASCII armor (gpg --armor --export <fingerprint>)'));
      continue;
    }
    if (info.fingerprint !== k.fingerprint) {
      findings.push(at(i, 'fingerprint', `is ${k.fingerprint}, but keys/${k.file} holds the key ${info.fingerprint}`, 'copy the fingerprint from the key file (gpg --show-keys --with-fingerprint <file>), or point "file" at the right key'));
      continue;
    }
    keys.set(info.fingerprint, info);
    if (k.role === 'signing' && info.canEncrypt) {
      findings.push(at(i, 'role', `the signing key ${k.fingerprint} can also encrypt`, 'the signing key lives in CI and must be sign-only; generate one with npm run keygen, and give reporters a separate encryption key'));
    }
    if (k.role === 'encryption' && !info.canEncrypt) {
      findings.push(at(i, 'role', `the encryption key ${k.fingerprint} has no usable encryption (sub)key`, 'give reporters a key with an encryption subkey'));
    }
    if (k.status === 'current') {
      if (info.revoked) findings.push(at(i, 'status', `the key ${k.fingerprint} is revoked but listed as current`, 'mark it retired and list a new current key'));
      else if (info.expires && info.expires.getTime() <= now.getTime()) {
        findings.push(at(i, 'status', `the key ${k.fingerprint} expired on ${formatDate(info.expires)}`, 'extend its expiry (gpg --quick-set-expire) and publish the updated public key, or rotate to a new key'));
      } else if (info.expires && k.role === 'signing' && daysUntil(now, info.expires) <= EXPIRY_WARNING_DAYS) {
        findings.push(at(i, 'status', `the signing key ${k.fingerprint} expires on ${formatDate(info.expires)}, in ${daysUntil(now, info.expires)} days`, 'extend its expiry (gpg --quick-set-expire <fingerprint> 2y), export the public key again, and update the CI secret', 'warning'));
      }
    }
  }
  // One current signing key signs the site; encryption keys may be several (one per responder).
  const current = site.keys.map((k, i) => ({ k, i })).filter(({ k }) => k.role === 'signing' && k.status === 'current');
  for (const { i } of current.slice(1)) findings.push(at(i, 'status', 'a second current signing key', 'keep one current signing key; mark the others retired'));
  return { findings, keys };
}
