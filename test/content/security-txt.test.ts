/**
 * security.txt's Expires through the commands a maintainer runs: a passed date fails `npm run
 * check` (the pull request goes red) but not the publishing build, which publishes the file as
 * written and says so; a date within 30 days only warns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { build, check, contentWith, EXAMPLE_CONTENT } from '../helpers/run.ts';

const site = readFileSync(join(EXAMPLE_CONTENT, 'site.yaml'), 'utf8');
const withExpires = (day: string) => contentWith({ 'site.yaml': site.replace('expires: 2027-06-30', `expires: ${day}`) });

describe('security.txt Expires', () => {
  it('passed: check fails with the field, line and fix', () => {
    const r = check(withExpires('2026-08-31'), EXAMPLE_NOW);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/site\.yaml:\d+: error: security_txt\.expires: security\.txt expired on 2026-08-31: tools now ignore it\n\s+fix: set security_txt\.expires to a day less than a year ahead/);
  });

  it('within 30 days: check passes with a warning', () => {
    const r = check(withExpires('2026-09-15'), EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/warning: security_txt\.expires: security\.txt expires on 2026-09-15, in 14 days/);
  });

  it('passed: the build still publishes, as written, and warns', () => {
    const r = build(withExpires('2026-08-31'), EXAMPLE_NOW);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/warning: security_txt\.expires: security\.txt expired on 2026-08-31/);
    expect(readFileSync(join(r.outDir, '.well-known/security.txt'), 'utf8')).toMatch(/^Expires: 2026-08-31T00:00:00Z$/m);
  });
});
