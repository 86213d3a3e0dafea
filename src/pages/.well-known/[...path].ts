// /.well-known/: security.txt (RFC 9116) and the CSAF 2.0 provider's files, as the plan lists them.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlan } from '../../data/content.ts';
import { getWellKnownFiles } from '../../data/well-known.ts';

const PREFIX = '.well-known/';

export const getStaticPaths = (async () =>
  (await getPlan()).outputs.filter((o) => o.address.startsWith(PREFIX)).map((o) => ({ params: { path: o.address.slice(PREFIX.length) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const file = (await getWellKnownFiles()).get(`${PREFIX}${params.path}`);
  if (!file) throw new Error(`Bulletin has no body for the planned file ${PREFIX}${params.path}`);
  return new Response(file.body, { headers: { 'Content-Type': file.type } });
};
