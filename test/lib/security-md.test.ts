/**
 * SECURITY.md through GitHub's markdown renderer (Debian's cmark-gfm, with GitHub's extensions
 * and raw HTML let through, so that nothing is hidden by a sanitizer): nothing that comes from
 * content becomes markup, and an opening HTML comment cannot hide the rest of the file.
 */
import { spawnSync } from 'node:child_process';
import { parse, type HTMLElement } from 'node-html-parser';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { mdBody, mdText, mdUrl, renderSecurityMd } from '../../src/lib/text/security-md.ts';
import { policyModel } from '../../src/lib/policy/policy.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { hasTool } from '../helpers/tools.ts';

const present = hasTool('cmark-gfm');

/** Markdown to HTML as GitHub renders it, raw HTML passed through (--unsafe) to see what would become markup. */
function gfm(markdown: string): HTMLElement {
  const r = spawnSync('/usr/bin/cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tasklist'], { input: markdown, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  // Code blocks parsed too (node-html-parser keeps <pre> as text by default).
  return parse(r.stdout, { comment: true, blockTextElements: {} });
}

/** Every element's tag name in a parsed tree. */
const tags = (root: HTMLElement) => root.querySelectorAll('*').map((e) => e.tagName.toLowerCase());

const HOSTILE = [
  '<!-- the rest is hidden',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '**bold** and _emphasis_ and ~~struck~~',
  '[a link](javascript:alert(1))',
  '![an image](https://evil.example/x.png)',
  '`code` and ``more``',
  '# a heading',
  '> a quote',
  '- a list',
  '1. a numbered list',
  '| a | table |',
  '&lt;entity&gt; &amp; &#60;b&#62;',
  'https://evil.example/_x_ www.evil.example a_b@evil.example',
  'mail security@evil.example',
  'a\\',
  'line one\n\n# line two',
  '<https://autolink.example/>',
];

describe.skipIf(!present)('a text field as markdown, read back through cmark-gfm', () => {
  it.each(HOSTILE)('%j stays text', (input) => {
    const html = gfm(`- ${mdText(input)}\n`);
    const li = html.querySelector('li')!;
    // No element other than the list item itself; an email address may become a mailto: link to itself, nothing else.
    expect(tags(html).filter((t) => t !== 'ul' && t !== 'li' && t !== 'a')).toEqual([]);
    for (const a of html.querySelectorAll('a')) expect(a.getAttribute('href')).toBe(`mailto:${a.text}`);
    expect(li.text).toBe(input.replace(/\s+/g, ' ').trim());
  });
});

describe.skipIf(!present)('a URL as markdown', () => {
  it.each([
    ['https://example.org/a/b?c=d', 'https://example.org/a/b?c=d'],
    ['https://example.org/_under_score_', 'https://example.org/_under_score_'],
    ['https://example.org/*star*', 'https://example.org/*star*'],
    ['https://example.org/a<b', 'https://example.org/a%3Cb'],
    ['https://example.org/a.', 'https://example.org/a.'],
  ])('%s links to exactly itself', (url, href) => {
    const html = gfm(`See ${mdUrl(url)} here.\n`);
    expect(html.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([href]);
    expect(tags(html)).toEqual(['p', 'a']);
  });
});

describe.skipIf(!present)('a policy body keeps its markdown and shows raw HTML as text', () => {
  it('an opening comment, a script, details and an image tag are text; code stays code', () => {
    const body = ['Report **here**, see [the form](https://example.org/form).', '', '<!-- hidden from here on', '', '<details><summary>x</summary>y</details>', '', 'Inline `<textarea>` code and <script>alert(1)</script>.', '', '```html', '<b>in a fence</b>', '```', '', 'Autolink <https://example.org/auto>.'].join('\n');
    const html = gfm(mdBody(body) + '\n\n## After\n');
    expect(tags(html).sort()).toEqual(['a', 'a', 'code', 'code', 'h2', 'p', 'p', 'p', 'p', 'p', 'pre', 'strong'].sort());
    expect(html.text).toContain('<!-- hidden from here on');
    expect(html.text).toContain('<details><summary>x</summary>y</details>');
    expect(html.querySelectorAll('code').map((c) => c.text)).toEqual(['<textarea>', '<b>in a fence</b>\n']);
    expect(html.querySelector('h2')!.text).toBe('After');
  });
});

describe.skipIf(!present)('the whole SECURITY.md of a hostile site.yaml', () => {
  const site = siteSchema.parse(YAML.parse(`
name: "<!-- Evil"
url: https://evil.example/
repository: https://evil.example/repo
channels:
  - kind: email
    email: security@evil.example
    note: "<script>alert(1)</script>"
packages: [{ name: evil, ecosystem: npm }]
ids: { template: "EV-{year}-{seq}" }
embargo: { setup: public-repository }
disclosure:
  embargo: { negotiated: true, note: "<img src=x onerror=alert(1)>" }
  to_be_decided: ["**Bold** <b>claims</b>", { point: "# heading", meanwhile: "[x](javascript:alert(1))" }]
process:
  roles: [{ name: "<em>role</em>", does: "| pipe |" }]
  stages: [{ name: "1. numbered", who: "<u>who</u>" }]
team: [{ name: "<i>Eve</i>", role: "- list" }]
updated: 2026-01-01
`));
  const md = renderSecurityMd(site, policyModel(site, [], new Date('2026-06-01T00:00:00Z')), [{ title: '<h1>Title</h1>', place: 'policy', body: '<!-- the rest is hidden' }], site.url);
  const html = gfm(md);

  it('renders no element from content, and every heading of the file', () => {
    expect(html.querySelectorAll('script, img, b, i, u, em, details, h1 h1').length).toBe(0);
    // The stages list is the file's own; the stage named "1. numbered" stays its text.
    expect(html.querySelectorAll('ol > li').map((li) => li.text)).toEqual(['1. numbered (<u>who</u>)']);
    expect(html.querySelectorAll('h2').map((h) => h.text)).toEqual(['Reporting a vulnerability', 'Supported versions', 'Response times', 'How a report is handled', 'Disclosure policy', '<h1>Title</h1>', 'Response team', 'Keys', 'Advisories']);
    expect(html.querySelector('h1')!.text).toBe('Security policy for <!-- Evil');
    for (const a of html.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^(https:\/\/evil\.example\/|mailto:security@evil\.example$)/);
    expect(html.text).toContain('<!-- the rest is hidden');
    expect(html.text).toContain('[x](javascript:alert(1))');
  });
});
