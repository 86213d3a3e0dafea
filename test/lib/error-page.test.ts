/** The dev server's error page: every blocking finding with file, line, field, message and fix, escaped; warnings left out. */
import { describe, expect, it } from 'vitest';
import { contentErrorPage } from '../../src/lib/content/error-page.ts';
import type { Finding } from '../../src/lib/content/findings.ts';

const error: Finding = { severity: 'error', file: 'content/site.yaml', line: 2, field: 'nmae', message: 'unknown field "nmae"', fix: 'did you mean "name"?' };
const warning: Finding = { severity: 'warning', file: 'content/policy/', message: 'there are no policy sections', fix: 'add one' };
const checkOnly: Finding = { severity: 'check-error', file: 'content/bulletin.lock', message: 'a check-only problem', fix: 'seal it' };
const hostile: Finding = { severity: 'error', file: 'content/advisories/<x>.md', message: '<script>alert(1)</script>', fix: 'a & b' };

describe('contentErrorPage', () => {
  it.each([
    ['names file:line, field, message and fix', [error], ['<h1>1 error in the content</h1>', '<strong>content/site.yaml:2</strong>', '<code>nmae</code>', 'unknown field &quot;nmae&quot;', 'fix: did you mean &quot;name&quot;?'], []],
    ['leaves out what does not block a build', [error, warning, checkOnly], ['<h1>1 error in the content</h1>'], ['no policy sections', 'a check-only problem']],
    ['escapes what the content put in a finding', [hostile], ['content/advisories/&lt;x&gt;.md', '&lt;script&gt;alert(1)&lt;/script&gt;', 'fix: a &amp; b'], ['<script>alert']],
    ['counts several errors', [error, hostile], ['<h1>2 errors in the content</h1>'], []],
  ] as [string, Finding[], string[], string[]][])('%s', (_what, findings, present, absent) => {
    const page = contentErrorPage(findings);
    for (const text of present) expect(page).toContain(text);
    for (const text of absent) expect(page).not.toContain(text);
  });

  it('shows a failure to read the folder', () => {
    const page = contentErrorPage([], 'content folder /x does not exist <here>');
    expect(page).toContain('<h1>The content folder could not be read</h1>');
    expect(page).toContain('content folder /x does not exist &lt;here&gt;');
  });
});
