/**
 * The bundled example built at its fixed "now": the files exist, both tables say what the
 * support rules say (read from the parsed HTML), SECURITY.md carries the same policy, and every
 * page passes html-validate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { htmlProblems } from '../helpers/html-validate.ts';
import { build, EXAMPLE_CONTENT } from '../helpers/run.ts';
import { listFiles, page, tableRows } from '../helpers/site.ts';

let dist: string;

beforeAll(() => {
  const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW);
  expect(r.status, r.output).toBe(0);
  dist = r.outDir;
});

describe('the example at its fixed now', () => {
  it('writes the pages and SECURITY.md', () => {
    const files = listFiles(dist);
    for (const f of ['index.html', 'releases/index.html', 'SECURITY.md', '404.html']) expect(files).toContain(f);
  });

  it('shows the supported lines on the security page', () => {
    const rows = tableRows(page(dist, 'index.html').querySelector('#support-table')!);
    expect(rows).toEqual([
      ['lanternfish', '0.13', '0.13.2', '2026-06-01', 'Supported', 'when 2 more lines after 0.13 have shipped'],
      ['lanternfish', '0.12', '0.12.4', '2026-01-20', 'Ending soon', 'until 2026-09-30 (29 days left)'],
      ['lanternfish-cli', '2.0', '2.0.1', '2026-04-01', 'Supported', 'when 2 more lines after 2.0 have shipped'],
      ['lanternfish-cli', '1.4', '1.4.3', '2025-05-01', 'Supported', 'when the line after 2.0 ships'],
    ]);
  });

  it('shows the response-time table', () => {
    const rows = tableRows(page(dist, 'index.html').querySelector('#response-table')!);
    expect(rows).toEqual([
      ['Critical', '7 days'],
      ['High', '14 days'],
      ['Medium', '30 days'],
      ['Low', 'best effort, no fixed target'],
    ]);
  });

  it('lists every released line on /releases/, planned 0.14 hidden', () => {
    const html = page(dist, 'releases/index.html');
    const rows = html.querySelectorAll('table[data-table=support]').flatMap(tableRows);
    expect(rows.map((r) => `${r[0]} ${r[1]} ${r[4]} ${r[5]}`)).toEqual([
      'lanternfish 0.13 Supported when 2 more lines after 0.13 have shipped',
      'lanternfish 0.12 Ending soon until 2026-09-30 (29 days left)',
      'lanternfish 0.11 End of life ended 2026-07-31',
      'lanternfish 0.10 End of life ended 2026-01-20',
      'lanternfish-cli 2.0 Supported when 2 more lines after 2.0 have shipped',
      'lanternfish-cli 1.4 Supported when the line after 2.0 ships',
    ]);
    expect(html.text).not.toContain('0.14');
  });

  it('says what to be decided is not decided, and lists the published advisories', () => {
    const html = page(dist, 'index.html');
    expect(html.querySelector('#disclosure')!.parentNode.querySelector('dd.tbd')!.text).toBe('to be decided');
    expect(html.querySelector('.empty')).toBeNull();
    expect(html.querySelectorAll('#latest-table tbody tr').length).toBe(4);
  });

  it('generates SECURITY.md from the same model: same support rows and targets', () => {
    const md = readFileSync(join(dist, 'SECURITY.md'), 'utf8');
    expect(md).toContain('| lanternfish | 0.12 | 0.12.4 | Ending soon | until 2026-09-30 (29 days left) |');
    expect(md).toContain('| Critical | 7 days |');
    expect(md).toContain('We acknowledge every report within 3 working days (Monday to Friday, Europe/Lisbon time).');
    expect(md).not.toContain('0.10 |');
  });

  it('passes html-validate on every page', async () => {
    const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
    const problems = (await Promise.all(pages.map((p) => htmlProblems(join(dist, p))))).flat();
    expect(problems).toEqual([]);
  });
});
