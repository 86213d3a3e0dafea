/** Markdown from a pull request becomes safe HTML: no live markup, no script, no foreign scheme. */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown } from '../../src/lib/text/markdown.ts';

describe('renderMarkdown keeps hostile input dead', () => {
  it.each([
    ['a script element', '<script>alert(1)</script>'],
    ['an image with an event handler', '<img src=x onerror=alert(1)>'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a vbscript: link', '[click](vbscript:msgbox(1))'],
    ['an inline style and event in raw HTML', '<p style="x" onclick="alert(1)">hi</p>'],
    ['an autolink to javascript:', '<javascript:alert(1)>'],
  ])('%s', (_name, source) => {
    const root = parse(renderMarkdown(source));
    expect(root.querySelectorAll('script, iframe, img, style, object, embed')).toEqual([]);
    for (const el of root.querySelectorAll('*')) {
      for (const [name, value] of Object.entries(el.attributes)) {
        expect(name.startsWith('on'), `${name} on <${el.tagName}>`).toBe(false);
        expect(/^\s*(javascript|data|vbscript):/i.test(value), `${name}="${value}"`).toBe(false);
      }
    }
  });

  it('shows raw HTML as text', () => {
    expect(parse(renderMarkdown('<b>bold</b>')).text.trim()).toBe('<b>bold</b>');
  });
});

describe('renderMarkdown keeps document markup', () => {
  it.each([
    ['a paragraph with emphasis and code', 'Use *only* `maxBodySize`.', '<p>Use <em>only</em> <code>maxBodySize</code>.</p>'],
    ['a list', '- one\n- two', '<ul>\n<li>one</li>\n<li>two</li>\n</ul>'],
    ['an https link', '[RFC 9112](https://www.rfc-editor.org/rfc/rfc9112)', '<p><a href="https://www.rfc-editor.org/rfc/rfc9112">RFC 9112</a></p>'],
    ['a mailto link', '<security@lanternfish.example>', '<p><a href="mailto:security@lanternfish.example">security@lanternfish.example</a></p>'],
    ['a level-1 heading, demoted (the page owns h1)', '# Title', '<h2>Title</h2>'],
  ])('%s', (_name, source, html) => {
    expect(renderMarkdown(source).trim()).toBe(html);
  });
});

describe('links from the site root follow the base path', () => {
  it.each([
    ['/', '[all](/advisories/)', '/advisories/'],
    ['/lanternfish/', '[all](/advisories/)', '/lanternfish/advisories/'],
    ['/lanternfish/', '[all](/lanternfish/advisories/)', '/lanternfish/advisories/'],
    ['/lanternfish/', '[other](https://example.org/x)', 'https://example.org/x'],
    ['/lanternfish/', '[relative](../x/)', '../x/'],
  ])('base %s: %s -> %s', (base, source, href) => {
    expect(parse(renderMarkdown(source, base)).querySelector('a')!.getAttribute('href')).toBe(href);
  });
});

it('escapeHtml escapes the five characters', () => {
  expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});
