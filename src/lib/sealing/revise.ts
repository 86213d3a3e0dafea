/**
 * `npm run revise`: the text that opens the next revision of an advisory as a draft. Pure.
 */
import { isScalar, parseDocument } from 'yaml';
import { normaliseSource } from '../advisory/history.ts';

/** The summary a freshly opened revision carries until the maintainer writes one. */
export const REVISION_SUMMARY_PLACEHOLDER = 'Describe what changed in this revision.';

/**
 * The text of `<ID>.md` opening revision `next.number` as a draft: same fields, comments and body,
 * with the new number, date and a placeholder summary; `modified` is dropped (it is derived from
 * the new date). `withdrawn` stays: it names the revision that withdrew the advisory.
 */
export function reviseSource(text: string, next: { number: number; date: string }): string {
  const source = normaliseSource(text);
  const m = /^---\n([\s\S]*?\n)?---(?:\n|$)/.exec(source);
  if (!m) throw new Error('the file has no front matter between two "---" lines');
  const doc = parseDocument(m[1] ?? '');
  if (doc.errors.length) throw new Error(`the front matter cannot be read: ${doc.errors[0]?.message.split('\n')[0]}`);
  const replace = (path: string[], value: unknown) => {
    doc.setIn(path, value);
    // A comment beside the old value described the old value.
    const node = doc.getIn(path, true);
    if (isScalar(node)) node.comment = undefined;
  };
  replace(['revision', 'number'], next.number);
  replace(['revision', 'date'], next.date);
  replace(['revision', 'summary'], REVISION_SUMMARY_PLACEHOLDER);
  replace(['draft'], true);
  doc.deleteIn(['modified']);
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${source.slice(m[0].length)}`;
}
