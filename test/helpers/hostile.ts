/**
 * Content a hostile pull request could write: known XSS payloads in every field it reaches
 * (site.yaml strings, policy text, an advisory's title, text, references, credits and revision
 * summary, an announcement's title and text), built from the bundled example and sealed as a
 * maintainer would. Aliases must be IDs, so the alias is an ordinary one: it leads search to the
 * hostile advisory, whose results then carry the payloads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentWith, EXAMPLE_CONTENT, runScript } from './run.ts';

/** Known payloads: each sets `window.__xss` or opens a dialog if it ever runs. */
export const XSS_PAYLOADS = [
  '<script>window.__xss=1;alert(1)</script>',
  '<img src=x onerror="window.__xss=2;alert(2)">',
  '"><svg onload="window.__xss=3">',
  "'-alert(4)-'",
  '</title></script><script>window.__xss=5</script>',
  '<iframe src="javascript:window.top.__xss=6"></iframe>',
  '<a href="javascript:window.__xss=7">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=8">',
  '{{constructor.constructor("window.__xss=9")()}}',
  '<img src="https://evil.example/x.png">',
];
export const XSS = XSS_PAYLOADS.join(' ');
/** The payloads that fit a title (at most 200 characters). */
export const XSS_SHORT = [XSS_PAYLOADS[0], XSS_PAYLOADS[1], XSS_PAYLOADS[4]].join(' ');
export const HOSTILE_ID = 'EXA-2026-0006';
export const HOSTILE_ALIAS = 'CVE-2026-77777';
/** A word in the hostile title that search finds. */
export const HOSTILE_WORD = 'zanzibar';

const q = (s: string) => JSON.stringify(s);

function advisory(): string {
  return `---
id: ${HOSTILE_ID}
aliases:
  - ${HOSTILE_ALIAS}
summary: ${q(`Zanzibar ${XSS_SHORT}`)}
affected:
  - package:
      ecosystem: npm
      name: lanternfish
    ranges:
      - type: SEMVER
        events:
          - introduced: 0.13.0
          - fixed: 0.13.2
references:
${XSS_PAYLOADS.map((p) => `  - type: WEB\n    url: ${q(`https://example.org/${encodeURIComponent(p)}?x="><img src=x onerror=alert(1)>`)}`).join('\n')}
credits:
  - name: ${q(XSS)}
    contact:
      - ${q('javascript:window.__xss=11')}
      - ${q(`https://example.org/"><script>window.__xss=12</script>`)}
timeline:
  reported: 2026-08-10
  acknowledged: 2026-08-11
  fix_released: 2026-08-19
revision:
  number: 1
  date: 2026-08-20
  summary: ${q(`Initial ${XSS_SHORT}`)}
---
${XSS_PAYLOADS.join('\n\n')}

[x](javascript:window.__xss=13) and <a href="javascript:window.__xss=14">z</a>

<p onclick="window.__xss=15" style="color:red">raw</p>

\`\`\`html
${XSS}
\`\`\`
`;
}

function announcement(): string {
  return `---
title: ${q(`Zanzibar announcement ${XSS_SHORT}`)}
date: 2026-08-21T10:00:00Z
advisories:
  - ${HOSTILE_ID}@v1
---
${XSS_PAYLOADS.join('\n\n')}
`;
}

function policy(): string {
  return `---
title: ${q(`Scope ${XSS_PAYLOADS[1]}`)}
order: 30
---
${XSS_PAYLOADS.join('\n\n')}
`;
}

/** The example with the payloads in every field above; sealed. Returns the content folder. */
export function hostileContent(now: string): string {
  const site = readFileSync(join(EXAMPLE_CONTENT, 'site.yaml'), 'utf8')
    .replace(/^name: Lanternfish$/m, `name: ${q(`Lanternfish ${XSS_PAYLOADS[0]}`)}`)
    .replace(/^description: .*$/m, `description: ${q(`A parser ${XSS_SHORT}`)}`);
  const dir = contentWith({
    'site.yaml': site,
    [`advisories/${HOSTILE_ID}.md`]: advisory(),
    'announcements/2026-08-21-zanzibar.md': announcement(),
    'policy/30-scope.md': policy(),
  });
  const sealed = runScript('seal', { BULLETIN_CONTENT_DIR: dir, BULLETIN_NOW: now }, ['--all']);
  if (sealed.status !== 0) throw new Error(`sealing the hostile content failed:\n${sealed.output}`);
  return dir;
}
