/** The benchmark's CPU profile summary (bench/profile-summary.ts), on a small made-up profile. */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { area, summarizeProfile } from '../../bench/profile-summary.ts';
import { tempDir } from '../helpers/run.ts';

const ROOT = `file://${resolve(import.meta.dirname, '../..')}`;

describe('area', () => {
  it.each([
    ['', '(garbage collector)', '(garbage collector)'],
    ['', 'spawnSync', '(waiting for a child process)'],
    ['node:fs', 'readFileSync', 'node.js'],
    [`${ROOT}/node_modules/semver/classes/semver.js`, 'SemVer', 'semver'],
    [`${ROOT}/node_modules/@astrojs/compiler-rs/dist/index.mjs`, 'o', 'astro (@astrojs/compiler-rs)'],
    [`${ROOT}/node_modules/vite/dist/node/chunks/node.js`, 'handler', 'bundler (vite)'],
    [`${ROOT}/src/lib/publication/guard.ts`, 'findLeaks', 'bulletin src/lib'],
    [`${ROOT}/.bulletin/build-1/stage/.prerender/chunks/content_X.mjs`, 'renderMarkdown', 'bulletin pages and components (compiled by Astro)'],
    [`${ROOT}/.bulletin/build-1/stage/.prerender/chunks/server_X.mjs`, 'renderPage', 'astro (bundled runtime)'],
  ])('%s %s is %s', (url, name, expected) => {
    expect(area(url, name)).toBe(expected);
  });
});

describe('summarizeProfile', () => {
  it('charges self time by area, and library time to the innermost Bulletin function', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2] },
        { id: 2, callFrame: frame('validate', `${ROOT}/src/lib/content/validate.ts`), children: [3] },
        { id: 3, callFrame: frame('parse', `${ROOT}/node_modules/yaml/dist/index.js`) },
      ],
      samples: [2, 3, 3, 3],
      timeDeltas: [1000, 1000, 1000, 1000],
      startTime: 0,
      endTime: 4000,
    };
    const file = join(tempDir('profile'), 'x.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    const text = summarizeProfile(file, 5);
    expect(text).toContain("with Bulletin's code on the stack (inclusive): 4 ms (100.0%)");
    expect(text).toMatch(/3 ms +75\.0% +yaml/);
    expect(text).toMatch(/1 ms +25\.0% +bulletin src\/lib/);
    expect(text).toMatch(/4 ms +100\.0% +validate +src\/lib\/content\/validate\.ts:1/);
  });
});
