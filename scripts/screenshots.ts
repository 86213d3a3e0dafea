#!/usr/bin/env node
// npm run screenshots [-- --dist <built site> --out <folder>]
// Saves full-page screenshots of the main page types of a built site (default dist/, so run
// `npm run build` first) at a phone's and a desktop's width, light and dark, into an ignored
// folder (default screenshots/), for a person to look at. Needs Debian's chromium.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM, launchChromium } from '../test/helpers/browser.ts';
import { serve } from '../test/helpers/serve.ts';

const { values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' } } });
const dist = resolve(values.dist ?? 'dist');
const out = resolve(values.out ?? 'screenshots');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`screenshots: ${dist} holds no built site\n  fix: run npm run build first, or give --dist <folder>`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`screenshots: ${CHROMIUM} is missing\n  fix: apt-get install -y chromium`);
  process.exit(1);
}

/** The first built page whose address matches, so the script works on any project's site. */
function first(pattern: RegExp, pages: string[]): string | undefined {
  return pages.find((p) => pattern.test(p));
}

const { listOutput } = await import('../src/integrations/output.ts');
// Alias addresses only lead elsewhere: leave them out.
const pages = listOutput(dist)
  .filter((f) => f.endsWith('index.html') && !/http-equiv=["']?refresh/i.test(readFileSync(join(dist, f), 'utf8')))
  .map((f) => `/${f.replace(/index\.html$/, '')}`);
const shots: [string, string | undefined][] = [
  ['security-page', '/'],
  ['archive', '/advisories/'],
  ['advisory', first(/^\/advisories\/(?!year\/|rating\/)[^/]+\/$/, pages)],
  ['revision', first(/^\/advisories\/[^/]+\/v1\/$/, pages)],
  ['releases', '/releases/'],
  ['release-line', first(/^\/releases\/.+\/.+\/$/, pages)],
  ['announcement', first(/^\/announcements\/[^/]+\/$/, pages)],
  ['verify', '/verify/'],
  ['search', pages.includes('/search/') ? '/search/' : undefined],
];
const widths = [['phone', 390], ['desktop', 1280]] as const;

mkdirSync(out, { recursive: true });
const server = await serve(dist);
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [device, width] of widths) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
      const page = await context.newPage();
      for (const [name, path] of shots) {
        if (path === undefined) continue;
        await page.goto(server.origin + path, { waitUntil: 'load' });
        const file = join(out, `${name}-${device}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`screenshots: ${file}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
