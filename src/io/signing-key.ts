/**
 * Which key signs this build (SPEC "Signing"): the project's key from BULLETIN_SIGNING_KEY or
 * BULLETIN_SIGNING_KEY_FILE, checked against site.yaml; or, for a development build without
 * one, a development key kept in .bulletin/ and reused. BULLETIN_REQUIRE_SIGNING=1 makes a
 * missing key an error. The private key never reaches dist/ or a log.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Site } from '../schemas/site.ts';
import { envFlag } from './env.ts';
import { generateDevelopmentKey, readSigningKey, SigningKeyError, type SigningKey } from '../lib/signing/keys.ts';

export interface ResolvedKey {
  key: SigningKey;
  /** True for the development key: pages that show a fingerprint say it is not the project's key. */
  development: boolean;
  /** The armored public key, for /pgp-key.asc. */
  armoredPublic: string;
}

/** Where the development key is kept (ignored by git). */
export function developmentKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.BULLETIN_DEV_KEY_FILE || '.bulletin/development-signing-key.asc');
}

/** Reads the development key, generating it once; concurrent builds agree on one file. */
async function developmentKey(path: string): Promise<string> {
  if (!existsSync(path)) {
    const generated = await generateDevelopmentKey();
    mkdirSync(dirname(path), { recursive: true });
    try {
      // Exclusive create: when two builds race, the first file wins and both read it.
      writeFileSync(path, generated.armoredPrivate, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return readFileSync(path, 'utf8');
}

/** The key this build signs with, checked; throws a SigningKeyError saying what to do. */
export async function resolveSigningKey(site: Site, now: Date, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedKey> {
  let armored = env.BULLETIN_SIGNING_KEY;
  let source = 'BULLETIN_SIGNING_KEY';
  if (!armored && env.BULLETIN_SIGNING_KEY_FILE) {
    source = `BULLETIN_SIGNING_KEY_FILE (${env.BULLETIN_SIGNING_KEY_FILE})`;
    try {
      armored = readFileSync(env.BULLETIN_SIGNING_KEY_FILE, 'utf8');
    } catch (e) {
      throw new SigningKeyError(`The signing key file named by ${source} cannot be read (${(e as NodeJS.ErrnoException).code}): check the path.`);
    }
  }
  if (armored) {
    let key: SigningKey;
    try {
      key = await readSigningKey(armored, env.BULLETIN_SIGNING_PASSPHRASE || undefined, now);
    } catch (e) {
      throw new SigningKeyError(`The signing key from ${source}: ${(e as Error).message}`);
    }
    const listed = site.keys.find((k) => k.fingerprint === key.fingerprint);
    if (!listed || listed.role !== 'signing' || listed.status !== 'current') {
      const current = site.keys.find((k) => k.role === 'signing' && k.status === 'current');
      throw new SigningKeyError(
        `The signing key from ${source} is ${key.fingerprint}, which site.yaml does not list as the current signing key` +
          (current ? ` (that is ${current.fingerprint})` : '') +
          ': give the project\'s current signing key, or list this key in site.yaml "keys" with role: signing and status: current (and its public key in content/keys/).',
      );
    }
    return { key, development: false, armoredPublic: key.privateKey.toPublic().armor() };
  }
  let required: boolean;
  try {
    required = envFlag('BULLETIN_REQUIRE_SIGNING', env);
  } catch (e) {
    throw new SigningKeyError((e as Error).message);
  }
  if (required) {
    throw new SigningKeyError(
      `BULLETIN_REQUIRE_SIGNING=${env.BULLETIN_REQUIRE_SIGNING} but no signing key was given: set BULLETIN_SIGNING_KEY (the armored private key) or BULLETIN_SIGNING_KEY_FILE (its path), with BULLETIN_SIGNING_PASSPHRASE if it is protected.`,
    );
  }
  const key = await readSigningKey(await developmentKey(developmentKeyPath(env)), undefined, now);
  return { key, development: true, armoredPublic: key.privateKey.toPublic().armor() };
}

let processKey: Promise<ResolvedKey> | undefined;

/** The key of this process's build, resolved once (the post-build step and the pages share it). */
export function buildSigningKey(site: Site, now: Date): Promise<ResolvedKey> {
  processKey ??= resolveSigningKey(site, now);
  return processKey;
}
