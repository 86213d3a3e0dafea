/**
 * The shape of the house, checked: no import cycle anywhere in src/ or scripts/, no upward import
 * from src/lib/ (no astro, no src/data, src/io or pages), and no cast of a collection entry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';

const SOURCE = /\.(ts|astro|mjs)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => SOURCE.test(f))
    .map((f) => resolve(ROOT, dir, f));
}

/** The relative imports of a file, resolved to absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1] as string);
  return specs.map((s) => resolve(dirname(file), s));
}

const files = [...filesUnder('src'), ...filesUnder('scripts')];
const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));

/** Every cycle found by a depth-first search, each as a list of project-relative paths. */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === 'open') found.push([...stack.slice(stack.indexOf(t)), t].map((p) => relative(ROOT, p)));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found;
}

describe('the import graph', () => {
  it('has edges (the parser reads imports)', () => {
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
  });

  it('has no cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('keeps src/lib pure: no astro, no src/data, src/io, integrations or pages', () => {
    const lib = files.filter((f) => relative(ROOT, f).startsWith('src/lib/'));
    const upward = lib.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const bad = (graph.get(f) ?? []).filter((t) => !relative(ROOT, t).startsWith('src/lib/') && !relative(ROOT, t).startsWith('src/schemas/'));
      return [...bad.map((t) => `${relative(ROOT, f)} -> ${relative(ROOT, t)}`), ...(/from ['"]astro/.test(text) ? [`${relative(ROOT, f)} -> astro`] : [])];
    });
    expect(upward).toEqual([]);
  });

  it('never casts a collection entry', () => {
    const readers = files.filter((f) => /astro:content/.test(readFileSync(f, 'utf8')));
    expect(readers.map((f) => relative(ROOT, f))).toEqual(['src/content.config.ts', 'src/data/content.ts']);
    const casts = readers.filter((f) => /\bas\s+(unknown|any|[A-Z]\w*)\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(casts).toEqual([]);
  });
});
