/**
 * SPEC rule 11: the publication plan is the one list of what a build publishes. The example,
 * built at its fixed "now", holds exactly the plan's files; the sitemap, the signatures, the
 * addresses the lock records and the guard's tokens all come from it; and the plan made from the
 * published content alone (what Astro receives) lists the same outputs and holds nothing back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/io/read-content.ts';
import { validateAll, type Content } from '../../src/lib/content/validate.ts';
import { GENERATED_FOLDERS, plannedFiles, publicationPlan, publishedContent, type PublicationPlan } from '../../src/lib/publication/plan.ts';
import { parseLock } from '../../src/lib/sealing/lock.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { build, EXAMPLE_CONTENT } from '../helpers/run.ts';
import { listFiles } from '../helpers/site.ts';

const NOW = new Date(EXAMPLE_NOW);
let dist: string;
let output: string;
let content: Content;
let plan: PublicationPlan;

beforeAll(async () => {
  const r = build(EXAMPLE_CONTENT, EXAMPLE_NOW);
  expect(r.status, r.output).toBe(0);
  dist = r.outDir;
  output = r.output;
  content = (await validateAll(readContentFiles(EXAMPLE_CONTENT), NOW)).content!;
  plan = publicationPlan(content, NOW);
});

describe('the publication plan of the example', () => {
  it('lists exactly the files the build wrote (generated folders aside)', () => {
    const built = listFiles(dist).filter((f) => !GENERATED_FOLDERS.some((g) => f.startsWith(g)));
    expect(built).toEqual([...plannedFiles(plan)].sort());
  });

  it('lists each address once', () => {
    const addresses = plan.outputs.map((o) => o.address);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('gives the sitemap its pages, in its order', () => {
    const xml = new XMLParser().parse(readFileSync(join(dist, 'sitemap.xml'), 'utf8'));
    const locs: string[] = xml.urlset.url.map((u: { loc: string }) => u.loc);
    const expected = plan.outputs.filter((o) => o.sitemap).map((o) => new URL(o.address, content.site.url).href);
    expect(locs).toEqual(expected);
    expect(locs.some((l) => l.endsWith('/CVE-2026-41234/'))).toBe(false);
  });

  it('gives the signing step its files: a .asc beside each detached one, cleartext where planned', () => {
    const asc = listFiles(dist).filter((f) => f.endsWith('.asc') && !['pgp-key.asc', 'encryption-key.asc'].includes(f));
    expect(asc).toEqual(plan.outputs.filter((o) => o.sign?.mode === 'detached').map((o) => `${o.file}.asc`).sort());
    for (const o of plan.outputs.filter((p) => p.sign?.mode === 'cleartext')) {
      expect(readFileSync(join(dist, o.file), 'utf8')).toMatch(/^-----BEGIN PGP SIGNED MESSAGE-----/);
    }
  });

  it('contains every address the lock records for what is published', () => {
    const lockFile = join(EXAMPLE_CONTENT, 'bulletin.lock');
    const { lock } = parseLock({ file: lockFile, text: readFileSync(lockFile, 'utf8') });
    const planned = new Set(plan.outputs.map((o) => `/${o.address}`));
    const published = publishedContent(content, NOW);
    const recorded = published.advisories.flatMap((h) => h.revisions.flatMap((r) => lock!.advisories[h.id]?.[String(r.number)]?.addresses ?? ['missing seal']));
    const announced = published.announcements.flatMap((a) => lock!.announcements[a.slug]?.addresses ?? ['missing seal']);
    expect(recorded.length).toBeGreaterThan(0);
    expect(announced.length).toBeGreaterThan(0);
    expect([...recorded, ...announced].filter((a) => !planned.has(a))).toEqual([]);
  });

  it('records each sealed output in its seal, the OSV record and the CSAF document among them', () => {
    const lockFile = join(EXAMPLE_CONTENT, 'bulletin.lock');
    const { lock } = parseLock({ file: lockFile, text: readFileSync(lockFile, 'utf8') });
    const sealed = plan.outputs.filter((o) => o.seal);
    const unrecorded = sealed.filter((o) => {
      const seal = o.seal!.kind === 'advisory' ? lock!.advisories[o.seal!.id]?.[String(o.seal!.revision)] : lock!.announcements[o.seal!.slug];
      return !seal?.addresses.includes(`/${o.address}`);
    });
    expect(unrecorded.map((o) => o.address)).toEqual([]);
    expect(sealed.filter((o) => o.address.startsWith('.well-known/csaf/white/2026/')).length).toBe(publishedContent(content, NOW).advisories.length);
    expect(sealed.filter((o) => o.address.startsWith('osv/')).length).toBe(publishedContent(content, NOW).advisories.length);
  });

  it('gives the guard its held-back tokens', () => {
    expect(plan.heldBack.length).toBeGreaterThan(0);
    expect(output).toContain(`output guard: no unpublished material (${plan.heldBack.length} held-back tokens checked)`);
  });

  it('is the same plan when made from the published content alone, with nothing held back', () => {
    const fromPublished = publicationPlan(publishedContent(content, NOW), NOW);
    expect(fromPublished.outputs).toEqual(plan.outputs);
    expect(fromPublished.heldBack).toEqual([]);
  });
});
