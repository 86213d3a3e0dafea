/** The output guard finds a held-back token however the output encodes it. */
import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../src/lib/publication/guard.ts';
import { readings } from '../../src/lib/publication/mentions.ts';

const TOKENS = ['EXA-2026-0099', 'CVE-2026-99999', '/advisories/EXA-2026-0001/v3/'];

describe('findLeaks', () => {
  it.each([
    ['plain text', '<p>See EXA-2026-0099.</p>', 'EXA-2026-0099'],
    ['other case', '<p>exa-2026-0099</p>', 'EXA-2026-0099'],
    ['decimal character references', '<p>&#69;&#88;&#65;-2026-0099</p>', 'EXA-2026-0099'],
    ['hex character references', '<p>&#x45;XA&#x2D;2026&#x2d;0099</p>', 'EXA-2026-0099'],
    ['a named reference inside', '<a title="CVE&hyphen;2026-99999">', 'CVE-2026-99999'],
    ['JSON unicode escapes', '{"id":"\\u0045XA-2026-0099"}', 'EXA-2026-0099'],
    ['JSON escaped slashes', '{"url":"\\/advisories\\/EXA-2026-0001\\/v3\\/"}', '/advisories/EXA-2026-0001/v3/'],
    ['percent encoding', '<loc>https://x.example/advisories/EXA-2026-0001%2Fv3%2F</loc>', '/advisories/EXA-2026-0001/v3/'],
    ['the ID at the very end of a file', 'last word: EXA-2026-0099', 'EXA-2026-0099'],
    ['the ID inside a URL', '<a href="/advisories/EXA-2026-0099/">', 'EXA-2026-0099'],
    ['JSON inside an HTML attribute', '<div data-x="{&quot;a&quot;:&quot;\\u0043VE-2026-99999&quot;}">', 'CVE-2026-99999'],
  ])('catches %s', (_name, text, token) => {
    const leaks = findLeaks([{ path: 'page.html', text }], TOKENS);
    expect(leaks.map((l) => l.token)).toEqual([token]);
    expect(leaks[0]!.path).toBe('page.html');
  });

  it.each([
    ['a published ID that shares a prefix', '<p>EXA-2026-0009 and EXA-2026-009</p>'],
    ['a published ID that contains the held-back one', '<p>EXA-2026-00991 and CVE-2026-999999 and XEXA-2026-0099</p>'],
    ['the published revision address', '<a href="/advisories/EXA-2026-0001/v2/">v2</a>'],
    ['nothing at all', ''],
  ])('does not trip on %s', (_name, text) => {
    expect(findLeaks([{ path: 'page.html', text }], TOKENS)).toEqual([]);
  });

  it('reports every file and token, with context', () => {
    const leaks = findLeaks(
      [
        { path: 'a.html', text: 'one EXA-2026-0099 two' },
        { path: 'feed.json', text: '{"aliases":["CVE-2026-99999"]}' },
      ],
      TOKENS,
    );
    expect(leaks.map((l) => `${l.path} ${l.token}`)).toEqual(['a.html EXA-2026-0099', 'feed.json CVE-2026-99999']);
    expect(leaks[0]!.context).toBe('one exa-2026-0099 two');
  });

  it('needs no tokens to pass', () => {
    expect(findLeaks([{ path: 'a', text: 'EXA-2026-0099' }], [])).toEqual([]);
  });

  it('reads entities, escapes and percent encoding', () => {
    expect(readings('&lt;B&gt; \\u0041 %41')).toEqual(
      expect.arrayContaining(['&lt;b&gt; \\u0041 %41', '<b> \\u0041 %41', '&lt;b&gt; a %41', '&lt;b&gt; \\u0041 a']),
    );
  });
});
