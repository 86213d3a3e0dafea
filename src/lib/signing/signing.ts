// Reproducible OpenPGP signatures for Bulletin: detached and cleartext, verifiable with stock
// GnuPG (2.2 and later), at the time SPEC prescribes. Keys are read and checked in keys.ts.
// Pure: no clock, environment or files.
import * as openpgp from 'openpgp';
import { errorText, iso, SigningKeyError, upperFingerprint, type SigningKey } from './keys.ts';

// Byte-identical signatures: no random salt notation; the time is always given explicitly.
const SIGN_CONFIG: openpgp.PartialConfig = { nonDeterministicSignaturesViaNotation: false };

/** The signature time SPEC prescribes: the content date, or the key's creation time where the key is newer. */
export function signatureTime(contentDate: Date, key: SigningKey): Date {
  return new Date(Math.max(contentDate.getTime(), key.created.getTime()));
}

/** The text exactly as a cleartext signature signs it: LF line endings, no trailing spaces or tabs on any line, no trailing empty lines. */
export function cleartextBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n+$/, '');
}

// Checks the time, pins the (sub)key that signs, and turns openpgp.js errors into SigningKeyErrors.
async function signWith(
  key: SigningKey,
  date: Date,
  sign: (options: { signingKeys: openpgp.PrivateKey; signingKeyIDs: openpgp.KeyID[]; date: Date; config: openpgp.PartialConfig }) => Promise<string>,
): Promise<string> {
  if (Number.isNaN(date.getTime()) || date.getTime() < key.created.getTime()) {
    throw new SigningKeyError(
      `Cannot sign at ${Number.isNaN(date.getTime()) ? 'an invalid date' : iso(date)} with the key ${key.fingerprint}: ` +
        `the signing key was created on ${iso(key.created)}, and a signature cannot be older. ` +
        'Use signatureTime() to choose the signature time.',
    );
  }
  const signer = key.privateKey.getKeys().find((candidate) => upperFingerprint(candidate) === key.signer);
  try {
    return await sign({
      signingKeys: key.privateKey,
      signingKeyIDs: signer ? [signer.getKeyID()] : [],
      date,
      config: SIGN_CONFIG,
    });
  } catch (error) {
    throw new SigningKeyError(`Cannot sign at ${iso(date)} with the key ${key.fingerprint}: ${errorText(error)}.`);
  }
}

/** A detached, armored, text-mode signature over `text`, byte-identical for the same inputs. */
export async function signDetached(text: string, key: SigningKey, date: Date): Promise<string> {
  // Text mode (signature type 0x01) hashes with CRLF line endings, so the file verifies with LF
  // or CRLF endings; every other byte, trailing whitespace included, is signed as given.
  const message = await openpgp.createMessage({ text });
  return signWith(key, date, (options) => openpgp.sign({ ...options, message, detached: true, format: 'armored' }));
}

/** A binary detached signature of bytes (a zip), armored, byte-identical for the same inputs. */
export async function signDetachedBinary(bytes: Uint8Array, key: SigningKey, date: Date): Promise<string> {
  const message = await openpgp.createMessage({ binary: bytes });
  return signWith(key, date, (options) => openpgp.sign({ ...options, message, detached: true, format: 'armored' }));
}

/** The text as an OpenPGP cleartext-signed message (the body is cleartextBody(text), LF line endings), byte-identical for the same inputs. */
export async function signCleartext(text: string, key: SigningKey, date: Date): Promise<string> {
  // openpgp.js dash-escapes the body and writes it with CRLF line endings, the rest with LF:
  // write one line ending throughout. The body has no CR left, so only its line endings change.
  const body = cleartextBody(text);
  if (body === '') throw new Error('Nothing to cleartext-sign: the text is empty or only whitespace.');
  const message = await openpgp.createCleartextMessage({ text: body });
  const armored = await signWith(key, date, (options) => openpgp.sign({ ...options, message, format: 'armored' }));
  return armored.replace(/\r\n/g, '\n');
}

