import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { policyModel, type ResponseRow, type SupportRow } from '../../src/lib/policy/policy.ts';
import { ratingName } from '../../src/lib/advisory/severity.ts';
import { toReleaseLine } from '../../src/lib/policy/releases.ts';
import type { ReleaseLine } from '../../src/lib/policy/support.ts';
import { releasesSchema } from '../../src/schemas/releases.ts';
import { siteSchema, type Site } from '../../src/schemas/site.ts';

// A small site.yaml: only required keys, so the schema's defaults apply (ending soon at 60
// days, the clock from acknowledgement to every supported line fixed, nothing to be decided).
const SITE_YAML = `
name: Example
url: https://security.example.org/
repository: https://github.com/example/lanternfish
channels:
  - kind: email
    email: security@example.org
packages:
  - name: lanternfish
    ecosystem: npm
  - name: lanternfish-cli
    ecosystem: npm
ids:
  template: EXA-{year}-{seq:4}
embargo:
  setup: public-repository
time_zone: Europe/Lisbon
acknowledgement:
  working_days: 3
support:
  latest_lines: 2
response_times:
  targets:
    critical: 7
    high: 14
    medium: 30
    low: best-effort
disclosure:
  embargo:
    days: 90
  distributor_notice:
    to_be_decided: true
updated: 2026-08-20
`;

/** The site, after an optional change to the raw YAML data, validated by the real schema. */
function site(change: (raw: any) => void = () => {}): Site {
  const raw = YAML.parse(SITE_YAML);
  change(raw);
  return siteSchema.parse(raw);
}

// The bundled example's release lines (content/releases.yaml), copied.
const LINES: ReleaseLine[] = releasesSchema
  .parse(
    YAML.parse(`
lines:
  - { name: "0.10", package: lanternfish, released: 2025-01-15, latest: 0.10.9 }
  - { name: "0.11", package: lanternfish, released: 2025-07-01, latest: 0.11.6, eol: 2026-07-31 }
  - { name: "0.12", package: lanternfish, released: 2026-01-20, latest: 0.12.4, eol: 2026-09-30 }
  - { name: "0.13", package: lanternfish, released: 2026-06-01, latest: 0.13.2 }
  - { name: "0.14", package: lanternfish, released: 2026-12-01, latest: 0.14.0 }
  - { name: "1.4", package: lanternfish-cli, released: 2025-05-01, latest: 1.4.3 }
  - { name: "2.0", package: lanternfish-cli, released: 2026-04-01, latest: 2.0.1 }
`),
  )
  .lines.map(toReleaseLine);

const at = (iso: string) => new Date(iso);
const ANY_NOW = at('2026-09-01T00:00:00Z');

describe('support rows', () => {
  it('at 1 September, N = 2: every field of every row, packages in site.yaml order', () => {
    expect(policyModel(site(), LINES, at('2026-09-01T00:00:00Z')).support).toEqual<SupportRow[]>([
      { package: 'lanternfish', line: '0.13', latest: '0.13.2', released: '2026-06-01', status: 'supported', statusLabel: 'Supported', endText: 'when 2 more lines after 0.13 have shipped', endDate: undefined },
      { package: 'lanternfish', line: '0.12', latest: '0.12.4', released: '2026-01-20', status: 'ending-soon', statusLabel: 'Ending soon', endText: 'until 2026-09-30 (29 days left)', endDate: '2026-09-30' },
      { package: 'lanternfish', line: '0.11', latest: '0.11.6', released: '2025-07-01', status: 'end-of-life', statusLabel: 'End of life', endText: 'ended 2026-07-31', endDate: '2026-07-31' },
      { package: 'lanternfish', line: '0.10', latest: '0.10.9', released: '2025-01-15', status: 'end-of-life', statusLabel: 'End of life', endText: 'ended 2026-01-20', endDate: '2026-01-20' },
      { package: 'lanternfish-cli', line: '2.0', latest: '2.0.1', released: '2026-04-01', status: 'supported', statusLabel: 'Supported', endText: 'when 2 more lines after 2.0 have shipped', endDate: undefined },
      { package: 'lanternfish-cli', line: '1.4', latest: '1.4.3', released: '2025-05-01', status: 'supported', statusLabel: 'Supported', endText: 'when the line after 2.0 ships', endDate: undefined },
    ]);
  });

  // Rows as `package@line: label, end text`.
  it.each<[string, number, string, string[]]>([
    [
      'N = 2, the day 0.13 ships',
      2,
      '2026-06-01T00:00:00Z',
      [
        'lanternfish@0.13: Supported, when 2 more lines after 0.13 have shipped',
        'lanternfish@0.12: Supported, until 2026-09-30 (121 days left)',
        'lanternfish@0.11: Ending soon, until 2026-07-31 (60 days left)',
        'lanternfish@0.10: End of life, ended 2026-01-20',
        'lanternfish-cli@2.0: Supported, when 2 more lines after 2.0 have shipped',
        'lanternfish-cli@1.4: Supported, when the line after 2.0 ships',
      ],
    ],
    [
      'N = 2, the last day before 0.12 ends',
      2,
      '2026-09-29T00:00:00Z',
      [
        'lanternfish@0.13: Supported, when 2 more lines after 0.13 have shipped',
        'lanternfish@0.12: Ending soon, until 2026-09-30 (1 day left)',
        'lanternfish@0.11: End of life, ended 2026-07-31',
        'lanternfish@0.10: End of life, ended 2026-01-20',
        'lanternfish-cli@2.0: Supported, when 2 more lines after 2.0 have shipped',
        'lanternfish-cli@1.4: Supported, when the line after 2.0 ships',
      ],
    ],
    [
      'N = 2, the day 0.14 ships',
      2,
      '2026-12-01T00:00:00Z',
      [
        'lanternfish@0.14: Supported, when 2 more lines after 0.14 have shipped',
        'lanternfish@0.13: Supported, when the line after 0.14 ships',
        'lanternfish@0.12: End of life, ended 2026-09-30',
        'lanternfish@0.11: End of life, ended 2026-07-31',
        'lanternfish@0.10: End of life, ended 2026-01-20',
        'lanternfish-cli@2.0: Supported, when 2 more lines after 2.0 have shipped',
        'lanternfish-cli@1.4: Supported, when the line after 2.0 ships',
      ],
    ],
    [
      // 0.10's 1st newer line is 0.11; 1.4's is 2.0.
      'N = 1 on 1 September',
      1,
      '2026-09-01T00:00:00Z',
      [
        'lanternfish@0.13: Supported, when the line after 0.13 ships',
        'lanternfish@0.12: Ending soon, until 2026-09-30 (29 days left)',
        'lanternfish@0.11: End of life, ended 2026-07-31',
        'lanternfish@0.10: End of life, ended 2025-07-01',
        'lanternfish-cli@2.0: Supported, when the line after 2.0 ships',
        'lanternfish-cli@1.4: End of life, ended 2026-04-01',
      ],
    ],
    [
      'N = 3 on 1 September',
      3,
      '2026-09-01T00:00:00Z',
      [
        'lanternfish@0.13: Supported, when 3 more lines after 0.13 have shipped',
        'lanternfish@0.12: Ending soon, until 2026-09-30 (29 days left)',
        'lanternfish@0.11: End of life, ended 2026-07-31',
        'lanternfish@0.10: End of life, ended 2026-06-01',
        'lanternfish-cli@2.0: Supported, when 3 more lines after 2.0 have shipped',
        'lanternfish-cli@1.4: Supported, when 2 more lines after 2.0 have shipped',
      ],
    ],
  ])('%s', (_title, n, now, rows) => {
    const model = policyModel(site((raw) => (raw.support.latest_lines = n)), LINES, at(now));
    expect(model.support.map((r) => `${r.package}@${r.line}: ${r.statusLabel}, ${r.endText}`)).toEqual(rows);
  });

  it.each<[string, (raw: any) => void, string[]]>([
    [
      'site.yaml lists the CLI first',
      (raw) => raw.packages.reverse(),
      ['lanternfish-cli@2.0', 'lanternfish-cli@1.4', 'lanternfish@0.13', 'lanternfish@0.12', 'lanternfish@0.11', 'lanternfish@0.10'],
    ],
    [
      'a listed package without lines has no rows',
      (raw) => raw.packages.splice(1, 0, { name: 'lanternfish-wasm', ecosystem: 'npm' }),
      ['lanternfish@0.13', 'lanternfish@0.12', 'lanternfish@0.11', 'lanternfish@0.10', 'lanternfish-cli@2.0', 'lanternfish-cli@1.4'],
    ],
  ])('order: %s', (_title, change, rows) => {
    // The lines list lanternfish first; the table follows site.yaml.
    const model = policyModel(site(change), LINES, at('2026-09-01T00:00:00Z'));
    expect(model.support.map((r) => `${r.package}@${r.line}`)).toEqual(rows);
  });

  it('ending soon follows site.yaml ending_soon_days', () => {
    // 29 days before 0.12's end: not "soon" when soon means 28 days or fewer.
    const model = policyModel(site((raw) => (raw.support.ending_soon_days = 28)), LINES, at('2026-09-01T00:00:00Z'));
    expect(model.support.find((r) => r.line === '0.12')).toMatchObject({ status: 'supported', endText: 'until 2026-09-30 (29 days left)' });
  });
});

describe('the support rule in words', () => {
  it.each<[number, string]>([
    [1, 'The latest release line of each package gets security fixes.'],
    [2, 'The latest 2 release lines of each package get security fixes.'],
    [3, 'The latest 3 release lines of each package get security fixes.'],
  ])('N = %i', (n, text) => {
    expect(policyModel(site((raw) => (raw.support.latest_lines = n)), LINES, ANY_NOW).supportRules).toEqual([text]);
  });
});

describe('acknowledgement and the response clock', () => {
  it.each<[string, (raw: any) => void, string]>([
    ['3 days, Lisbon', () => {}, 'within 3 working days (Monday to Friday, Europe/Lisbon time)'],
    ['1 day, UTC', (raw) => Object.assign(raw, { acknowledgement: { working_days: 1 }, time_zone: 'UTC' }), 'within 1 working day (Monday to Friday, UTC time)'],
    ['10 days, Auckland', (raw) => Object.assign(raw, { acknowledgement: { working_days: 10 }, time_zone: 'Pacific/Auckland' }), 'within 10 working days (Monday to Friday, Pacific/Auckland time)'],
  ])('acknowledgement: %s', (_title, change, text) => {
    expect(policyModel(site(change), LINES, ANY_NOW).acknowledgement).toBe(text);
  });

  it.each<[string, unknown, string]>([
    ['default', undefined, 'from the day we acknowledge a report to a fixed release on every supported line'],
    ['reported to first fix', { from: 'reported', to: 'first-fix-released' }, 'from the day a report reaches us to the first fixed release'],
    ['reported, default end', { from: 'reported' }, 'from the day a report reaches us to a fixed release on every supported line'],
    ['default start, first fix', { to: 'first-fix-released' }, 'from the day we acknowledge a report to the first fixed release'],
  ])('clock: %s', (_title, clock, text) => {
    const s = site((raw) => {
      if (clock !== undefined) raw.response_times.clock = clock;
    });
    expect(policyModel(s, LINES, ANY_NOW).clock).toBe(text);
  });
});

describe('response times', () => {
  it.each<[string, Record<string, number | string>, ResponseRow[]]>([
    [
      'the small site (low is best effort)',
      { critical: 7, high: 14, medium: 30, low: 'best-effort' },
      [
        { rating: 'critical', days: 7, text: '7 days' },
        { rating: 'high', days: 14, text: '14 days' },
        { rating: 'medium', days: 30, text: '30 days' },
        { rating: 'low', days: null, text: 'best effort, no fixed target' },
      ],
    ],
    [
      'all best effort',
      { critical: 'best-effort', high: 'best-effort', medium: 'best-effort', low: 'best-effort' },
      [
        { rating: 'critical', days: null, text: 'best effort, no fixed target' },
        { rating: 'high', days: null, text: 'best effort, no fixed target' },
        { rating: 'medium', days: null, text: 'best effort, no fixed target' },
        { rating: 'low', days: null, text: 'best effort, no fixed target' },
      ],
    ],
    [
      // Listed in rating order whatever the YAML order; one day is "1 day".
      'YAML in another order, a one-day target',
      { low: 180, medium: 'best-effort', high: 2, critical: 1 },
      [
        { rating: 'critical', days: 1, text: '1 day' },
        { rating: 'high', days: 2, text: '2 days' },
        { rating: 'medium', days: null, text: 'best effort, no fixed target' },
        { rating: 'low', days: 180, text: '180 days' },
      ],
    ],
  ])('%s', (_title, targets, rows) => {
    const model = policyModel(site((raw) => (raw.response_times.targets = targets)), LINES, ANY_NOW);
    expect(model.responseTimes).toEqual(rows);
  });
});

describe('disclosure', () => {
  const EMBARGO = 'Longest embargo we agree to';
  const NOTICE = 'Advance notice to distributors';

  it.each<[string, number | string, number | string, { label: string; value: string; decided: boolean }[]]>([
    [
      'a number and tbd',
      90,
      'tbd',
      [
        { label: EMBARGO, value: '90 days', decided: true },
        { label: NOTICE, value: 'to be decided', decided: false },
      ],
    ],
    [
      'both tbd',
      'tbd',
      'tbd',
      [
        { label: 'Embargo', value: 'to be decided', decided: false },
        { label: NOTICE, value: 'to be decided', decided: false },
      ],
    ],
    [
      'both decided, zero included',
      0,
      7,
      [
        { label: EMBARGO, value: '0 days', decided: true },
        { label: NOTICE, value: '7 days before disclosure', decided: true },
      ],
    ],
    [
      'one day each',
      1,
      1,
      [
        { label: EMBARGO, value: '1 day', decided: true },
        { label: NOTICE, value: '1 day before disclosure', decided: true },
      ],
    ],
  ])('%s', (_title, embargo, notice, rows) => {
    const span = (v: number | string) => (v === 'tbd' ? { to_be_decided: true } : { days: v });
    const s = site((raw) => Object.assign(raw.disclosure, { embargo: span(embargo), distributor_notice: span(notice) }));
    expect(policyModel(s, LINES, ANY_NOW).disclosure).toEqual(rows);
  });

  it.each<[string, unknown[] | undefined, { point: string; meanwhile?: string }[]]>([
    ['none listed (the default)', undefined, []],
    ['listed, in order', ['Whether we request CVE IDs ourselves.', 'How long a line stays supported after a major ships.'], [{ point: 'Whether we request CVE IDs ourselves.' }, { point: 'How long a line stays supported after a major ships.' }]],
    ['with a partial commitment', [{ point: 'Bounty amounts.', meanwhile: 'Each valid report gets a thank-you.' }], [{ point: 'Bounty amounts.', meanwhile: 'Each valid report gets a thank-you.' }]],
  ])('to be decided: %s', (_title, list, expected) => {
    const s = site((raw) => {
      if (list !== undefined) raw.disclosure.to_be_decided = list;
    });
    expect(policyModel(s, LINES, ANY_NOW).toBeDecided).toEqual(expected);
  });
});

describe('disclosure spans in every form', () => {
  it.each<[string, object, { label: string; value: string; decided: boolean; note?: string }]>([
    ['a range with a typical value', { min_days: 0, max_days: 21, typical_days: 7 }, { label: 'Embargo', value: 'from immediately to 21 days, typically 7 days', decided: true }],
    ['a range from a number', { min_days: 2, max_days: 5 }, { label: 'Embargo', value: 'from 2 days to 5 days', decided: true }],
    ['negotiated with a note', { negotiated: true, note: 'Usually about a week' }, { label: 'Embargo', value: 'agreed with the reporter for each report', decided: true, note: 'Usually about a week' }],
    ['to be decided with a partial commitment', { to_be_decided: true, note: 'Never longer than 90 days' }, { label: 'Embargo', value: 'to be decided', decided: false, note: 'Never longer than 90 days' }],
  ])('%s', (_title, embargo, item) => {
    const s = site((raw) => (raw.disclosure = { embargo }));
    expect(policyModel(s, LINES, ANY_NOW).disclosure).toEqual([item]);
  });

  it('says nothing about disclosure when the policy does not', () => {
    expect(policyModel(site((raw) => delete raw.disclosure), LINES, ANY_NOW)).toMatchObject({ disclosure: [], toBeDecided: [] });
  });
});

describe('nothing is invented', () => {
  it('states no acknowledgement, rule or target that site.yaml leaves out', () => {
    const model = policyModel(site((raw) => { delete raw.acknowledgement; delete raw.support; delete raw.response_times; delete raw.disclosure; }), LINES, ANY_NOW);
    expect(model).toMatchObject({ acknowledgement: undefined, clockStated: false, supportRules: [], responseTimes: [], thresholds: [], disclosure: [], toBeDecided: [], stages: [], releaseRules: [], encryption: undefined });
    // Lines without a policy and without an end date: their support is "not stated".
    expect(model.support.find((r) => r.line === '0.13')).toMatchObject({ status: 'not-stated', statusLabel: 'Not stated', endText: 'not stated' });
    expect(model.support.find((r) => r.line === '0.12')).toMatchObject({ status: 'ending-soon' });
  });

  it.each<[string, unknown, string]>([
    ['calendar days', { calendar_days: 5 }, 'within 5 calendar days'],
    ['as soon as possible', { as_soon_as_possible: true }, 'as soon as possible'],
  ])('acknowledgement in %s', (_title, acknowledgement, text) => {
    expect(policyModel(site((raw) => (raw.acknowledgement = acknowledgement)), LINES, ANY_NOW).acknowledgement).toBe(text);
  });

  it('lists only the ratings with a stated target', () => {
    const model = policyModel(site((raw) => (raw.response_times.targets = { critical: 3 })), LINES, ANY_NOW);
    expect(model.responseTimes).toEqual([{ rating: 'critical', days: 3, text: '3 days' }]);
  });
});

describe('support rules per package', () => {
  it.each<[string, (raw: any) => void, string[]]>([
    ['own end dates for every package', (raw) => (raw.support = { own_end_dates: true }), ['Each release line of each package gets security fixes until its own end date.']],
    ['a rule with exceptions', (raw) => (raw.support = { latest_lines: 2, own_end_dates: true }), ['The latest 2 release lines of each package get security fixes.', 'A line with its own end date keeps it, even outside that rule.']],
    [
      'one package with its own policy',
      (raw) => (raw.packages[1].support = { latest_lines: 1 }),
      ['The latest 2 release lines of lanternfish get security fixes.', 'The latest release line of lanternfish-cli gets security fixes.'],
    ],
    ['only one package has a policy', (raw) => { delete raw.support; raw.packages[0].support = { own_end_dates: true }; }, ['Each release line of lanternfish gets security fixes until its own end date.']],
  ])('%s', (_title, change, rules) => {
    expect(policyModel(site(change), LINES, ANY_NOW).supportRules).toEqual(rules);
  });

  it('a line without an end date under an end-date policy: supported, end not announced', () => {
    const model = policyModel(site((raw) => (raw.support = { own_end_dates: true })), LINES, at('2026-09-01T00:00:00Z'));
    expect(model.support.find((r) => r.line === '0.13')).toMatchObject({ status: 'supported', endText: 'not announced yet' });
    expect(model.support.find((r) => r.line === '0.10')).toMatchObject({ status: 'supported' });
  });

  it('a policy sets its own "ending soon" threshold', () => {
    const model = policyModel(site((raw) => (raw.packages[0].support = { own_end_dates: true, ending_soon_days: 10 })), LINES, at('2026-09-01T00:00:00Z'));
    expect(model.support.find((r) => r.line === '0.12')).toMatchObject({ status: 'supported' });
  });
});

describe('ratingName', () => {
  it.each<[Parameters<typeof ratingName>[0], string]>([
    ['critical', 'Critical'],
    ['high', 'High'],
    ['medium', 'Medium'],
    ['low', 'Low'],
    ['none', 'None'],
    ['not-rated', 'Not rated'],
  ])('%s -> %s', (rating, label) => {
    expect(ratingName(rating)).toBe(label);
  });
});
