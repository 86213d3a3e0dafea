// OpenPGP keys for Bulletin: reading and checking the signing key, generating signing and
// development keys, fingerprints, and the public key block of /pgp-key.asc. Signing itself is in
// signing.ts. Pure: no clock, environment or files; the caller passes armored text, passphrase and "now".
import * as openpgp from 'openpgp';

/** A checked, decrypted signing key, ready to sign. */
export interface SigningKey {
  /** The decrypted private key. */
  privateKey: openpgp.PrivateKey;
  /** The primary key's fingerprint: 40 upper-case hex digits (what site.yaml lists). */
  fingerprint: string;
  /** The fingerprint of the (sub)key that makes signatures; equal to `fingerprint` when the primary key signs. */
  signer: string;
  /** The creation time of the (sub)key that makes signatures: no signature may be older. */
  created: Date;
  /** When the key (or its signing subkey, whichever comes first) expires; null when never. */
  expires: Date | null;
}

/** A signing key that cannot be used, or a key that cannot be read; the message says what to do. */
export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

/** The creation time of the development key: old, so that it can sign any content date. */
export const DEVELOPMENT_KEY_CREATED = new Date('2020-01-01T00:00:00Z');

/** The development key's user ID, saying it is not the project's key. */
export const DEVELOPMENT_KEY_USER_ID = {
  name: 'Bulletin development signing key',
  comment: "NOT the project's key, do not trust",
  email: 'development-key@bulletin.invalid',
} as const;

const DAY_MS = 86_400_000;


const HOW_TO_GENERATE =
  'Generate a sign-only v4 ed25519 key with Bulletin\'s key generation command, or with GnuPG: ' +
  'gpg --quick-gen-key "Name <email>" ed25519 sign 2y';

const { keyFlags } = openpgp.enums;
const ENCRYPTION_FLAGS = keyFlags.encryptCommunication | keyFlags.encryptStorage;
// Algorithms that can encrypt (for a key whose signatures carry no key flags).
const ENCRYPTION_ALGORITHMS = new Set<string>(['rsaEncryptSign', 'rsaEncrypt', 'elgamal', 'ecdh', 'x25519', 'x448', 'aedh', 'pqc_mlkem_x25519']);
// Algorithms that can only encrypt.
const ENCRYPTION_ONLY_ALGORITHMS = new Set<string>(['rsaEncrypt', 'elgamal', 'ecdh', 'x25519', 'x448', 'aedh', 'pqc_mlkem_x25519']);

/** An error's message, whatever was thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A key's fingerprint in upper case. */
export function upperFingerprint(key: { getFingerprint(): string }): string {
  return key.getFingerprint().toUpperCase();
}

function describeAlgorithm(info: openpgp.AlgorithmInfo): string {
  switch (info.algorithm) {
    case 'eddsaLegacy':
      return info.curve === 'ed25519Legacy' ? 'EdDSA ed25519' : `EdDSA ${info.curve ?? 'unknown curve'}`;
    case 'ed25519':
      return 'Ed25519 in the RFC 9580 format (openpgp.js type "curve25519"), which GnuPG 2.2 cannot verify';
    case 'rsaEncryptSign':
    case 'rsaEncrypt':
    case 'rsaSign':
      return `RSA ${info.bits ?? '?'}-bit`;
    default:
      return info.curve ? `${info.algorithm} ${info.curve}` : info.algorithm;
  }
}

function isEd25519Legacy(info: openpgp.AlgorithmInfo): boolean {
  return info.algorithm === 'eddsaLegacy' && info.curve === 'ed25519Legacy';
}

// Key flags of a list of self-signatures; undefined when none carries flags.
function flagsOf(signatures: openpgp.SignaturePacket[]): number | undefined {
  let flags: number | undefined;
  for (const signature of signatures) {
    const first = signature.keyFlags?.[0];
    if (first !== undefined) flags = (flags ?? 0) | first;
  }
  return flags;
}

function canEncrypt(info: openpgp.AlgorithmInfo, flags: number | undefined): boolean {
  if (ENCRYPTION_ONLY_ALGORITHMS.has(info.algorithm)) return true;
  if (flags === undefined) return ENCRYPTION_ALGORITHMS.has(info.algorithm);
  return (flags & ENCRYPTION_FLAGS) !== 0;
}

/** A time as ISO 8601 without milliseconds, for messages. */
export function iso(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

// openpgp.js reads only the first of several armor blocks and silently ignores the rest.
function armorBlocks(armored: string): number {
  return armored.match(/^-----BEGIN PGP [A-Z ,/0-9]+-----\s*$/gm)?.length ?? 0;
}

async function readOnePrivateKey(armored: string): Promise<openpgp.PrivateKey> {
  if (armorBlocks(armored) > 1) {
    throw new SigningKeyError(
      `The signing key text holds ${armorBlocks(armored)} armor blocks; give exactly one private key (the signing key site.yaml lists).`,
    );
  }
  let keys: openpgp.PrivateKey[];
  try {
    keys = await openpgp.readPrivateKeys({ armoredKeys: armored });
  } catch (error) {
    // A public key is a common mistake: say so rather than "not of type private key".
    const asPublic = await openpgp.readKey({ armoredKey: armored }).catch(() => undefined);
    if (asPublic && !asPublic.isPrivate()) {
      throw new SigningKeyError(
        `The signing key ${upperFingerprint(asPublic)} was given as a public key: signing needs the ` +
          'ASCII-armored private key (-----BEGIN PGP PRIVATE KEY BLOCK-----, e.g. from ' +
          'gpg --armor --export-secret-keys <fingerprint>).',
      );
    }
    throw new SigningKeyError(
      `The signing key cannot be read as an OpenPGP private key (${errorText(error)}). Give the whole ` +
        'ASCII-armored private key, from -----BEGIN PGP PRIVATE KEY BLOCK----- to -----END PGP PRIVATE KEY BLOCK-----.',
    );
  }
  if (keys.length !== 1 || keys[0] === undefined) {
    throw new SigningKeyError(
      `The signing key text holds ${keys.length} private keys; give exactly one (the signing key site.yaml lists).`,
    );
  }
  return keys[0];
}

/** Reads an armored private key (decrypting it with the passphrase where protected) and checks it is a v4 EdDSA (ed25519Legacy) sign-only key usable at `now`. */
export async function readSigningKey(armored: string, passphrase: string | undefined, now: Date): Promise<SigningKey> {
  const key = await readOnePrivateKey(armored);
  const fingerprint = upperFingerprint(key);
  function fail(problem: string): never {
    throw new SigningKeyError(`The signing key ${fingerprint} ${problem}`);
  }

  // What GnuPG 2.2 verifies: v4 EdDSA ed25519 ("ed25519Legacy" in openpgp.js).
  if (key.keyPacket.version !== 4) {
    fail(`is an OpenPGP v${key.keyPacket.version} key, which GnuPG 2.2 cannot import. ${HOW_TO_GENERATE}.`);
  }
  const info = key.getAlgorithmInfo();
  if (!isEd25519Legacy(info)) {
    fail(`uses ${describeAlgorithm(info)}; Bulletin signs with v4 EdDSA ed25519 keys only. ${HOW_TO_GENERATE}.`);
  }
  const primaryFlags = flagsOf(key.users.flatMap((user) => user.selfCertifications));
  if (canEncrypt(info, primaryFlags)) {
    fail(`allows encryption (its key flags include encryption); the signing key must be sign-only. ${HOW_TO_GENERATE}.`);
  }
  for (const subkey of key.subkeys) {
    const subInfo = subkey.getAlgorithmInfo();
    const subFingerprint = upperFingerprint(subkey);
    if (canEncrypt(subInfo, flagsOf(subkey.bindingSignatures))) {
      fail(
        `has an encryption-capable subkey ${subFingerprint} (${describeAlgorithm(subInfo)}); the signing key ` +
          'must be sign-only, and the key reporters encrypt to is a different key. Delete the subkey ' +
          `(gpg --edit-key ${fingerprint}, then "key 1", "delkey", "save") and export the key again, or generate a new key. ` +
          `${HOW_TO_GENERATE}.`,
      );
    }
    if (subkey.keyPacket.version !== 4 || !isEd25519Legacy(subInfo)) {
      fail(
        `has a subkey ${subFingerprint} that is not a v4 EdDSA ed25519 key (${describeAlgorithm(subInfo)}), ` +
          `which GnuPG 2.2 may not verify. ${HOW_TO_GENERATE}.`,
      );
    }
  }

  // Usable at `now`: not revoked, not expired, already created, validly self-signed.
  if (await key.isRevoked(undefined, undefined, now)) {
    const reason = key.revocationSignatures.map((signature) => signature.reasonForRevocationString).find(Boolean);
    fail(
      `is revoked${reason ? ` ("${reason}")` : ''} and can no longer sign. Sign with the project's current key ` +
        '(and list it in site.yaml as the current signing key; the revoked key stays listed as retired).',
    );
  }
  const primaryExpiry = await key.getExpirationTime();
  if (primaryExpiry instanceof Date && primaryExpiry.getTime() <= now.getTime()) {
    fail(
      `expired on ${iso(primaryExpiry)} (now is ${iso(now)}) and can no longer sign. Extend its expiry ` +
        `(gpg --quick-set-expire ${fingerprint} 1y) and update the key in CI and content/keys/, or switch to a new key.`,
    );
  }
  if (key.getCreationTime().getTime() > now.getTime()) {
    fail(
      `was created on ${iso(key.getCreationTime())}, after now (${iso(now)}): check BULLETIN_NOW and the ` +
        'machine\'s clock, or use a key created earlier.',
    );
  }
  try {
    await key.verifyPrimaryKey(now);
  } catch (error) {
    fail(`is not valid at ${iso(now)} (${errorText(error)}). ${HOW_TO_GENERATE}.`);
  }
  let signer: openpgp.PrivateKey | openpgp.Subkey;
  try {
    signer = await key.getSigningKey(undefined, now);
  } catch (error) {
    return fail(`has no (sub)key that can sign at ${iso(now)} (${errorText(error)}). ${HOW_TO_GENERATE}.`);
  }
  let expires = primaryExpiry instanceof Date ? primaryExpiry : null;
  if (signer !== key) {
    const subkeyExpiry = await (signer as openpgp.Subkey).getExpirationTime(now);
    if (subkeyExpiry instanceof Date && (expires === null || subkeyExpiry < expires)) expires = subkeyExpiry;
  }

  // Decrypt last, so that a wrong kind of key is reported whatever the passphrase.
  let privateKey = key;
  if (!key.isDecrypted()) {
    if (passphrase === undefined || passphrase === '') {
      fail('is protected by a passphrase, and none was given: set BULLETIN_SIGNING_PASSPHRASE.');
    }
    try {
      privateKey = await openpgp.decryptKey({ privateKey: key, passphrase });
    } catch (error) {
      fail(`cannot be unlocked with the passphrase given (${errorText(error)}): check BULLETIN_SIGNING_PASSPHRASE.`);
    }
  }
  return { privateKey, fingerprint, signer: upperFingerprint(signer), created: signer.getCreationTime(), expires };
}

/** Days until the key expires at `now` (whole days, rounded down; negative once expired), or null when it never expires (for check's 30-day warning). */
export function daysUntilExpiry(key: SigningKey, now: Date): number | null {
  if (key.expires === null) return null;
  return Math.floor((key.expires.getTime() - now.getTime()) / DAY_MS);
}

async function generate(
  userID: openpgp.UserID,
  created: Date,
  passphrase: string | undefined,
  keyExpirationTime: number,
): Promise<{ armoredPrivate: string; armoredPublic: string; fingerprint: string }> {
  const { privateKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    subkeys: [], // sign-only: no encryption subkey; the primary key's flags are certify + sign
    userIDs: [userID],
    date: created,
    keyExpirationTime,
    ...(passphrase ? { passphrase } : {}),
    format: 'object',
  });
  return {
    armoredPrivate: privateKey.armor(),
    armoredPublic: privateKey.toPublic().armor(),
    fingerprint: upperFingerprint(privateKey),
  };
}

/** Generates the development signing key: sign-only ed25519Legacy v4, fixed old creation date (2020-01-01T00:00:00Z), a user ID that says it is a development key and not the project's key. */
export async function generateDevelopmentKey(): Promise<{ armoredPrivate: string; armoredPublic: string; fingerprint: string }> {
  return generate({ ...DEVELOPMENT_KEY_USER_ID }, DEVELOPMENT_KEY_CREATED, undefined, 0);
}

/** Generates a sign-only signing key for a project (maintainer command and tests): name, email, creation date, optional passphrase, optional expiry. */
export async function generateSigningKey(opts: {
  name: string;
  email: string;
  created: Date;
  passphrase?: string;
  expiresInDays?: number;
}): Promise<{ armoredPrivate: string; armoredPublic: string; fingerprint: string }> {
  const { name, email, created, passphrase, expiresInDays } = opts;
  if (name.trim() === '' || /[<>]/.test(name)) {
    throw new SigningKeyError(`The key's name "${name}" is empty or holds < or >: give the project's name, e.g. "Example Project security team".`);
  }
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(email)) {
    throw new SigningKeyError(`The key's email "${email}" is not an email address: give the address that sends the announcements.`);
  }
  if (Number.isNaN(created.getTime())) {
    throw new SigningKeyError('The key\'s creation date is not a valid date.');
  }
  if (expiresInDays !== undefined && !(Number.isInteger(expiresInDays) && expiresInDays > 0)) {
    throw new SigningKeyError(`The key's expiry "${expiresInDays}" is not a whole number of days above 0: give e.g. 730, or no expiry.`);
  }
  return generate({ name, email }, created, passphrase, (expiresInDays ?? 0) * 86_400);
}

/** The fingerprint (40 upper-case hex) of an armored public or private key. */
export async function fingerprintOf(armored: string): Promise<string> {
  if (armorBlocks(armored) > 1) {
    throw new SigningKeyError(`The key text holds ${armorBlocks(armored)} armor blocks: give exactly one key.`);
  }
  let keys: openpgp.Key[];
  try {
    keys = await openpgp.readKeys({ armoredKeys: armored });
  } catch (error) {
    throw new SigningKeyError(`Cannot read an OpenPGP key (${errorText(error)}): give one whole ASCII-armored key block.`);
  }
  if (keys.length !== 1 || keys[0] === undefined) {
    throw new SigningKeyError(`The key text holds ${keys.length} keys: give exactly one.`);
  }
  return upperFingerprint(keys[0]);
}

/** The armored public keys, concatenated in the given order, for /pgp-key.asc. */
export async function publicKeyBlock(armoredKeys: string[]): Promise<string> {
  // One armor block holding every key (what `gpg --armor --export` writes): gpg and openpgp.js
  // read every key from it, while some tools stop after the first of several armor blocks.
  const packets: Uint8Array[] = [];
  const seen = new Set<string>();
  let v6 = false;
  for (const [index, armored] of armoredKeys.entries()) {
    if (armorBlocks(armored) > 1) {
      throw new SigningKeyError(
        `Public key ${index + 1} holds ${armorBlocks(armored)} armor blocks, and only the first would be read: give one armor block per key file.`,
      );
    }
    let keys: openpgp.Key[];
    try {
      keys = await openpgp.readKeys({ armoredKeys: armored });
    } catch (error) {
      throw new SigningKeyError(`Public key ${index + 1} cannot be read (${errorText(error)}): give a whole ASCII-armored public key block.`);
    }
    for (const key of keys) {
      const fingerprint = upperFingerprint(key);
      if (key.isPrivate()) {
        throw new SigningKeyError(
          `Key ${fingerprint} (public key ${index + 1}) is a PRIVATE key: only public keys may be published. Remove the ` +
            'private key from the content (and from git history); if it was ever pushed, treat it as compromised and revoke it.',
        );
      }
      if (seen.has(fingerprint)) {
        throw new SigningKeyError(`Key ${fingerprint} is given twice: list each key once.`);
      }
      seen.add(fingerprint);
      v6 ||= key.keyPacket.version === 6;
      packets.push(key.write());
    }
  }
  if (packets.length === 0) {
    throw new SigningKeyError('No public keys were given for /pgp-key.asc: list the signing key in site.yaml.');
  }
  const body = new Uint8Array(packets.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of packets) {
    body.set(part, offset);
    offset += part.length;
  }
  // A CRC24 footer, as gpg writes, unless a v6 key forbids it (RFC 9580).
  return openpgp.armor(openpgp.enums.armor.publicKey, body, undefined, undefined, undefined, !v6);
}

/** "5B4F 9A67 ...  7C8D ...": 4-digit groups, two blanks in the middle of a v4 fingerprint, as gpg prints it. */
export function formatFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]+$/.test(hex)) return fingerprint.trim();
  const groups = hex.match(/.{1,4}/g) ?? [];
  if (groups.length === 10) return `${groups.slice(0, 5).join(' ')}  ${groups.slice(5).join(' ')}`;
  return groups.join(' ');
}
