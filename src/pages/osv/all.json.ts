// /osv/all.json: the index of {id, modified} OSV importers read.
import { getOsvRecords } from '../../data/exports.ts';
import { osvIndex, serializeOsv } from '../../lib/exports/osv.ts';

export const GET = async () => new Response(serializeOsv(osvIndex([...(await getOsvRecords()).values()])), { headers: { 'Content-Type': 'application/json' } });
