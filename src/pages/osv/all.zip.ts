// /osv/all.zip: every OSV record in one zip, as OSV databases publish them.
import { getOsvRecords } from '../../data/exports.ts';
import { osvZip } from '../../lib/exports/osv.ts';

export const GET = async () => new Response(osvZip([...(await getOsvRecords()).values()]) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/zip' } });
