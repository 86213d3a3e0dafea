/** What changed between two revisions: the fields (compared as YAML) and the text (by line). */
import { diffLines } from 'diff';
import { stringify } from 'yaml';
import type { AdvisoryFront } from '../../schemas/advisory.ts';

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

export interface DiffPart {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

/** Fields whose change is expected in every revision and says nothing about the advisory. */
const BOOKKEEPING = new Set(['revision', 'modified', 'draft']);

function show(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : stringify(v).trim();
}

/** The top-level fields whose values differ between two revisions. */
export function changedFields(before: AdvisoryFront, after: AdvisoryFront): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !BOOKKEEPING.has(k)).sort();
  return keys.flatMap((k) => {
    const b = show((before as Record<string, unknown>)[k]);
    const a = show((after as Record<string, unknown>)[k]);
    const empty = (s?: string) => s === undefined || s === '[]' || s === '{}';
    if (b === a || (empty(b) && empty(a))) return [];
    return [{ field: k, before: empty(b) ? undefined : b, after: empty(a) ? undefined : a }];
  });
}

/** The body's changes, line by line. */
export function textDiff(before: string, after: string): DiffPart[] {
  return diffLines(before.trim() + '\n', after.trim() + '\n').map((p) => ({
    kind: p.added ? 'added' : p.removed ? 'removed' : 'same',
    text: p.value,
  }));
}
