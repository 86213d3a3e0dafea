// /osv/<ID>.json: the advisory's newest published revision as an OSV record.
import type { APIRoute } from 'astro';
import { getOsvIds, getOsvRecords } from '../../data/exports.ts';
import { serializeOsv } from '../../lib/exports/osv.ts';

export async function getStaticPaths() {
  return (await getOsvIds()).map((id) => ({ params: { id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const record = (await getOsvRecords()).get(params.id as string);
  return new Response(serializeOsv(record), { headers: { 'Content-Type': 'application/json' } });
};
