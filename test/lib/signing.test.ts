import * as openpgp from 'openpgp';
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEVELOPMENT_KEY_CREATED,
  SigningKeyError,
  daysUntilExpiry,
  fingerprintOf,
  generateDevelopmentKey,
  generateSigningKey,
  publicKeyBlock,
  readSigningKey,
  type SigningKey,
} from '../../src/lib/signing/keys.ts';
import { cleartextBody, signCleartext, signDetached, signatureTime } from '../../src/lib/signing/signing.ts';
import { GpgHome, describeWithGpg } from '../helpers/gpg.ts';

// Fixed times only: keys are created long ago, "now" is passed, the clock is never read.
const OLD = new Date('2020-01-01T00:00:00Z');
const NOW = new Date('2026-06-01T00:00:00Z');
const CONTENT_DATE = new Date('2026-03-02T10:00:00Z');
const DAY = 86_400_000;
const USER = { name: 'Example security team (test key)', email: 'security-test@example.invalid' };

const HOW_TO_GENERATE =
  "Generate a sign-only v4 ed25519 key with Bulletin's key generation command, or with GnuPG: " +
  'gpg --quick-gen-key "Name <email>" ed25519 sign 2y.';

// A throwaway key made by GnuPG 2.2, to prove that what maintainers generate with the command our
// error messages recommend is accepted. Not a real key; its passphrase is "test". Made with:
//   gpg --homedir <tmp> --batch --pinentry-mode loopback --passphrase test \
//     --faked-system-time 20200101T000000! --quick-gen-key \
//     'GnuPG-made test key (throwaway, for tests only) <gpg-test@example.invalid>' ed25519 sign 2y
//   gpg --homedir <tmp> --batch --pinentry-mode loopback --passphrase test --armor --export-secret-keys
const GNUPG_MADE_KEY = `-----BEGIN PGP PRIVATE KEY BLOCK-----

lIYEXgvhABYJKwYBBAHaRw8BAQdAJWdN+WCaRN4PpFGrtLndfeqfSyIknk33+CSg
TzcG7A7+BwMCRjY+6fdU1eX/TYTgnfu/4VggD8xqm2GGgaQsZMvQ2RiRVV9WeAKk
G0Pzs4+7VvmFMVUkk3sa3kbDwcAKCPQyyVejS4FhoGWKUccbLDbeB7RKR251UEct
bWFkZSB0ZXN0IGtleSAodGhyb3dhd2F5LCBmb3IgdGVzdHMgb25seSkgPGdwZy10
ZXN0QGV4YW1wbGUuaW52YWxpZD6IlgQTFggAPhYhBPcgMeQYJ8HNlBWMDLrNo0+j
cxOkBQJeC+EAAhsDBQkDwmcABQsJCAcCBhUKCQgLAgQWAgMBAh4BAheAAAoJELrN
o0+jcxOkngUBAKF6BjUO7VrEzpePZGU+MEp822cy/ibmrQIHilE4yZwGAP0c8nJd
PhXgyNQWC1SznL/g2PHOzAshkfIgTBhvR1UBCw==
=EdIY
-----END PGP PRIVATE KEY BLOCK-----
`;
const GNUPG_MADE_FINGERPRINT = 'F72031E41827C1CD94158C0CBACDA34FA37313A4';
const GNUPG_MADE_NOW = new Date('2021-06-01T00:00:00Z'); // the key expires on 2021-12-31
const GNUPG_MADE_CONTENT_DATE = new Date('2021-03-01T12:00:00Z');

// Text that trips naive cleartext signing: dashes (escaped), an armor line in the text, trailing
// whitespace (not signed: the cleartext format ignores it), UTF-8, no final newline.
const TRICKY_TEXT = [
  'Example security announcement: EXA-2026-0001',
  '',
  '-- a line starting with two dashes',
  '-----BEGIN PGP SIGNATURE-----',
  '- a single dash',
  'From the maintainers (an mbox "From " line)',
  'trailing spaces   ',
  'trailing tab\t',
  'Ünïcödé: naïve café, 日本語, 🔐',
  '    indented code line',
  '',
  'Last line, no final newline',
].join('\n');

const JSON_TEXT = '{\n  "id": "EXA-2026-0001",\n  "summary": "Heap overflow in the café parser",  \n  "modified": "2026-03-02T10:00:00Z"\n}\n';

async function generateObject(options: Omit<openpgp.KeyOptions, 'format'>): Promise<openpgp.PrivateKey> {
  return (await openpgp.generateKey({ ...options, format: 'object' })).privateKey;
}

/** The SigningKeyError's message with the given fingerprints replaced by placeholders. */
async function rejection(promise: Promise<unknown>, placeholders: Record<string, string>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SigningKeyError);
  let message = (error as Error).message;
  for (const [placeholder, value] of Object.entries(placeholders)) message = message.replaceAll(value, placeholder);
  return message;
}

async function verifyWithOpenpgp(armoredSignature: string, text: string, publicKey: string): Promise<void> {
  const verificationKeys = await openpgp.readKey({ armoredKey: publicKey });
  const { signatures } = await openpgp.verify({
    message: await openpgp.createMessage({ text }),
    signature: await openpgp.readSignature({ armoredSignature }),
    verificationKeys,
    expectSigned: true,
  });
  await signatures[0]?.verified;
}

// Keys shared by the tests, generated once (about 0.3 s in all, most of it the RSA key).
let signOnly: Awaited<ReturnType<typeof generateSigningKey>>;
let signOnlyKey: SigningKey;
let protectedKey: Awaited<ReturnType<typeof generateSigningKey>>;
let expiring: Awaited<ReturnType<typeof generateSigningKey>>;
let development: Awaited<ReturnType<typeof generateDevelopmentKey>>;
let withSigningSubkey: openpgp.PrivateKey;
let GNUPG_MADE_PUBLIC: string; // the public half of GNUPG_MADE_KEY
let gnupgMade: SigningKey; // GNUPG_MADE_KEY unlocked once: gpg's S2K makes that take 0.1 to 0.3 s

beforeAll(async () => {
  [signOnly, protectedKey, expiring, development, withSigningSubkey] = await Promise.all([
    generateSigningKey({ ...USER, created: OLD }),
    generateSigningKey({ ...USER, created: OLD, passphrase: 'correct horse battery staple', expiresInDays: 3650 }),
    generateSigningKey({ ...USER, created: OLD, expiresInDays: 365 }),
    generateDevelopmentKey(),
    generateObject({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [USER],
      date: OLD,
      subkeys: [{ sign: true, date: new Date('2026-04-01T00:00:00Z') }],
    }),
  ]);
  signOnlyKey = await readSigningKey(signOnly.armoredPrivate, undefined, NOW);
  GNUPG_MADE_PUBLIC = (await openpgp.readKey({ armoredKey: GNUPG_MADE_KEY })).toPublic().armor();
  gnupgMade = await readSigningKey(GNUPG_MADE_KEY, 'test', GNUPG_MADE_NOW);
});

describe('readSigningKey accepts', () => {
  it('a sign-only v4 ed25519 key from generateSigningKey', async () => {
    const key = await readSigningKey(signOnly.armoredPrivate, undefined, NOW);
    expect(key.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(key.fingerprint).toBe(signOnly.fingerprint);
    expect(key.signer).toBe(key.fingerprint);
    expect(key.created).toEqual(OLD);
    expect(key.expires).toBeNull();
    expect(key.privateKey.isDecrypted()).toBe(true);
    expect(key.privateKey.subkeys).toHaveLength(0);
    expect(key.privateKey.getAlgorithmInfo()).toEqual({ algorithm: 'eddsaLegacy', curve: 'ed25519Legacy' });
    const { selfCertification } = await key.privateKey.getPrimaryUser(NOW);
    expect(selfCertification.keyFlags?.[0]).toBe(openpgp.enums.keyFlags.certifyKeys | openpgp.enums.keyFlags.signData);
  });

  it('a passphrase-protected key with its passphrase', async () => {
    expect(protectedKey.armoredPrivate).toContain('-----BEGIN PGP PRIVATE KEY BLOCK-----');
    expect((await openpgp.readPrivateKey({ armoredKey: protectedKey.armoredPrivate })).isDecrypted()).toBe(false);
    const key = await readSigningKey(protectedKey.armoredPrivate, 'correct horse battery staple', NOW);
    expect(key.privateKey.isDecrypted()).toBe(true);
    expect(key.expires).toEqual(new Date(OLD.getTime() + 3650 * DAY));
  });

  it('an unprotected key when a passphrase is given anyway', async () => {
    await expect(readSigningKey(signOnly.armoredPrivate, 'unused', NOW)).resolves.toMatchObject({ fingerprint: signOnly.fingerprint });
  });

  it('a key made by GnuPG (gpg --quick-gen-key ... ed25519 sign), with its expiry', () => {
    const key = gnupgMade;
    expect(key.fingerprint).toBe(GNUPG_MADE_FINGERPRINT);
    expect(key.created).toEqual(OLD);
    expect(key.expires).toEqual(new Date('2021-12-31T00:00:00Z'));
    expect(daysUntilExpiry(key, GNUPG_MADE_NOW)).toBe(213);
  });

  it('a key whose signing subkey signs; its creation time is the one that counts', async () => {
    const key = await readSigningKey(withSigningSubkey.armor(), undefined, NOW);
    expect(key.fingerprint).toBe(withSigningSubkey.getFingerprint().toUpperCase());
    expect(key.signer).toBe(withSigningSubkey.subkeys[0]?.getFingerprint().toUpperCase());
    expect(key.created).toEqual(new Date('2026-04-01T00:00:00Z'));
    expect(signatureTime(CONTENT_DATE, key)).toEqual(new Date('2026-04-01T00:00:00Z'));
  });

  it('a key retired (soft-revoked) after `now`: a retirement counts from its date', async () => {
    const { privateKey } = await openpgp.revokeKey({
      key: await generateObject({ userIDs: [USER], date: OLD, subkeys: [] }),
      date: new Date('2024-01-01T00:00:00Z'),
      reasonForRevocation: { flag: openpgp.enums.reasonForRevocation.keyRetired },
    });
    await expect(readSigningKey(privateKey, undefined, new Date('2023-01-01T00:00:00Z'))).resolves.toBeDefined();
  });
});

describe('readSigningKey rejects', () => {
  // Each case: the armored key, passphrase and now, and the exact message (fingerprints as <FPR>
  // for the primary key and <SUB> for a subkey).
  interface BadKey {
    name: string;
    make: () => Promise<{ armored: string; passphrase?: string; now?: Date; placeholders?: Record<string, string> }>;
    message: string;
  }
  const primary = async (armored: string) => ({ '<FPR>': (await openpgp.readKey({ armoredKey: armored })).getFingerprint().toUpperCase() });
  const revoked = async (date: Date, reasonForRevocation: openpgp.ReasonForRevocation) => {
    const { privateKey } = await openpgp.revokeKey({ key: await generateObject({ userIDs: [USER], date: OLD, subkeys: [] }), date, reasonForRevocation });
    return { armored: privateKey, placeholders: await primary(privateKey) };
  };
  const withKey = async (key: openpgp.PrivateKey) => ({ armored: key.armor(), placeholders: await primary(key.armor()) });
  const cases: BadKey[] = [
    {
      name: 'garbage instead of armor',
      make: async () => ({ armored: 'this is not a key' }),
      message:
        'The signing key cannot be read as an OpenPGP private key (Misformed armored text). Give the whole ASCII-armored ' +
        'private key, from -----BEGIN PGP PRIVATE KEY BLOCK----- to -----END PGP PRIVATE KEY BLOCK-----.',
    },
    {
      name: 'an armor block with a corrupt body',
      make: async () => ({ armored: '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nAAAA\n-----END PGP PRIVATE KEY BLOCK-----\n' }),
      message:
        'The signing key cannot be read as an OpenPGP private key (Error during parsing. This message / key probably does ' +
        'not conform to a valid OpenPGP format.). Give the whole ASCII-armored private key, from -----BEGIN PGP PRIVATE ' +
        'KEY BLOCK----- to -----END PGP PRIVATE KEY BLOCK-----.',
    },
    {
      name: 'the public key instead of the private key',
      make: async () => ({ armored: signOnly.armoredPublic, placeholders: { '<FPR>': signOnly.fingerprint } }),
      message:
        'The signing key <FPR> was given as a public key: signing needs the ASCII-armored private key (-----BEGIN PGP ' +
        'PRIVATE KEY BLOCK-----, e.g. from gpg --armor --export-secret-keys <fingerprint>).',
    },
    {
      name: 'two keys in one text',
      make: async () => ({ armored: signOnly.armoredPrivate + expiring.armoredPrivate }),
      message: 'The signing key text holds 2 armor blocks; give exactly one private key (the signing key site.yaml lists).',
    },
    {
      name: 'a protected key without a passphrase',
      make: async () => ({ armored: protectedKey.armoredPrivate, placeholders: { '<FPR>': protectedKey.fingerprint } }),
      message: 'The signing key <FPR> is protected by a passphrase, and none was given: set BULLETIN_SIGNING_PASSPHRASE.',
    },
    {
      name: 'a protected key with an empty passphrase',
      make: async () => ({ armored: protectedKey.armoredPrivate, passphrase: '', placeholders: { '<FPR>': protectedKey.fingerprint } }),
      message: 'The signing key <FPR> is protected by a passphrase, and none was given: set BULLETIN_SIGNING_PASSPHRASE.',
    },
    {
      name: 'a wrong passphrase',
      make: async () => ({ armored: protectedKey.armoredPrivate, passphrase: 'wrong', placeholders: { '<FPR>': protectedKey.fingerprint } }),
      message:
        'The signing key <FPR> cannot be unlocked with the passphrase given (Error decrypting private key: Incorrect key ' +
        'passphrase): check BULLETIN_SIGNING_PASSPHRASE.',
    },
    {
      name: "openpgp's default key (it has an encryption subkey)",
      make: async () => {
        const key = await generateObject({ userIDs: [USER], date: OLD });
        return { armored: key.armor(), placeholders: { '<FPR>': key.getFingerprint().toUpperCase(), '<SUB>': key.subkeys[0]!.getFingerprint().toUpperCase() } };
      },
      message:
        'The signing key <FPR> has an encryption-capable subkey <SUB> (ecdh curve25519Legacy); the signing key must be ' +
        'sign-only, and the key reporters encrypt to is a different key. Delete the subkey (gpg --edit-key <FPR>, then ' +
        `"key 1", "delkey", "save") and export the key again, or generate a new key. ${HOW_TO_GENERATE}`,
    },
    {
      name: 'an RSA key',
      make: async () => withKey(await generateObject({ type: 'rsa', rsaBits: 2048, userIDs: [USER], date: OLD })),
      message: `The signing key <FPR> uses RSA 2048-bit; Bulletin signs with v4 EdDSA ed25519 keys only. ${HOW_TO_GENERATE}`,
    },
    {
      name: 'an ECDSA P-256 key',
      make: async () => withKey(await generateObject({ type: 'ecc', curve: 'nistP256', subkeys: [], userIDs: [USER], date: OLD })),
      message: `The signing key <FPR> uses ecdsa nistP256; Bulletin signs with v4 EdDSA ed25519 keys only. ${HOW_TO_GENERATE}`,
    },
    {
      name: 'a v4 key with the RFC 9580 Ed25519 algorithm (type "curve25519")',
      make: async () => withKey(await generateObject({ type: 'curve25519', subkeys: [], userIDs: [USER], date: OLD })),
      message:
        'The signing key <FPR> uses Ed25519 in the RFC 9580 format (openpgp.js type "curve25519"), which GnuPG 2.2 cannot ' +
        `verify; Bulletin signs with v4 EdDSA ed25519 keys only. ${HOW_TO_GENERATE}`,
    },
    {
      name: 'a v6 key',
      make: async () => withKey(await generateObject({ type: 'curve25519', subkeys: [], userIDs: [USER], date: OLD, config: { v6Keys: true } })),
      message: `The signing key <FPR> is an OpenPGP v6 key, which GnuPG 2.2 cannot import. ${HOW_TO_GENERATE}`,
    },
    {
      name: 'a key expired at `now`',
      make: async () => ({ armored: expiring.armoredPrivate, placeholders: { '<FPR>': expiring.fingerprint } }),
      message:
        'The signing key <FPR> expired on 2020-12-31T00:00:00Z (now is 2026-06-01T00:00:00Z) and can no longer sign. ' +
        'Extend its expiry (gpg --quick-set-expire <FPR> 1y) and update the key in CI and content/keys/, or switch to a new key.',
    },
    {
      name: 'a key expired exactly at `now`',
      make: async () => ({ armored: expiring.armoredPrivate, now: new Date('2020-12-31T00:00:00Z'), placeholders: { '<FPR>': expiring.fingerprint } }),
      message:
        'The signing key <FPR> expired on 2020-12-31T00:00:00Z (now is 2020-12-31T00:00:00Z) and can no longer sign. ' +
        'Extend its expiry (gpg --quick-set-expire <FPR> 1y) and update the key in CI and content/keys/, or switch to a new key.',
    },
    {
      name: 'the GnuPG-made key after its expiry',
      make: async () => ({ armored: GNUPG_MADE_KEY, passphrase: 'test', now: new Date('2022-01-01T00:00:00Z'), placeholders: { '<FPR>': GNUPG_MADE_FINGERPRINT } }),
      message:
        'The signing key <FPR> expired on 2021-12-31T00:00:00Z (now is 2022-01-01T00:00:00Z) and can no longer sign. ' +
        'Extend its expiry (gpg --quick-set-expire <FPR> 1y) and update the key in CI and content/keys/, or switch to a new key.',
    },
    {
      name: 'a retired key (soft revocation, with a reason text)',
      make: async () => revoked(new Date('2024-01-01T00:00:00Z'), { flag: openpgp.enums.reasonForRevocation.keyRetired, string: 'replaced by a new key' }),
      message:
        'The signing key <FPR> is revoked ("replaced by a new key") and can no longer sign. Sign with the project\'s ' +
        'current key (and list it in site.yaml as the current signing key; the revoked key stays listed as retired).',
    },
    {
      name: 'a key revoked as compromised, even at a `now` before the revocation (hard revocations are retroactive)',
      make: async () => revoked(new Date('2027-01-01T00:00:00Z'), { flag: openpgp.enums.reasonForRevocation.keyCompromised }),
      message:
        'The signing key <FPR> is revoked and can no longer sign. Sign with the project\'s ' +
        'current key (and list it in site.yaml as the current signing key; the revoked key stays listed as retired).',
    },
    {
      name: 'a key created after `now`',
      make: async () => ({ armored: signOnly.armoredPrivate, now: new Date('2019-12-31T23:59:59Z'), placeholders: { '<FPR>': signOnly.fingerprint } }),
      message:
        "The signing key <FPR> was created on 2020-01-01T00:00:00Z, after now (2019-12-31T23:59:59Z): check BULLETIN_NOW and the machine's clock, or use a key created earlier.",
    },
  ];

  it.each(cases)('$name', async ({ make, message }) => {
    const { armored, passphrase, now = NOW, placeholders = {} } = await make();
    expect(await rejection(readSigningKey(armored, passphrase, now), placeholders)).toBe(message);
  });
});

describe('daysUntilExpiry', () => {
  const key = (expires: Date | null): SigningKey => ({ ...signOnlyKey, expires });
  it.each([
    { name: 'never expires', expires: null, days: null },
    { name: 'exactly 30 days ahead', expires: new Date(NOW.getTime() + 30 * DAY), days: 30 },
    { name: '29 days 23 hours ahead (whole days, rounded down)', expires: new Date(NOW.getTime() + 30 * DAY - 3_600_000), days: 29 },
    { name: 'one second ahead', expires: new Date(NOW.getTime() + 1000), days: 0 },
    { name: 'a day ago', expires: new Date(NOW.getTime() - DAY), days: -1 },
  ])('$name: $days', ({ expires, days }) => {
    expect(daysUntilExpiry(key(expires), NOW)).toBe(days);
  });

  it('counts from the key generateSigningKey made', async () => {
    const key = await readSigningKey(protectedKey.armoredPrivate, 'correct horse battery staple', NOW);
    expect(daysUntilExpiry(key, NOW)).toBe(3650 - (NOW.getTime() - OLD.getTime()) / DAY);
  });
});

describe('signatureTime', () => {
  it.each([
    { name: 'content newer than the key: the content date', content: '2026-03-02T10:00:00Z', created: '2020-01-01T00:00:00Z', expected: '2026-03-02T10:00:00Z' },
    { name: 'key newer than the content: the key creation time', content: '2019-05-01T00:00:00Z', created: '2020-01-01T00:00:00Z', expected: '2020-01-01T00:00:00Z' },
    { name: 'the same instant', content: '2020-01-01T00:00:00Z', created: '2020-01-01T00:00:00Z', expected: '2020-01-01T00:00:00Z' },
  ])('$name', ({ content, created, expected }) => {
    const time = signatureTime(new Date(content), { ...signOnlyKey, created: new Date(created) });
    expect(time.toISOString()).toBe(new Date(expected).toISOString());
  });
});

describe('cleartextBody (what a cleartext signature signs)', () => {
  it.each([
    { name: 'LF text unchanged', text: 'a\nb', body: 'a\nb' },
    { name: 'CRLF and CR become LF', text: 'a\r\nb\rc', body: 'a\nb\nc' },
    { name: 'trailing spaces and tabs removed on every line', text: 'a  \nb\t\n c \t', body: 'a\nb\n c' },
    { name: 'trailing empty lines removed', text: 'a\n\n\n', body: 'a' },
    { name: 'inner empty lines and leading whitespace kept', text: '  a\n\n\tb', body: '  a\n\n\tb' },
    { name: 'dashes kept (dash-escaping is armor, not content)', text: '- a\n-----BEGIN PGP SIGNATURE-----', body: '- a\n-----BEGIN PGP SIGNATURE-----' },
    { name: 'non-ASCII and non-breaking space kept', text: 'café\u00a0', body: 'café\u00a0' },
  ])('$name', ({ text, body }) => {
    expect(cleartextBody(text)).toBe(body);
  });
});

describe('signDetached', () => {
  it('is byte-identical for the same inputs, also with the key read again', async () => {
    const again = await readSigningKey(signOnly.armoredPrivate, undefined, NOW);
    const first = await signDetached(JSON_TEXT, signOnlyKey, CONTENT_DATE);
    expect(await signDetached(JSON_TEXT, signOnlyKey, CONTENT_DATE)).toBe(first);
    expect(await signDetached(JSON_TEXT, again, CONTENT_DATE)).toBe(first);
    expect(await signDetached(JSON_TEXT, signOnlyKey, new Date(CONTENT_DATE.getTime() + 1000))).not.toBe(first);
  });

  it('writes an armored text-mode (0x01) signature with the given time and no salt notation', async () => {
    const armored = await signDetached(JSON_TEXT, signOnlyKey, CONTENT_DATE);
    expect(armored).toMatch(/^-----BEGIN PGP SIGNATURE-----\n\n[\s\S]+\n-----END PGP SIGNATURE-----\n$/);
    expect(armored).not.toContain('\r');
    const [packet] = (await openpgp.readSignature({ armoredSignature: armored })).packets;
    expect(packet?.signatureType).toBe(openpgp.enums.signature.text);
    expect(packet?.created).toEqual(CONTENT_DATE);
    expect(packet?.rawNotations).toEqual([]);
    await verifyWithOpenpgp(armored, JSON_TEXT, signOnly.armoredPublic);
  });

  it('is locked byte for byte for a fixed key (an openpgp.js upgrade that changes this changes every published signature)', async () => {
    const key = gnupgMade;
    expect(await signDetached('{"id": "EXA-2021-0001"}\n', key, GNUPG_MADE_CONTENT_DATE)).toBe(LOCKED_DETACHED);
  });

  it('refuses a time before the signing key existed', async () => {
    expect(await rejection(signDetached('x', signOnlyKey, new Date('2019-06-01T00:00:00Z')), { '<FPR>': signOnly.fingerprint })).toBe(
      'Cannot sign at 2019-06-01T00:00:00Z with the key <FPR>: the signing key was created on 2020-01-01T00:00:00Z, and a ' +
        'signature cannot be older. Use signatureTime() to choose the signature time.',
    );
  });

  it('signs with the signing subkey when the key has one', async () => {
    const key = await readSigningKey(withSigningSubkey.armor(), undefined, NOW);
    const date = signatureTime(CONTENT_DATE, key);
    const [packet] = (await openpgp.readSignature({ armoredSignature: await signDetached('x', key, date) })).packets;
    expect(packet?.issuerKeyID.toHex().toUpperCase()).toBe(key.signer.slice(-16));
  });
});

const LOCKED_DETACHED = `-----BEGIN PGP SIGNATURE-----

wnUEARYKACcFgmA810AJELrNo0+jcxOkFiEE9yAx5Bgnwc2UFYwMus2jT6Nz
E6QAAOJdAQDWyhcoiARRc96gfqVX+/8G7ZCAg9CDCy7mOkHNy+EBlgD9GQzd
Gev4lZaiyqvAiocj8DRW1PZWXeJW6o8y/eCCKw8=
=U/oT
-----END PGP SIGNATURE-----
`;

describe('signCleartext', () => {
  it('is byte-identical for the same inputs, and for the same text with CRLF line endings', async () => {
    const first = await signCleartext(TRICKY_TEXT, signOnlyKey, CONTENT_DATE);
    expect(await signCleartext(TRICKY_TEXT, signOnlyKey, CONTENT_DATE)).toBe(first);
    expect(await signCleartext(TRICKY_TEXT.replace(/\n/g, '\r\n'), signOnlyKey, CONTENT_DATE)).toBe(first);
    expect(await signCleartext(`${TRICKY_TEXT}\n\n`, signOnlyKey, CONTENT_DATE)).toBe(first);
  });

  it('writes LF line endings throughout, dash-escapes, and keeps UTF-8 as it is', async () => {
    const signed = await signCleartext(TRICKY_TEXT, signOnlyKey, CONTENT_DATE);
    expect(signed).not.toContain('\r');
    expect(signed.startsWith('-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nExample security announcement')).toBe(true);
    expect(signed).toContain('\n- -- a line starting with two dashes\n- -----BEGIN PGP SIGNATURE-----\n- - a single dash\n');
    expect(signed).toContain('\ntrailing spaces\ntrailing tab\nÜnïcödé: naïve café, 日本語, 🔐\n');
    expect(signed).toContain('\nLast line, no final newline\n-----BEGIN PGP SIGNATURE-----\n');
    expect(signed.endsWith('-----END PGP SIGNATURE-----\n')).toBe(true);
  });

  it('verifies with openpgp.js, whose signed text is cleartextBody(text)', async () => {
    const signed = await signCleartext(TRICKY_TEXT, signOnlyKey, CONTENT_DATE);
    const message = await openpgp.readCleartextMessage({ cleartextMessage: signed });
    const { signatures, data } = await openpgp.verify({
      message,
      verificationKeys: await openpgp.readKey({ armoredKey: signOnly.armoredPublic }),
      expectSigned: true,
    });
    await signatures[0]?.verified;
    expect(data).toBe(cleartextBody(TRICKY_TEXT));
  });

  it('refuses a text with nothing but whitespace', async () => {
    await expect(signCleartext(' \n\t\r\n', signOnlyKey, CONTENT_DATE)).rejects.toThrow('Nothing to cleartext-sign: the text is empty or only whitespace.');
  });

  it('is locked byte for byte for a fixed key', async () => {
    const key = gnupgMade;
    expect(await signCleartext('Hello,\n- world  \n', key, GNUPG_MADE_CONTENT_DATE)).toBe(LOCKED_CLEARTEXT);
  });
});

const LOCKED_CLEARTEXT = `-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA512

Hello,
- - world
-----BEGIN PGP SIGNATURE-----

wnUEARYKACcFgmA810AJELrNo0+jcxOkFiEE9yAx5Bgnwc2UFYwMus2jT6Nz
E6QAAJD6APwIOdq2ue4rWG5+EiGJuoeATBwcvsuehCMkEz+ug4kzqQD/Zn71
MmByqMbSKjdPfV17pncWqc2jZpy0MLRhrLZLQgc=
=+eYe
-----END PGP SIGNATURE-----
`;

describe('generateDevelopmentKey', () => {
  it('makes a sign-only v4 ed25519 key, created 2020-01-01, saying it is not the project key', async () => {
    expect(DEVELOPMENT_KEY_CREATED).toEqual(OLD);
    const key = await readSigningKey(development.armoredPrivate, undefined, NOW);
    expect(key.fingerprint).toBe(development.fingerprint);
    expect(key.created).toEqual(OLD);
    expect(key.expires).toBeNull();
    expect(key.privateKey.subkeys).toHaveLength(0);
    const publicKey = await openpgp.readKey({ armoredKey: development.armoredPublic });
    expect(publicKey.isPrivate()).toBe(false);
    expect(publicKey.getUserIDs()).toEqual([
      "Bulletin development signing key (NOT the project's key, do not trust) <development-key@bulletin.invalid>",
    ]);
  });
});

describe('generateSigningKey', () => {
  it('makes a key with the user ID, creation date and expiry asked for', async () => {
    const made = await generateSigningKey({ name: 'Example', email: 'security@example.org', created: new Date('2025-02-03T04:05:06Z'), expiresInDays: 730 });
    const key = await readSigningKey(made.armoredPrivate, undefined, NOW);
    expect(key.created).toEqual(new Date('2025-02-03T04:05:06Z'));
    expect(key.expires).toEqual(new Date(new Date('2025-02-03T04:05:06Z').getTime() + 730 * DAY));
    expect((await openpgp.readKey({ armoredKey: made.armoredPublic })).getUserIDs()).toEqual(['Example <security@example.org>']);
  });

  it.each([
    { name: 'an empty name', opts: { name: ' ', email: 'a@example.org' }, message: 'The key\'s name " " is empty or holds < or >: give the project\'s name, e.g. "Example Project security team".' },
    { name: 'a name with <>', opts: { name: 'A <b>', email: 'a@example.org' }, message: 'The key\'s name "A <b>" is empty or holds < or >: give the project\'s name, e.g. "Example Project security team".' },
    { name: 'a bad email', opts: { name: 'A', email: 'not an email' }, message: 'The key\'s email "not an email" is not an email address: give the address that sends the announcements.' },
    { name: 'zero days', opts: { name: 'A', email: 'a@example.org', expiresInDays: 0 }, message: 'The key\'s expiry "0" is not a whole number of days above 0: give e.g. 730, or no expiry.' },
    { name: 'a fraction of a day', opts: { name: 'A', email: 'a@example.org', expiresInDays: 1.5 }, message: 'The key\'s expiry "1.5" is not a whole number of days above 0: give e.g. 730, or no expiry.' },
    { name: 'an invalid date', opts: { name: 'A', email: 'a@example.org', created: new Date('nope') }, message: "The key's creation date is not a valid date." },
  ])('rejects $name', async ({ opts, message }) => {
    expect(await rejection(generateSigningKey({ created: OLD, ...opts }), {})).toBe(message);
  });
});

describe('fingerprintOf', () => {
  it('reads the same fingerprint from the public and the private key', async () => {
    expect(await fingerprintOf(signOnly.armoredPublic)).toBe(signOnly.fingerprint);
    expect(await fingerprintOf(signOnly.armoredPrivate)).toBe(signOnly.fingerprint);
    expect(await fingerprintOf(GNUPG_MADE_KEY)).toBe(GNUPG_MADE_FINGERPRINT);
  });

  it.each([
    { name: 'garbage', armored: () => 'garbage', message: 'Cannot read an OpenPGP key (Misformed armored text): give one whole ASCII-armored key block.' },
    { name: 'two armor blocks', armored: () => signOnly.armoredPublic + development.armoredPublic, message: 'The key text holds 2 armor blocks: give exactly one key.' },
  ])('rejects $name', async ({ armored, message }) => {
    expect(await rejection(fingerprintOf(armored()), {})).toBe(message);
  });
});

describe('publicKeyBlock', () => {
  it('puts the public keys in one armor block, in the given order, deterministically', async () => {
    const block = await publicKeyBlock([development.armoredPublic, signOnly.armoredPublic, GNUPG_MADE_PUBLIC]);
    expect(block).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n[\s\S]+\n=[A-Za-z0-9+/]{4}\n-----END PGP PUBLIC KEY BLOCK-----\n$/);
    expect(await publicKeyBlock([development.armoredPublic, signOnly.armoredPublic, GNUPG_MADE_PUBLIC])).toBe(block);
    const keys = await openpgp.readKeys({ armoredKeys: block });
    expect(keys.map((key) => key.getFingerprint().toUpperCase())).toEqual([development.fingerprint, signOnly.fingerprint, GNUPG_MADE_FINGERPRINT]);
    expect(keys.every((key) => !key.isPrivate())).toBe(true);
  });

  it.each([
    { name: 'no keys', keys: () => [], message: 'No public keys were given for /pgp-key.asc: list the signing key in site.yaml.' },
    { name: 'a private key', keys: () => [signOnly.armoredPublic, development.armoredPrivate], message: 'Key <DEV> (public key 2) is a PRIVATE key: only public keys may be published. Remove the private key from the content (and from git history); if it was ever pushed, treat it as compromised and revoke it.' },
    { name: 'a key twice', keys: () => [signOnly.armoredPublic, signOnly.armoredPublic], message: 'Key <FPR> is given twice: list each key once.' },
    { name: 'garbage', keys: () => [signOnly.armoredPublic, 'garbage'], message: 'Public key 2 cannot be read (Misformed armored text): give a whole ASCII-armored public key block.' },
    { name: 'two armor blocks in one text', keys: () => [signOnly.armoredPublic + development.armoredPublic], message: 'Public key 1 holds 2 armor blocks, and only the first would be read: give one armor block per key file.' },
  ])('rejects $name', async ({ keys, message }) => {
    expect(await rejection(publicKeyBlock(keys()), { '<DEV>': development.fingerprint, '<FPR>': signOnly.fingerprint })).toBe(message);
  });
});

describeWithGpg('GnuPG verifies what Bulletin signs', () => {
  let gpg: GpgHome;
  beforeAll(async () => {
    gpg = await GpgHome.create({ keys: [signOnly.armoredPublic, development.armoredPublic, withSigningSubkey.toPublic().armor()], now: NOW });
  });
  afterAll(async () => {
    await gpg?.dispose();
  });

  describe('detached signatures', () => {
    let data: string;
    let signature: string;
    beforeAll(async () => {
      data = await gpg.write(JSON_TEXT, 'EXA-2026-0001.json');
      signature = await gpg.write(await signDetached(JSON_TEXT, signOnlyKey, CONTENT_DATE), 'EXA-2026-0001.json.asc');
    });

    it('verify as written, with the key and time they were made with', async () => {
      const result = await gpg.verifyDetached(signature, data);
      expect(result.ok, result.stderr).toBe(true);
      expect(result.fingerprint).toBe(signOnly.fingerprint);
      expect(result.signedAt).toEqual(CONTENT_DATE);
    });

    it('verify after the data file is converted to CRLF (text mode)', async () => {
      const crlf = await gpg.write(JSON_TEXT.replace(/\n/g, '\r\n'), 'crlf.json');
      const result = await gpg.verifyDetached(signature, crlf);
      expect(result.ok, result.stderr).toBe(true);
    });

    it.each([
      { name: 'one character changed', change: (text: string) => text.replace('EXA-2026-0001', 'EXA-2026-0002') },
      { name: 'trailing whitespace removed (detached signatures sign every byte but line endings)', change: (text: string) => text.replace(/ +\n/g, '\n') },
      { name: 'a line appended', change: (text: string) => `${text}\n` },
    ])('fail when the data is tampered with: $name', async ({ change }) => {
      const changed = change(JSON_TEXT);
      expect(changed).not.toBe(JSON_TEXT);
      const result = await gpg.verifyDetached(signature, await gpg.write(changed, 'tampered.json'));
      expect(result.ok).toBe(false);
      expect(result.code).toBe(1);
      expect(result.status.some((line) => line.startsWith('BADSIG '))).toBe(true);
    });

    it('verify when made by a signing subkey (gpg names the primary key)', async () => {
      const key = await readSigningKey(withSigningSubkey.armor(), undefined, NOW);
      const date = signatureTime(CONTENT_DATE, key);
      const sig = await gpg.write(await signDetached(JSON_TEXT, key, date), 'sub.json.asc');
      const result = await gpg.verifyDetached(sig, data);
      expect(result.ok, result.stderr).toBe(true);
      expect(result.fingerprint).toBe(key.fingerprint);
      expect(result.signer).toBe(key.signer);
      expect(result.signedAt).toEqual(new Date('2026-04-01T00:00:00Z'));
    });

    it('verify when made by the development key', async () => {
      const key = await readSigningKey(development.armoredPrivate, undefined, NOW);
      const sig = await gpg.write(await signDetached(JSON_TEXT, key, CONTENT_DATE), 'dev.json.asc');
      const result = await gpg.verifyDetached(sig, data);
      expect(result.ok, result.stderr).toBe(true);
      expect(result.stderr).toContain("Bulletin development signing key (NOT the project's key, do not trust)");
    });
  });

  describe('cleartext signatures', () => {
    let signed: string;
    beforeAll(async () => {
      signed = await signCleartext(TRICKY_TEXT, signOnlyKey, CONTENT_DATE);
    });

    it.each([
      { name: 'as produced', change: (text: string) => text },
      { name: 'with the whole file converted to CRLF', change: (text: string) => text.replace(/\n/g, '\r\n') },
      { name: 'with trailing whitespace added to every line (as mail software may)', change: (text: string) => text.replace(/\n/g, ' \t \n') },
    ])('verify $name', async ({ change }) => {
      const result = await gpg.verifyCleartext(await gpg.write(change(signed), 'announcement.txt'));
      expect(result.ok, result.stderr).toBe(true);
      expect(result.fingerprint).toBe(signOnly.fingerprint);
      expect(result.signedAt).toEqual(CONTENT_DATE);
    });

    it('sign exactly cleartextBody(text), as gpg reads it back', async () => {
      const file = await gpg.write(signed, 'announcement.txt');
      const out = `${file}.out`;
      const result = await gpg.run(['--output', out, '--decrypt', file]);
      expect(result.code, result.stderr).toBe(0);
      expect(await readFile(out, 'utf8')).toBe(`${cleartextBody(TRICKY_TEXT)}\n`);
    });

    it.each([
      { name: 'a word changed', change: (text: string) => text.replace('naïve café', 'naive cafe') },
      { name: 'a line inserted', change: (text: string) => text.replace('\n- - a single dash\n', '\n- - a single dash\nInserted line\n') },
      { name: 'an empty line removed', change: (text: string) => text.replace('EXA-2026-0001\n\n', 'EXA-2026-0001\n') },
    ])('fail when tampered with: $name', async ({ change }) => {
      const changed = change(signed);
      expect(changed).not.toBe(signed);
      const result = await gpg.verifyCleartext(await gpg.write(changed, 'tampered.txt'));
      expect(result.ok).toBe(false);
      expect(result.code).toBe(1);
      expect(result.status.some((line) => line.startsWith('BADSIG '))).toBe(true);
    });
  });

  describe('keys', () => {
    it('gpg sees generated keys as sign-only ed25519 (capabilities "sc", no subkey) with their expiry', async () => {
      const home = await GpgHome.create({ keys: [protectedKey.armoredPublic], now: NOW });
      try {
        const listing = await home.run(['--with-colons', '--list-keys', protectedKey.fingerprint]);
        const pub = listing.stdout.split('\n').find((line) => line.startsWith('pub:'))?.split(':');
        expect(pub?.[3]).toBe('22'); // EdDSA
        expect(pub?.[6]).toBe(String((OLD.getTime() + 3650 * DAY) / 1000)); // expiry
        expect(pub?.[11]).toBe('scSC');
        expect(pub?.[16]).toBe('ed25519');
        expect(listing.stdout).not.toMatch(/^sub:/m);
      } finally {
        await home.dispose();
      }
    });

    it('gpg imports every key of publicKeyBlock, in order', async () => {
      const block = await publicKeyBlock([signOnly.armoredPublic, development.armoredPublic, GNUPG_MADE_PUBLIC]);
      const home = await GpgHome.create({ keys: [block], now: NOW });
      try {
        expect((await home.fingerprints()).sort()).toEqual([signOnly.fingerprint, development.fingerprint, GNUPG_MADE_FINGERPRINT].sort());
      } finally {
        await home.dispose();
      }
    });

    it("the GnuPG-made key's signatures verify at a time it is valid", async () => {
      const home = await GpgHome.create({ keys: [GNUPG_MADE_PUBLIC], now: GNUPG_MADE_NOW });
      try {
        const key = gnupgMade;
        const data = await home.write('{"id": "EXA-2021-0001"}\n', 'a.json');
        await writeFile(`${data}.asc`, await signDetached('{"id": "EXA-2021-0001"}\n', key, GNUPG_MADE_CONTENT_DATE));
        const detached = await home.verifyDetached(`${data}.asc`, data);
        expect(detached.ok, detached.stderr).toBe(true);
        const clear = await home.verifyCleartext(await home.write(LOCKED_CLEARTEXT, 'a.txt'));
        expect(clear.ok, clear.stderr).toBe(true);
        expect(clear.fingerprint).toBe(GNUPG_MADE_FINGERPRINT);
      } finally {
        await home.dispose();
      }
    });
  });
});
