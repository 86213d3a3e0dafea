// /pgp-key.asc: the public signing keys, current and retired (and the development key, marked as
// such, when it signed this build). /encryption-key.asc: the key reporters encrypt to, where the
// project lists one.
import type { APIRoute, GetStaticPaths } from 'astro';
import { encryptionKey, signingKeysBlock } from '../data/keys.ts';

export const getStaticPaths = (async () => [
  { params: { key: 'pgp-key' } },
  ...((await encryptionKey()) ? [{ params: { key: 'encryption-key' } }] : []),
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const text = params.key === 'pgp-key' ? await signingKeysBlock() : await encryptionKey();
  return new Response(text, { headers: { 'Content-Type': 'application/pgp-keys' } });
};
