/**
 * Markdown to safe HTML. Content may come from an outside contributor's pull request, so raw
 * HTML is never passed through: markdown-it escapes it, and sanitize-html removes anything
 * that is not plain document markup as a second line of defence.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'del', 's',
    'code', 'pre', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Headings in content start at h2: the page owns h1.
  transformTags: { h1: 'h2' },
};

/**
 * Renders markdown to sanitized HTML (no raw HTML, no script, no foreign schemes). Links that
 * start at the site's root (`/advisories/`) are put under `base`, so they work when the site
 * lives under a base path.
 */
export function renderMarkdown(source: string, base = '/'): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return sanitizeHtml(md.render(source), {
    ...SANITIZE,
    transformTags: {
      ...SANITIZE.transformTags,
      a: (tagName, attribs) => {
        const href = attribs.href;
        const rooted = href !== undefined && href.startsWith('/') && !href.startsWith('//') && !href.startsWith(prefix);
        return { tagName, attribs: rooted ? { ...attribs, href: prefix + href.slice(1) } : attribs };
      },
    },
  });
}

/** Escapes text for use inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
