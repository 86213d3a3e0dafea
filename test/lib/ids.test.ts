/** The project's ID template: which IDs it matches, and the next one `new` mints. */
import { describe, expect, it } from 'vitest';
import { idSkeleton, nextId, templatePattern } from '../../src/lib/advisory/ids.ts';

describe('templatePattern', () => {
  it.each([
    ['EXA-{year}-{seq:4}', 'EXA-2026-0001', true],
    ['EXA-{year}-{seq:4}', 'EXA-2026-12345', true],
    ['EXA-{year}-{seq:4}', 'EXA-2026-001', false],
    ['EXA-{year}-{seq:4}', 'exa-2026-0001', false],
    ['EXA-{year}-{seq:4}', 'EXA-26-0001', false],
    ['TINY-{year}-{seq}', 'TINY-2026-7', true],
    ['A.B-{year}-{seq}', 'AxB-2026-7', false],
  ])('%s matches %s: %s', (template, id, expected) => {
    expect(templatePattern(template).test(id)).toBe(expected);
  });
});

describe('nextId', () => {
  it.each([
    ['the first of a year', 'EXA-{year}-{seq:4}', 2026, [], 'EXA-2026-0001'],
    ['after the highest, gaps left alone', 'EXA-{year}-{seq:4}', 2026, ['EXA-2026-0001', 'EXA-2026-0005', 'EXA-2026-0003'], 'EXA-2026-0006'],
    ['per year', 'EXA-{year}-{seq:4}', 2027, ['EXA-2026-0009'], 'EXA-2027-0001'],
    ['other databases\u2019 IDs ignored', 'EXA-{year}-{seq:4}', 2026, ['GHSA-7q4m-2x9v-c3hf', 'CVE-2026-41234'], 'EXA-2026-0001'],
    ['past the padding', 'EXA-{year}-{seq:2}', 2026, ['EXA-2026-99'], 'EXA-2026-100'],
    ['no padding', 'TINY-{year}-{seq}', 2026, ['TINY-2026-9'], 'TINY-2026-10'],
  ])('%s', (_name, template, year, used, expected) => {
    expect(nextId(template, year, used)).toBe(expected);
  });
});

describe('idSkeleton', () => {
  it.each([
    ['EXA-2026-0001', 'EXA-2O26-0001'],
    ['EXA-2026-0001', 'exa-2026-000l'],
    ['EXA-2026-0011', 'EXA-2026-00Il'],
    ['GHSA-rnxx-1234', 'GHSA-mxx-1234'],
    ['GHSA-vvab-1234', 'GHSA-wab-1234'],
    ['GHSA-clab-1234', 'GHSA-dab-1234'],
  ])('%s and %s read the same', (a, b) => {
    expect(idSkeleton(a)).toBe(idSkeleton(b));
  });

  it.each([
    ['EXA-2026-0001', 'EXA-2026-0002'],
    ['CVE-2026-41234', 'CVE-2026-4123'],
    ['GHSA-7q4m-2x9v-c3hf', 'GHSA-7q4m-2x9v-c3hg'],
  ])('%s and %s do not', (a, b) => {
    expect(idSkeleton(a)).not.toBe(idSkeleton(b));
  });
});
