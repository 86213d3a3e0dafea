/** The keys pages show and publish: the listed public keys, and the key this build signs with. */
import { readHandoffKey, type BuildKey } from '../io/handoff.ts';
import { buildSigningKey } from '../io/signing-key.ts';
import { publicKeyBlock } from '../lib/signing/keys.ts';
import { getKeyTexts, getSite, now } from './content.ts';

export interface ShownKey {
  fingerprint: string;
  role: 'signing' | 'encryption';
  status: 'current' | 'retired';
  label?: string;
  /** The development key: not the project's key, and every page that shows it says so. */
  development: boolean;
}

let buildKey: Promise<BuildKey> | undefined;

/** The key this build signs with (the project's, or the development key), without its private half: from the build's handoff, else resolved once in this process. */
export function getBuildKey(): Promise<BuildKey> {
  buildKey ??= (async () => {
    const handed = readHandoffKey()?.key;
    if (handed) return handed;
    const r = await buildSigningKey(await getSite(), now);
    return { fingerprint: r.key.fingerprint, development: r.development, armoredPublic: r.armoredPublic };
  })();
  return buildKey;
}


/** Every key to show on the security page: the development key first when this build uses it. */
export async function getShownKeys(): Promise<ShownKey[]> {
  const site = await getSite();
  const build = await getBuildKey();
  const listed: ShownKey[] = site.keys.map((k) => ({ fingerprint: k.fingerprint, role: k.role, status: k.status, label: k.label, development: false }));
  return build.development ? [{ fingerprint: build.fingerprint, role: 'signing', status: 'current', label: 'development key: this build was not signed with the project\u2019s key', development: true }, ...listed] : listed;
}

/** /pgp-key.asc: the signing keys, current and retired, and the development key when it signed this build. */
export async function signingKeysBlock(): Promise<string> {
  const site = await getSite();
  const texts = await getKeyTexts();
  const build = await getBuildKey();
  const listed = site.keys.filter((k) => k.role === 'signing').map((k) => texts.get(k.file) as string);
  return publicKeyBlock(build.development ? [build.armoredPublic, ...listed] : listed);
}

/** /encryption-key.asc: the current encryption keys (one responder's each, all in one block), or undefined when the project lists none. */
export async function encryptionKey(): Promise<string | undefined> {
  const site = await getSite();
  const current = site.keys.filter((k) => k.role === 'encryption' && k.status === 'current');
  if (current.length === 0) return undefined;
  const texts = await getKeyTexts();
  // One key is published as its file; several go into one armor block, as gpg --export writes them.
  return current.length === 1 ? texts.get(current[0]!.file) : publicKeyBlock(current.map((k) => texts.get(k.file) as string));
}
