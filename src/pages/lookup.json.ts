// /lookup.json: what the "Am I affected?" form answers from (signed like every machine-readable file).
import type { APIRoute } from 'astro';
import { getLookupIndex } from '../data/lookup.ts';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(await getLookupIndex())}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
