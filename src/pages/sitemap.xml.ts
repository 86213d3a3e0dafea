// /sitemap.xml: every page's absolute address (alias redirects left out), from the published archive.
import type { APIRoute } from 'astro';
import { getSitemapPaths } from '../data/archive.ts';
import { absolute } from '../data/urls.ts';
import { escapeHtml } from '../lib/text/markdown.ts';

export const GET: APIRoute = async () => {
  const locs = (await getSitemapPaths()).map((p) => `  <url><loc>${escapeHtml(absolute(p))}</loc></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
