import { describe, expect, it } from 'vitest';
import { renderAnnouncementText, type AnnouncementText } from '../../src/lib/text/announcement-text.ts';
import { markdownToText, sectionsNamed, wrap } from '../../src/lib/text/plain-text.ts';

/** Length in code points, as the 72-character rule counts (not UTF-16 units). */
const codePoints = (s: string) => Array.from(s).length;

/** A line that may pass 72: one word holding a URL, behind its indent, list or quote marker. */
const isUrlLine = (line: string) => /^[ >*]*\S*:\/\/\S*$/.test(line);

/** Everything that would break signing, mbox or the 72-column rule, one message per problem. */
function mailProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('\n') || text.endsWith('\n\n')) problems.push('does not end with exactly one newline');
  if (text.includes('\r')) problems.push('has a CR');
  if (text.includes('\t')) problems.push('has a tab');
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, i) => {
      const at = `line ${i + 1} ${JSON.stringify(line)}`;
      if (/\s$/.test(line)) problems.push(`${at} ends with whitespace`);
      if (codePoints(line) > 72 && !isUrlLine(line)) problems.push(`${at} is ${codePoints(line)} code points`);
      if (line.startsWith('From ')) problems.push(`${at} starts with "From "`);
      if (line.startsWith('-')) problems.push(`${at} starts with "-" (would be dash-escaped)`);
    });
  return problems;
}

// The example advisory's body, as content/advisories/EXA-2026-0001.md has it.
const EXA_1_BODY = `When a request carries two \`Content-Length\` headers with different values, Lanternfish used
the last one while most proxies use the first.

## Impact

Any application that runs Lanternfish behind a proxy that forwards duplicate \`Content-Length\`
headers.

## Patches

Fixed in 0.12.3 and 0.13.1.

## Workarounds

Configure the proxy to reject requests with more than one \`Content-Length\` header.
`;

const MITIGATIONS = /^(workarounds|mitigations)$/i;

const BODY = `Lanternfish 0.12.3 and 0.13.1 are out. They fix two vulnerabilities, one of them critical: a
request smuggling flaw that lets an attacker slip a request past a proxy's access rules.
**Upgrade now** if you run Lanternfish behind a proxy.

## Who should upgrade

- Everyone on 0.13: upgrade to \`0.13.1\`.
- Everyone on 0.12: upgrade to \`0.12.3\`.
- Lines 0.10 and 0.11 are past end of life and get no fix; see the
  [support policy](https://lanternfish.example/security/#support).

## Credits

Thanks to Mira Castellanos, Tomás Reyes and Jun Watanabe 渡辺 for reporting these issues, and
to Ada Okafor for coordinating the release.

From now on, announcements also go to the [announce list](https://lists.lanternfish.example/announce/).
`;

/** A realistic announcement: two advisories, one with an end-of-life line and another package. */
function announcement(): AnnouncementText {
  return {
    title: 'Lanternfish 0.12.3 and 0.13.1 fix request smuggling (CVE-2026-41234) and a denial of service',
    date: new Date('2026-08-04T22:30:00Z'),
    project: 'Lanternfish',
    url: 'https://lanternfish.example/security/announcements/2026-08-04-request-smuggling/',
    releases: [
      { package: 'lanternfish', version: '0.13.1' },
      { package: 'lanternfish', version: '0.12.3' },
    ],
    advisories: [
      {
        id: 'EXA-2026-0001',
        aliases: ['CVE-2026-41234', 'GHSA-4f2a-9c1x-q7mv'],
        summary: 'Request smuggling through conflicting Content-Length headers',
        url: 'https://lanternfish.example/security/advisories/EXA-2026-0001/v2/',
        revision: 2,
        rating: 'Critical 9.8 (CVSS 3.1)',
        lines: [
          { package: 'lanternfish', line: '0.13', state: 'fixed', fixedIn: '0.13.1', eolWarning: false },
          { package: 'lanternfish', line: '0.12', state: 'fixed', fixedIn: '0.12.3', eolWarning: false },
          { package: 'lanternfish', line: '0.11', state: 'affected', eolWarning: true },
          { package: 'lanternfish', line: '0.10', state: 'affected', eolWarning: true },
          { package: 'lanternfish', line: '0.9', state: 'not-affected', eolWarning: false },
        ],
        others: [{ ecosystem: 'npm', name: 'lanternfish-proxy', written: '>= 1.2.0, < 1.4.1' }],
        mitigations: sectionsNamed(EXA_1_BODY, MITIGATIONS),
      },
      {
        id: 'EXA-2026-0002',
        aliases: [],
        summary: 'A multipart body with thousands of empty parts makes the parser spend seconds of CPU time per request',
        url: 'https://lanternfish.example/security/advisories/EXA-2026-0002/v1/',
        revision: 1,
        rating: 'Not rated',
        lines: [
          { package: 'lanternfish', line: '0.13', state: 'fixed', fixedIn: '0.13.1', eolWarning: false },
          { package: 'lanternfish', line: '0.12', state: 'not-affected', eolWarning: false },
        ],
        others: [],
        mitigations: '',
      },
    ],
    body: BODY,
    verify: {
      keyUrl: 'https://lanternfish.example/security/pgp-key.asc',
      fingerprint: '5b4f 9a67 1c2d 3e4f 5a6b 7c8d 9e0f 1a2b 3c4d 5e6f',
      textUrl: 'https://lanternfish.example/security/announcements/2026-08-04-request-smuggling.txt',
    },
  };
}

const LONG_URL = `https://lanternfish.example/security/${'very-long-path-segment/'.repeat(7)}${'x'.repeat(200 - 37 - 23 * 7)}`;

/** Markdown with every construct markdownToText knows, nested, and lines that signing or mbox would touch. */
const EVERYTHING = `# Heading one

-1 is rejected now, and so is --max-headers=0. From 0.13.1 on:

1. Upgrade:

   \`\`\`sh
   npm install lanternfish@0.13.1 --save-exact --ignore-scripts --no-audit --no-fund --prefer-offline
   \`\`\`

2. Or set the option, quoting the docs:

   > Reject any request with more than one \`Content-Length\` header, as
   > RFC 9112 requires. See <https://www.rfc-editor.org/rfc/rfc9112#section-6.3>.
   >
   > - a list in a quote
   >   - nested, with [a link](https://lanternfish.example/docs/configuration/http/#max-content-length-headers)

| Line | Fixed in | Note |
|------|----------|------|
| 0.13 | 0.13.1 | a fairly long note that goes on and on past the width of a mail line |

***

Signed,\
the Lanternfish security team <security@lanternfish.example>
`;

/** The same announcement with a 200-character URL everywhere a URL goes, and non-ASCII names. */
function longUrlAnnouncement(): AnnouncementText {
  const a = announcement();
  return {
    ...a,
    title: 'Sicherheitsupdate für Lanternfish: Tomás Reyes und Jun Watanabe 渡辺 melden Request Smuggling',
    project: 'Lanternfish Ñandú 渡辺',
    url: LONG_URL,
    advisories: a.advisories.map((adv) => ({
      ...adv,
      url: LONG_URL,
      summary: `${adv.summary}, reported by Tomás Reyes and Jun Watanabe 渡辺 (ジュン・ワタナベ), credited in the advisory`,
      mitigations: `${adv.mitigations}\n\nSee the proxy's guide: ${LONG_URL} and [its FAQ](${LONG_URL}).`,
    })),
    body: `${BODY}\nThe full write-up by Tomás Reyes lives at <${LONG_URL}>; Jun Watanabe 渡辺 wrote the fix, see [the commit](${LONG_URL}).\n\n> Quoted from the report: ${LONG_URL} is where it starts.\n`,
    verify: { ...a.verify, keyUrl: LONG_URL, textUrl: `${LONG_URL}.txt` },
  };
}

describe('wrap', () => {
  it.each<[string, string, number, string | undefined, string | undefined, string[]]>([
    ['fits on one line', 'one two three', 72, undefined, undefined, ['one two three']],
    ['breaks before the word that does not fit', 'aaa bbb ccc', 7, undefined, undefined, ['aaa bbb', 'ccc']],
    ['fills a line to exactly the width', 'aaa bbb ccc', 11, undefined, undefined, ['aaa bbb ccc']],
    ['collapses runs of blanks and line breaks', '  aaa \n\n bbb\tccc  ', 72, undefined, undefined, ['aaa bbb ccc']],
    ['indents continuation lines, counting the indent', 'aaa bbb ccc ddd', 9, '  ', undefined, ['  aaa bbb', '  ccc ddd']],
    ['takes a different first indent', 'aaa bbb ccc ddd', 9, '    ', '  * ', ['  * aaa', '    bbb', '    ccc', '    ddd']],
    [
      'puts a URL that does not fit on its own line, indented, never split',
      'see https://lanternfish.example/security/advisories/EXA-2026-0001/v2/ now',
      30,
      '  ',
      '',
      ['see', '  https://lanternfish.example/security/advisories/EXA-2026-0001/v2/', '  now'],
    ],
    ['lets words follow a URL that fits', 'read <https://a.example/x> today, please', 30, undefined, undefined, ['read <https://a.example/x>', 'today, please']],
    ['keeps a long word that is not a URL whole, alone on its line', 'sha256 0123456789abcdef0123456789abcdef ok', 20, undefined, undefined, ['sha256', '0123456789abcdef0123456789abcdef', 'ok']],
    ['counts code points, not UTF-16 units', '𝔘𝔘𝔘 𝔘𝔘𝔘 𝔘', 7, undefined, undefined, ['𝔘𝔘𝔘 𝔘𝔘𝔘', '𝔘']],
    ['counts CJK and accented letters as one each', 'Jun Watanabe 渡辺 Tomás', 16, undefined, undefined, ['Jun Watanabe 渡辺', 'Tomás']],
    ['composes to NFC before counting', 'Toma\u0301s Toma\u0301s', 11, undefined, undefined, ['Tomás Tomás']],
    ['does not break at a no-break space', 'version\u00a00.13.1 is out', 15, undefined, undefined, ['version\u00a00.13.1', 'is out']],
    ['drops control characters', 'a\u0007b c\u001bd', 72, undefined, undefined, ['ab cd']],
    ['indents a line that would start with "From " (mbox)', 'From 0.13 on, from now', 12, undefined, undefined, [' From 0.13', 'on, from now']],
    ['indents a line that would start with "-" (dash-escaped when signed)', '-1 is rejected, and --strict too', 14, undefined, undefined, [' -1 is', 'rejected, and', ' --strict too']],
    ['indents "From" on a continuation line too', 'Upgrade now. From 0.13 on', 13, undefined, undefined, ['Upgrade now.', ' From 0.13 on']],
    ['leaves "From" alone behind an indent', 'From here', 72, '  ', undefined, ['  From here']],
    ['gives no lines for blank text', ' \n ', 72, '  ', undefined, []],
  ])('%s', (_title, text, width, indent, firstIndent, expected) => {
    expect(wrap(text, width, indent, firstIndent)).toEqual(expected);
  });
});

describe('markdownToText', () => {
  it.each<[string, string, string]>([
    ['a paragraph, joined and wrapped at 72', 'one\ntwo', 'one two'],
    ['emphasis markers removed', 'a *b* _c_ **d** __e__ ~~f~~', 'a b c d e f'],
    ['code spans without backticks', 'set `max_headers` to ``1`` now', 'set max_headers to 1 now'],
    ['a heading as its line, underlined', '## Who should upgrade\n\nEveryone.', 'Who should upgrade\n==================\n\nEveryone.'],
    ['a setext heading the same way', 'Impact\n------\n\nAll.', 'Impact\n======\n\nAll.'],
    ['a tight list with "* ", nested two further in', '- a\n- b\n  - c\n- d', '* a\n* b\n  * c\n* d'],
    ['a loose list with blank lines', '- a\n\n- b', '* a\n\n* b'],
    ['an ordered list, keeping its numbers', '3. three\n4. four', '3. three\n4. four'],
    ['a link as "text <url>"', 'see [the guide](https://a.example/guide)', 'see the guide <https://a.example/guide>'],
    ['an autolink as "<url>"', 'at <https://a.example/>', 'at <https://a.example/>'],
    ['a link whose text is its URL as "<url>"', '[https://a.example/](https://a.example/)', '<https://a.example/>'],
    ['an e-mail link as "<address>"', 'mail <security@a.example> or [us](mailto:security@a.example)', 'mail <security@a.example> or us <security@a.example>'],
    ['an image as its alt text', 'a ![diagram of the flow](flow.png) b', 'a diagram of the flow b'],
    ['a hard break kept', 'one  \ntwo', 'one\ntwo'],
    ['a code block indented by four, tabs expanded', '```sh\nnpm install lanternfish@0.13.1\n\tx\n```', '    npm install lanternfish@0.13.1\n        x'],
    ['a quote behind "> "', '> one\n>\n> two', '> one\n>\n> two'],
    ['a rule as "* * *"', 'a\n\n---\n\nb', 'a\n\n* * *\n\nb'],
    ['a table as rows of cells', '| line | fix |\n|---|---|\n| 0.13 | 0.13.1 |', 'line | fix\n0.13 | 0.13.1'],
    ['raw HTML as its text', 'a <b>bold</b> move', 'a <b>bold</b> move'],
    ['entities decoded', 'AT&amp;T &copy;', 'AT&T ©'],
    ['a line starting "From " indented', 'From now on.', ' From now on.'],
    ['nothing for nothing', '', ''],
  ])('%s', (_title, markdown, expected) => {
    expect(markdownToText(markdown)).toBe(expected);
  });

  it('wraps list items under their text and puts a long link URL on its own line', () => {
    const text = markdownToText(
      `- Lines 0.10 and 0.11 are past end of life and get no fix; see the [support policy](https://lanternfish.example/security/policy/support-windows-and-end-of-life/).`,
    );
    expect(text).toBe(
      [
        '* Lines 0.10 and 0.11 are past end of life and get no fix; see the',
        '  support policy',
        '  <https://lanternfish.example/security/policy/support-windows-and-end-of-life/>.',
      ].join('\n'),
    );
  });

  it('wraps at the width it is given', () => {
    expect(markdownToText('aaa bbb ccc ddd', 7)).toBe('aaa bbb\nccc ddd');
  });

  it('wraps a code line too long to keep at blanks, two columns further in', () => {
    expect(markdownToText('    gpg --keyserver hkps://keys.example --recv-keys 5B4F9A671C2D3E4F', 40)).toBe(
      ['    gpg --keyserver hkps://keys.example', '      --recv-keys 5B4F9A671C2D3E4F'].join('\n'),
    );
  });
});

describe('sectionsNamed', () => {
  it.each<[string, string, RegExp, string]>([
    ['the section under a matching heading', EXA_1_BODY, MITIGATIONS, 'Configure the proxy to reject requests with more than one `Content-Length` header.'],
    ['stops at the next heading of the same level', '## Workarounds\n\nA.\n\n## Credits\n\nB.', MITIGATIONS, 'A.'],
    ['keeps deeper headings inside the section', '## Mitigations\n\nA.\n\n### In nginx\n\nB.\n\n# Next\n\nC.', MITIGATIONS, 'A.\n\n### In nginx\n\nB.'],
    ['joins several sections with a blank line', '## Workarounds\n\nA.\n\n## Impact\n\nX.\n\n## Mitigations\n\nB.\n', MITIGATIONS, 'A.\n\nB.'],
    ['reads setext headings', 'Workarounds\n-----------\n\nA.\n\nImpact\n------\n\nX.', MITIGATIONS, 'A.'],
    ['matches the heading text without its markup', '## *Workarounds*\n\nA.', MITIGATIONS, 'A.'],
    ['ignores a heading inside a code block', '```\n## Workarounds\n```\n\nA.', MITIGATIONS, ''],
    ['ignores a heading inside a list', '- ## Workarounds\n\n  A.', MITIGATIONS, ''],
    ['gives nothing without a match', '## Impact\n\nX.', MITIGATIONS, ''],
    ['gives nothing for an empty section', '## Workarounds\n\n## Impact\n\nX.', MITIGATIONS, ''],
    ['needs the whole heading to match an anchored pattern', '## Workarounds for proxies\n\nA.', MITIGATIONS, ''],
    ['keeps a global pattern stateless', '## Workarounds\n\nA.\n\n## Workarounds\n\nB.', /workarounds/gi, 'A.\n\nB.'],
    ['reads CRLF line endings', '## Workarounds\r\n\r\nA.\r\n', MITIGATIONS, 'A.'],
  ])('%s', (_title, markdown, heading, expected) => {
    expect(sectionsNamed(markdown, heading)).toBe(expected);
  });
});

describe('renderAnnouncementText', () => {
  it.each<[string, () => AnnouncementText]>([
    ['a realistic announcement', announcement],
    ['one with a 200-character URL and non-ASCII names', longUrlAnnouncement],
    ['one whose prose and mitigations use every markdown construct', () => ({
      ...announcement(),
      body: EVERYTHING,
      advisories: announcement().advisories.map((adv) => ({ ...adv, mitigations: EVERYTHING })),
    })],
  ])('%s is fit to sign and mail', (_title, make) => {
    expect(LONG_URL).toHaveLength(200);
    expect(mailProblems(renderAnnouncementText(make()))).toEqual([]);
  });

  it('never splits a URL, and gives a long one a line of its own', () => {
    const lines = renderAnnouncementText(longUrlAnnouncement()).split('\n');
    const urlLines = lines.filter((l) => l.includes(LONG_URL));
    expect(urlLines.length).toBeGreaterThanOrEqual(8);
    for (const line of urlLines) expect(line.trim().replace(/^[>*]\s*/, '')).toMatch(/^<?https:\/\/\S+$/);
  });

  it('counts the names in code points: a line of 72 CJK letters passes', () => {
    const text = renderAnnouncementText({ ...announcement(), body: '渡'.repeat(70) + ' ' + '辺'.repeat(10) });
    expect(text).toContain(`\n${'渡'.repeat(70)}\n${'辺'.repeat(10)}\n`);
  });

  it('takes no blank lines for what an advisory lacks (summary, mitigations, others, aliases)', () => {
    const a = announcement();
    a.advisories = [{ ...a.advisories[1]!, summary: '' }];
    a.body = '';
    expect(renderAnnouncementText(a)).toContain('\nEXA-2026-0002\n=============\n\nRating: Not rated\n\nAffected lines:\n');
    expect(renderAnnouncementText(a)).not.toMatch(/\n\n\n/);
  });

  it('says so when no release line is affected', () => {
    const a = announcement();
    a.advisories = [{ ...a.advisories[1]!, lines: [{ package: 'lanternfish', line: '0.13', state: 'not-affected', eolWarning: false }] }];
    expect(renderAnnouncementText(a)).toContain('\nAffected lines: none, Lanternfish is not affected\n');
  });

  it.each<[string, AnnouncementText['advisories'][number]['lines'][number], string]>([
    ['a fixed line', { package: 'lanternfish', line: '0.13', state: 'fixed', fixedIn: '0.13.1', eolWarning: false }, '  * lanternfish 0.13: fixed in 0.13.1'],
    ['a fixed line past end of life', { package: 'lanternfish', line: '0.11', state: 'fixed', fixedIn: '0.11.9', eolWarning: true }, '  * lanternfish 0.11: fixed in 0.11.9; past end of life, upgrade to a\n    supported line'],
    ['an affected line', { package: 'lanternfish', line: '0.13', state: 'affected', eolWarning: false }, '  * lanternfish 0.13: affected, no fix yet'],
    ['an affected line past end of life', { package: 'lanternfish', line: '0.10', state: 'affected', eolWarning: true }, '  * lanternfish 0.10: affected, no fix: past end of life, upgrade to a\n    supported line'],
  ])('prints %s', (_title, line, expected) => {
    const a = announcement();
    a.advisories = [{ ...a.advisories[1]!, lines: [line] }];
    expect(renderAnnouncementText(a)).toContain(`\nAffected lines:\n${expected}\n\n`);
  });

  it('groups the fingerprint as gpg prints it, whatever form it is given in', () => {
    for (const fingerprint of ['5B4F9A671C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F', '5b:4f:9a:67:1c:2d:3e:4f:5a:6b:7c:8d:9e:0f:1a:2b:3c:4d:5e:6f']) {
      const text = renderAnnouncementText({ ...announcement(), verify: { ...announcement().verify, fingerprint } });
      expect(text).toContain('\n       5B4F 9A67 1C2D 3E4F 5A6B  7C8D 9E0F 1A2B 3C4D 5E6F\n');
    }
  });

  it('names a safe file for the gpg commands, or a plain one', () => {
    const text = renderAnnouncementText({
      ...announcement(),
      verify: { ...announcement().verify, keyUrl: 'https://a.example/keys/', textUrl: 'https://a.example/x;rm%20-rf.txt' },
    });
    expect(text).toContain('gpg --import pgp-key.asc\n');
    expect(text).toContain('gpg --verify announcement.txt\n');
  });

  it('reads the same whatever the clock or zone: the date is the UTC day', () => {
    expect(renderAnnouncementText({ ...announcement(), date: new Date('2026-08-04T23:59:59-05:00') })).toContain('\nLanternfish security announcement, 2026-08-05\n');
  });

  it('renders the whole announcement', () => {
    expect(renderAnnouncementText(announcement())).toMatchInlineSnapshot(`
      "Subject: Lanternfish 0.12.3 and 0.13.1 fix request smuggling
       (CVE-2026-41234) and a denial of service

      Lanternfish security announcement, 2026-08-04
      Online:
        https://lanternfish.example/security/announcements/2026-08-04-request-smuggling/

      Fixed releases:
        * lanternfish 0.13.1
        * lanternfish 0.12.3

      EXA-2026-0001 (aliases: CVE-2026-41234, GHSA-4f2a-9c1x-q7mv)
      ============================================================

      Request smuggling through conflicting Content-Length headers

      Rating: Critical 9.8 (CVSS 3.1)

      Affected lines:
        * lanternfish 0.13: fixed in 0.13.1
        * lanternfish 0.12: fixed in 0.12.3
        * lanternfish 0.11: affected, no fix: past end of life, upgrade to a
          supported line
        * lanternfish 0.10: affected, no fix: past end of life, upgrade to a
          supported line

      Other affected packages:
        * lanternfish-proxy (npm): >= 1.2.0, < 1.4.1

      Mitigations:
        Configure the proxy to reject requests with more than one
        Content-Length header.

      Details (revision 2):
        https://lanternfish.example/security/advisories/EXA-2026-0001/v2/

      EXA-2026-0002
      =============

      A multipart body with thousands of empty parts makes the parser spend
      seconds of CPU time per request

      Rating: Not rated

      Affected lines:
        * lanternfish 0.13: fixed in 0.13.1

      Details (revision 1):
        https://lanternfish.example/security/advisories/EXA-2026-0002/v1/

      * * *

      Lanternfish 0.12.3 and 0.13.1 are out. They fix two vulnerabilities, one
      of them critical: a request smuggling flaw that lets an attacker slip a
      request past a proxy's access rules. Upgrade now if you run Lanternfish
      behind a proxy.

      Who should upgrade
      ==================

      * Everyone on 0.13: upgrade to 0.13.1.
      * Everyone on 0.12: upgrade to 0.12.3.
      * Lines 0.10 and 0.11 are past end of life and get no fix; see the
        support policy <https://lanternfish.example/security/#support>.

      Credits
      =======

      Thanks to Mira Castellanos, Tomás Reyes and Jun Watanabe 渡辺 for
      reporting these issues, and to Ada Okafor for coordinating the release.

       From now on, announcements also go to the announce list
      <https://lists.lanternfish.example/announce/>.

      Verify this message
      ===================

      This message is signed with the Lanternfish OpenPGP signing key. To
      check the signature:

        1. Fetch the key and import it:
             https://lanternfish.example/security/pgp-key.asc
             gpg --import pgp-key.asc
        2. Compare its fingerprint with this one:
             5B4F 9A67 1C2D 3E4F 5A6B  7C8D 9E0F 1A2B 3C4D 5E6F
        3. Fetch the signed text of this announcement and verify it; gpg must
           report a good signature from that key:
             https://lanternfish.example/security/announcements/2026-08-04-request-smuggling.txt
             gpg --verify 2026-08-04-request-smuggling.txt
      "
    `);
  });
});
