/**
 * The page the dev server answers with while the content has errors (issue #9 item 7): every
 * blocking finding with its file, line, field, message and fix, so the browser shows what the
 * terminal printed instead of the last good page.
 */
import { escapeHtml } from '../text/markdown.ts';
import { isBlocking, sortFindings, type Finding } from './findings.ts';

/** The dev server's error page for findings that block a build (or a failure before any finding). */
export function contentErrorPage(findings: readonly Finding[], failure?: string): string {
  const blocking = sortFindings(findings).filter((f) => isBlocking(f, 'build'));
  const items = failure
    ? [`<li><pre>${escapeHtml(failure)}</pre></li>`]
    : blocking.map((f) => {
        const where = f.line ? `${f.file}:${f.line}` : f.file;
        const field = f.field ? ` <code>${escapeHtml(f.field)}</code>:` : '';
        return `<li><p><strong>${escapeHtml(where)}</strong>: error:${field} ${escapeHtml(f.message)}</p><p>fix: ${escapeHtml(f.fix)}</p></li>`;
      });
  const count = failure ? 'The content folder could not be read' : `${blocking.length} error${blocking.length === 1 ? '' : 's'} in the content`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Bulletin: content errors</title>',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}li{margin-bottom:1rem}p{margin:0}code,pre{font-family:ui-monospace,monospace}li p+p{color:#444}</style>',
    // Vite's client reloads this page when the fixed content reaches the collections.
    '<script type="module" src="/@vite/client"></script>',
    '</head><body>',
    `<h1>${count}</h1>`,
    '<p>The dev server shows no page while the content has errors (<code>npm run check</code> lists the same). Fix them and save: the site comes back on the next request.</p>',
    `<ol>${items.join('')}</ol>`,
    '</body></html>',
    '',
  ].join('\n');
}
