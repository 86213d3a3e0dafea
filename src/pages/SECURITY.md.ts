// /SECURITY.md: the policy as markdown, from the same model as the security page.
import type { APIRoute } from 'astro';
import { getPolicyModel, getPolicySections, getSite } from '../data/content.ts';
import { renderSecurityMd } from '../lib/text/security-md.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const body = renderSecurityMd(site, await getPolicyModel(), await getPolicySections(), site.url);
  return new Response(body, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
