/**
 * Markdown as plain text for mail: UTF-8, wrapped at a width in code points without ever breaking
 * a URL, lists and code kept readable, no control characters. Used by the announcement's mail
 * text (announcement-text.ts). Pure.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** The width of a mail line, in code points. */
export const WIDTH = 72;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Line breaks and blanks split words; U+00A0 and its kind do not, so a no-break space holds.
const BLANKS = /[ \t\n\v\f\r\u2028\u2029]+/;
// C0 and C1 controls other than the blanks above would show as garbage or break signing.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/** The length of `s` in code points, as the 72-character rule counts. */
export function codePoints(s: string): number {
  return Array.from(s).length;
}

function clean(s: string): string {
  return s.normalize('NFC').replace(CONTROLS, '');
}

/** Wraps plain text at `width` code points, never breaking a URL, keeping an indent for continuation lines. */
export function wrap(text: string, width: number, indent = '', firstIndent = indent): string[] {
  const words = clean(text).split(BLANKS).filter((w) => w !== '');
  const lines: string[] = [];
  let line: string | undefined;
  let used = 0;
  for (const word of words) {
    const w = codePoints(word);
    if (line !== undefined && used + 1 + w <= width) {
      line += ` ${word}`;
      used += 1 + w;
      continue;
    }
    if (line !== undefined) lines.push(line);
    let prefix = lines.length === 0 ? firstIndent : indent;
    // mbox readers turn a line starting "From " into ">From ", and signing dash-escapes a line
    // starting "-" ("- -1"): one leading space keeps either as written.
    if (prefix === '' && (word === 'From' || word.startsWith('-'))) prefix = ' ';
    // A word longer than the line (a URL, a long hash) stays whole, alone on its line.
    line = prefix + word;
    used = codePoints(prefix) + w;
  }
  if (line !== undefined) lines.push(line);
  return lines;
}

/** The plain text of an inline token's children: links as "text <url>", markers dropped. */
function inlineText(children: readonly Token[]): string {
  let out = '';
  const links: { href: string; start: number }[] = [];
  for (const t of children) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        out += t.content;
        break;
      case 'softbreak':
        out += ' ';
        break;
      case 'hardbreak':
        out += '\n';
        break;
      case 'image':
        out += t.content;
        break;
      case 'link_open':
        links.push({ href: t.attrGet('href') ?? '', start: out.length });
        break;
      case 'link_close': {
        const link = links.pop();
        if (!link) break;
        const shown = link.href.replace(/^mailto:/i, '');
        const text = out.slice(link.start).trim();
        const same = text === '' || [link.href, shown, md.normalizeLinkText(link.href), md.normalizeLinkText(shown)].includes(text);
        out = same ? `${out.slice(0, link.start)}<${shown}>` : `${out} <${shown}>`;
        break;
      }
      default:
        // Emphasis, strong, strike-through: the words stay, the markers go.
        break;
    }
  }
  return out;
}

/** A block or container of the markdown token stream, with its children. */
interface Block {
  open: Token;
  children: Block[];
}

/** Turns markdown-it's flat token stream into a tree of blocks (inline tokens are leaves). */
function blockTree(tokens: readonly Token[]): Block[] {
  const root: Block[] = [];
  const stack: Block[][] = [root];
  for (const t of tokens) {
    const siblings = stack[stack.length - 1]!;
    if (t.nesting === 1) {
      const block: Block = { open: t, children: [] };
      siblings.push(block);
      stack.push(block.children);
    } else if (t.nesting === -1) {
      stack.pop();
    } else {
      siblings.push({ open: t, children: [] });
    }
  }
  return root;
}

/** The inline text of a block whose single child is an inline token (paragraph, heading, cell). */
function textOf(block: Block): string {
  return block.children.map((c) => (c.open.type === 'inline' ? inlineText(c.open.children ?? []) : '')).join('');
}

/** Paragraph text with hard breaks kept: each segment wrapped on its own. */
function paragraph(text: string, w: number, first: string, rest: string): string[] {
  return text.split('\n').flatMap((segment, i) => wrap(segment, w, rest, i === 0 ? first : rest));
}

/** Tabs to spaces (stops every 4 columns), trailing blanks dropped. */
function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(4 - (codePoints(out) % 4)) : ch;
  return out.trimEnd();
}

function codeLines(content: string, w: number, first: string, rest: string): string[] {
  const lines = clean(content).replace(/\n$/, '').split('\n');
  return lines.flatMap((raw, i) => {
    const prefix = `${i === 0 ? first : rest}    `;
    const line = expandTabs(raw);
    if (line === '') return [rest.trimEnd()];
    if (codePoints(prefix) + codePoints(line) <= w) return [prefix + line];
    // Too long to keep: wrap at blanks, continuation lines two columns further in.
    const lead = /^ */.exec(line)![0];
    return wrap(line, w, `${rest}    ${lead}  `, prefix + lead);
  });
}

function listItems(list: Block, w: number, first: string, rest: string): string[] {
  const ordered = list.open.type === 'ordered_list_open';
  // markdown-it hides the paragraphs of a tight list: its items take no blank lines between.
  const tight = list.children.every((item) => item.children.every((c) => c.open.type !== 'paragraph_open' || c.open.hidden));
  const out: string[] = [];
  list.children.forEach((item, i) => {
    const marker = ordered ? `${item.open.info || String(i + 1)}${list.open.markup || '.'} ` : '* ';
    const itemFirst = (i === 0 ? first : rest) + marker;
    const lines = blocks(item.children, w, itemFirst, rest + ' '.repeat(codePoints(marker)), tight);
    if (i > 0 && !tight) out.push(rest.trimEnd());
    out.push(...(lines.length ? lines : [itemFirst.trimEnd()]));
  });
  return out;
}

export function headingLines(text: string, w: number, first: string, rest: string): string[] {
  const lines = wrap(text, w, rest, first);
  if (!lines.length) return [];
  const longest = Math.max(...lines.map((l, i) => codePoints(l) - codePoints(i === 0 ? first : rest)));
  return [...lines, rest + '='.repeat(Math.min(longest, w - codePoints(rest)))];
}

function block(b: Block, w: number, first: string, rest: string, tight: boolean): string[] {
  switch (b.open.type) {
    case 'paragraph_open':
      return paragraph(textOf(b), w, first, rest);
    case 'heading_open':
      return headingLines(textOf(b), w, first, rest);
    case 'bullet_list_open':
    case 'ordered_list_open':
      return listItems(b, w, first, rest);
    case 'blockquote_open':
      return blocks(b.children, w, `${first}> `, `${rest}> `, false);
    case 'fence':
    case 'code_block':
      return codeLines(b.open.content, w, first, rest);
    case 'hr':
      return [`${first}* * *`];
    case 'table_open':
      // Rows as "cell | cell", header first; a table has no good plain-text form at 72 columns.
      return b.children.flatMap((section) =>
        section.children.flatMap((row, i) =>
          wrap(row.children.map(textOf).join(' | '), w, `${rest}  `, i === 0 && section === b.children[0] ? first : rest),
        ),
      );
    case 'html_block':
      return paragraph(b.open.content, w, first, rest);
    default:
      return [];
  }
}

/** Blocks one after another, a blank line between them unless `tight` (list items). */
function blocks(children: readonly Block[], w: number, first: string, rest: string, tight: boolean): string[] {
  const out: string[] = [];
  for (const child of children) {
    const lines = block(child, w, out.length === 0 ? first : rest, rest, tight);
    if (!lines.length) continue;
    if (out.length && !tight) out.push(rest.trimEnd());
    out.push(...lines);
  }
  return out;
}

/** Markdown to plain text for mail: headings as lines, lists with "* ", links as "text <url>" (url on its own line if long), code spans without backticks, emphasis markers removed, paragraphs wrapped at 72. */
export function markdownToText(markdown: string, width = WIDTH): string {
  return blocks(blockTree(md.parse(clean(markdown), {})), width, '', '', false).join('\n');
}

/** The body of a markdown document under headings whose text matches (e.g. /^(workarounds|mitigations)$/i), without the heading lines. */
export function sectionsNamed(markdown: string, heading: RegExp): string {
  const tokens = md.parse(markdown, {});
  const lines = markdown.split(/\r\n?|\n/);
  // Top-level headings only: a "# Workarounds" inside a list or quote does not start a section.
  const headings = tokens.flatMap((t, i) =>
    t.type === 'heading_open' && t.level === 0 && t.map
      ? [{ depth: Number(t.tag.slice(1)), start: t.map[0], end: t.map[1], text: inlineText(tokens[i + 1]?.children ?? []).trim() }]
      : [],
  );
  const sections: string[] = [];
  let covered = -1;
  headings.forEach((h, i) => {
    if (h.start < covered || h.text.search(heading) === -1) return;
    const next = headings.slice(i + 1).find((n) => n.depth <= h.depth);
    covered = next ? next.start : lines.length;
    const body = lines.slice(h.end, covered).join('\n').replace(/^\s*\n/, '').trimEnd();
    if (body.trim()) sections.push(body);
  });
  return sections.join('\n\n');
}

