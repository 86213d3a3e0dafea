/**
 * `bulletin.lock`: reading it (JSON syntax errors name their line), writing it (stable bytes, so
 * a pull request shows exactly what was sealed), and comparing it with the target branch's lock:
 * published seals unchanged, published addresses all still there. Pure.
 */
import { lockSchema, type Lock, type Seal } from '../../schemas/lock.ts';
import { normaliseSource } from '../advisory/history.ts';
import type { Finding } from '../content/findings.ts';
import { byCodeUnit } from '../common/order.ts';
import { parseYaml, zodFindings, type SourceFile } from '../content/source.ts';

/** A lock with nothing sealed: what a content folder without `bulletin.lock` has. */
export function emptyLock(): Lock {
  return { lockfile: 1, advisories: {}, announcements: {} };
}

function lineAtOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The line of a JSON.parse error: from its position, else from the text it quotes, else the last line. */
function jsonErrorLine(text: string, message: string): number {
  const at = /\(line (\d+) column \d+\)/.exec(message);
  if (at) return Number(at[1]);
  const position = /at position (\d+)/.exec(message);
  if (position) return lineAtOffset(text, Number(position[1]));
  // V8 quotes up to 10 characters either side of an unexpected token instead of a position.
  const quoted = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  const start = quoted?.[3] ? text.indexOf(quoted[3]) : -1;
  if (quoted && start >= 0) return lineAtOffset(text, start + (quoted[2] ? 10 : Math.max(0, (quoted[3] ?? '').indexOf(quoted[1] ?? ''))));
  return text.trimEnd().split('\n').length;
}

/** Reads `bulletin.lock`: JSON syntax errors name their line, schema errors their field. */
export function parseLock(src: SourceFile): { lock?: Lock; findings: Finding[] } {
  const recover = `restore it from git (git checkout -- ${src.file}), or delete it, then run npm run seal -- --all`;
  const problem = (line: number | undefined, message: string, fix = recover): { findings: Finding[] } => ({
    findings: [{ severity: 'error', file: src.file, line, message, fix }],
  });
  const text = normaliseSource(src.text);
  const conflict = /^(?:<{7}|={7}|>{7})(?: |$)/m.exec(text);
  if (conflict) {
    return problem(
      lineAtOffset(text, conflict.index),
      'the lock has unresolved merge conflict markers',
      `take the target branch's lock (git checkout main -- ${src.file}), then run npm run seal -- --all to seal this branch's revisions again`,
    );
  }
  if (!text.trim()) return problem(1, 'the lock is empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const what = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (?:\.\.\.)?".*$/s, '');
    return problem(jsonErrorLine(text, message), `the lock is not valid JSON: ${what}`);
  }
  // JSON is YAML 1.2, so the YAML parser gives every field its line for schema findings.
  const positions = parseYaml({ file: src.file, text });
  const result = lockSchema.safeParse(data, { reportInput: true });
  if (!result.success) return { findings: zodFindings(positions, result.error) };
  return { lock: result.data, findings: [] };
}


function sortedSeal(s: Seal): Seal {
  return { sha256: s.sha256, published: s.published, addresses: [...s.addresses] };
}

/** The lock as bytes: keys sorted (revision numbers numerically), 2-space indent, final newline. */
export function serializeLock(lock: Lock): string {
  const advisories = Object.fromEntries(
    Object.keys(lock.advisories)
      .sort(byCodeUnit)
      .map((id) => {
        const revisions = lock.advisories[id] ?? {};
        const numbers = Object.keys(revisions).sort((a, b) => Number(a) - Number(b));
        return [id, Object.fromEntries(numbers.map((n) => [n, sortedSeal(revisions[n] as Seal)]))];
      }),
  );
  const announcements = Object.fromEntries(
    Object.keys(lock.announcements)
      .sort(byCodeUnit)
      .map((slug) => [slug, sortedSeal(lock.announcements[slug] as Seal)]),
  );
  return `${JSON.stringify({ lockfile: 1, advisories, announcements }, null, 2)}\n`;
}


export function sealTime(s: Seal): number {
  return Date.parse(s.published);
}

/** Whether a seal's publication time has come. */
export function isSealPublished(s: Seal, now: Date): boolean {
  return sealTime(s) <= now.getTime();
}


/** `2026-05-04`, or `2026-05-04T14:00:00Z` when the time of day matters. */
export function when(published: string): string {
  return published.endsWith('T00:00:00Z') ? published.slice(0, 10) : published;
}


interface LockEntry {
  /** `revision 2 of EXA-2026-0001`, `announcement 2026-05-lanternfish-0-12-4`. */
  label: string;
  /** The entry's path in the lock (`advisories.EXA-2026-0001.2`). */
  field: string;
  /** The advisory ID, for revisions. */
  id?: string;
  seal: Seal;
}

function entriesOf(lock: Lock): LockEntry[] {
  const revisions = Object.keys(lock.advisories)
    .sort(byCodeUnit)
    .flatMap((id) =>
      Object.entries(lock.advisories[id] ?? {}).map(([n, seal]) => ({ label: `revision ${n} of ${id}`, field: `advisories.${id}.${n}`, id, seal })),
    );
  const announcements = Object.keys(lock.announcements)
    .sort(byCodeUnit)
    .map((slug) => ({ label: `announcement ${slug}`, field: `announcements.${slug}`, seal: lock.announcements[slug] as Seal }));
  return [...revisions, ...announcements];
}

/** Compares the lock with the target branch's: published seals unchanged, published addresses all still there. */
export function checkAgainst(current: Lock, target: Lock, now: Date, lockFile: string): Finding[] {
  const findings: Finding[] = [];
  const currentEntries = entriesOf(current);
  const byField = new Map(currentEntries.map((e) => [e.field, e.seal]));
  const present = new Set(currentEntries.flatMap((e) => e.seal.addresses));
  const reported = new Set<string>();
  for (const e of entriesOf(target)) {
    if (!isSealPublished(e.seal, now)) continue;
    const seal = byField.get(e.field);
    const instead = e.id
      ? `publish the change as a new revision instead (npm run revise -- ${e.id}, edit it, npm run seal -- ${e.id})`
      : 'publish a new announcement instead';
    // A published seal may gain addresses (a new export), never lose one; its hash and time never change.
    if (!seal || seal.sha256 !== e.seal.sha256 || sealTime(seal) !== sealTime(e.seal)) {
      findings.push({
        severity: 'error',
        file: lockFile,
        field: e.field,
        message: `the published seal of ${e.label} ${seal ? 'changed' : 'is gone'} (published on ${when(e.seal.published)})`,
        fix: `published texts are immutable: restore its file and its entry in ${lockFile} as they are on the target branch, and ${instead}`,
      });
    }
    for (const address of e.seal.addresses) {
      if ((seal?.addresses.includes(address) ?? present.has(address)) || reported.has(address)) continue;
      reported.add(address);
      findings.push({
        severity: 'error',
        file: lockFile,
        field: `${e.field}.addresses`,
        message: `published address ${address} disappeared (published by ${e.label} on ${when(e.seal.published)})`,
        fix: `published addresses never disappear: restore the alias or revision that published it, and its entry in ${lockFile}`,
      });
    }
  }
  return findings;
}


export interface SealResult {
  /** The new lock (the input lock is not changed). */
  lock: Lock;
  /** What was sealed or sealed again: `EXA-2026-0001 revision 2`. */
  sealed: string[];
  /** Stale seals removed: unpublished revisions that became drafts or lost their file. */
  removed: string[];
  /** What seal would not do, with why and what to do instead. */
  refused: Finding[];
}

/** Whether two seals are identical: hash, time and addresses. */
export function sameSeal(a: Seal, b: Seal): boolean {
  return a.sha256 === b.sha256 && a.published === b.published && a.addresses.join('\n') === b.addresses.join('\n');
}

/** The addresses a published seal may take on: the old ones, in order, then any new ones (append-only). */
export function grownAddresses(old: Seal, fresh: Seal): string[] {
  return [...old.addresses, ...fresh.addresses.filter((a) => !old.addresses.includes(a))];
}

/** Where the lock's advisories folder is, for messages about missing files (`content/advisories/`). */
export function advisoriesFolder(lockFile: string): string {
  const slash = lockFile.lastIndexOf('/');
  return `${slash >= 0 ? lockFile.slice(0, slash + 1) : ''}advisories/`;
}
