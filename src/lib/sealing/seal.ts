/**
 * The seal (SPEC "The life of an advisory"): `bulletin.lock` records, per advisory and revision
 * number (and per announcement), the sha256 of the source, its publication time and its
 * addresses. A sealed revision whose time has come is published: `seal` refuses to touch it,
 * `check` fails when its text or seal changed or one of its addresses disappeared, and the way
 * out is always a new revision. This module seals advisory revisions and opens new ones
 * (`reviseSource`); the lock file itself is in lock.ts, announcements in announcement-seal.ts.
 * Pure: texts, the lock and "now" come in as parameters.
 */
import { isScalar, parseDocument } from 'yaml';
import type { Lock, Seal } from '../../schemas/lock.ts';
import { normaliseSource, type AdvisoryHistory, type Revision } from '../advisory/history.ts';
import { lockAddress } from '../publication/paths.ts';
import { revisionOutputs } from '../publication/plan.ts';
import { formatDate, formatDateTime } from '../common/dates.ts';
import type { Finding } from '../content/findings.ts';
import { isPublished } from '../publication/publication.ts';
import { byCodeUnit } from '../common/order.ts';
import { advisoriesFolder, emptyLock, grownAddresses, isSealPublished, sameSeal, when, type SealResult } from './lock.ts';

/** The summary a freshly opened revision carries until the maintainer writes one. */
export const REVISION_SUMMARY_PLACEHOLDER = 'Describe what changed in this revision.';

/** The seal a revision gets: its hash, its publication time in UTC, its addresses. */
export function sealOf(r: Revision): Seal {
  return { sha256: r.sha256, published: formatDateTime(r.date), addresses: revisionOutputs(r).map((o) => lockAddress(o.address)) };
}

/** A revision is immutable once it is published, by its own date or by the date it was sealed with. */
function isFrozen(r: Revision, seal: Seal | undefined, now: Date): boolean {
  return isPublished(r, now) || (seal !== undefined && isSealPublished(seal, now));
}


function alteredPublished(r: Revision, seal: Seal): Finding {
  const restore = `restore the published text (git checkout -- ${r.file}, or take the file from the main branch if the change is committed)`;
  return {
    severity: 'error',
    file: r.file,
    message: `revision ${r.number} of ${r.id} was published on ${when(seal.published)} and is immutable, but this file no longer matches its seal`,
    fix: r.newest
      ? `${restore}, then publish the change as a new revision: run npm run revise -- ${r.id} and edit the new revision`
      : `${restore}: earlier revisions are never edited. To correct the advisory, edit its newest revision if it is a draft, else run npm run revise -- ${r.id} and edit the new one`,
  };
}

function missingFile(id: string, n: number, seal: Seal, history: AdvisoryHistory | undefined, lockFile: string, now: Date): Finding {
  const folder = advisoriesFolder(lockFile);
  const later = history?.revisions.some((r) => r.number > n) ?? false;
  const file = later ? `${folder}${id}/v${n}.md` : `${folder}${id}.md`;
  const field = `advisories.${id}.${n}`;
  if (isSealPublished(seal, now)) {
    return {
      severity: 'error',
      file: lockFile,
      field,
      message: `revision ${n} of ${id} was published on ${when(seal.published)}, but its file is gone`,
      fix: `restore ${file} from git: published revisions are never removed. To retract the advisory, publish a revision that withdraws it (npm run revise -- ${id}, then set withdrawn and withdrawn_reason)`,
    };
  }
  return {
    severity: 'warning',
    file: lockFile,
    field,
    message: `the lock holds a seal for revision ${n} of ${id}, which has no file and is not published`,
    fix: `run: npm run seal -- ${id} to tidy the lock`,
  };
}

/**
 * Checks every revision against the lock: non-drafts sealed, seals matching, published revisions
 * present. `failedIds` (from readRevisions) are advisories with a file that could not be read:
 * their seals are not reported as orphaned, since the file's own findings say what is wrong.
 */
export function checkSeals(histories: readonly AdvisoryHistory[], lock: Lock, lockFile: string, now: Date, failedIds: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = [];
  for (const h of histories) {
    const seals = lock.advisories[h.id] ?? {};
    for (const r of h.revisions) {
      const seal = seals[String(r.number)];
      if (r.draft) {
        // A draft is never sealed; only a seal already published makes its number untouchable.
        if (seal && isSealPublished(seal, now) && seal.sha256 !== r.sha256) findings.push(alteredPublished(r, seal));
        continue;
      }
      if (!seal) {
        findings.push({ severity: 'error', file: r.file, message: `revision ${r.number} of ${r.id} is not sealed`, fix: `run: npm run seal -- ${r.id}, and commit ${lockFile} with it` });
      } else if (seal.sha256 === r.sha256 && grownAddresses(seal, sealOf(r)).length !== seal.addresses.length) {
        const missing = sealOf(r).addresses.filter((a) => !seal.addresses.includes(a));
        findings.push({
          severity: 'error',
          file: lockFile,
          field: `advisories.${r.id}.${r.number}.addresses`,
          message: `the seal of revision ${r.number} of ${r.id} does not record ${missing.join(', ')}, which it publishes`,
          fix: `run: npm run seal -- ${r.id} (it adds the addresses and leaves the hash and time as they are), and commit ${lockFile}`,
        });
      } else if (seal.sha256 !== r.sha256) {
        if (isFrozen(r, seal, now)) findings.push(alteredPublished(r, seal));
        else {
          findings.push({
            severity: 'error',
            file: r.file,
            message: `revision ${r.number} of ${r.id} changed since it was sealed`,
            fix: `run: npm run seal -- ${r.id} again`,
          });
        }
      }
    }
  }
  const byId = new Map(histories.map((h) => [h.id, h]));
  for (const id of Object.keys(lock.advisories).sort(byCodeUnit)) {
    if (failedIds.has(id)) continue;
    const history = byId.get(id);
    const numbers = new Set(history?.revisions.map((r) => r.number));
    for (const [n, seal] of Object.entries(lock.advisories[id] ?? {})) {
      if (!numbers.has(Number(n))) findings.push(missingFile(id, Number(n), seal, history, lockFile, now));
    }
  }
  return findings;
}

function unknownAdvisory(id: string, known: readonly string[], lockFile: string): Finding {
  const twin = known.find((k) => k.toLowerCase() === id.toLowerCase());
  return {
    severity: 'error',
    file: `${advisoriesFolder(lockFile)}${id}.md`,
    message: `there is no advisory ${id}`,
    fix: twin
      ? `did you mean ${twin}? IDs keep their exact case: npm run seal -- ${twin}`
      : `give the ID of an advisory (its file name without .md), or --all to seal every advisory`,
  };
}

/** Seals every non-draft revision of the named advisories, refusing to change a published seal. */
export function sealRevisions(
  histories: readonly AdvisoryHistory[],
  lock: Lock,
  ids: readonly string[] | 'all',
  now: Date,
  lockFile = 'content/bulletin.lock',
): SealResult {
  const next: Lock = structuredClone(lock);
  const result: SealResult = { lock: next, sealed: [], removed: [], refused: [] };
  const byId = new Map(histories.map((h) => [h.id, h]));
  const wanted = ids === 'all' ? [...new Set([...byId.keys(), ...Object.keys(lock.advisories)])].sort(byCodeUnit) : [...new Set(ids)];
  for (const id of wanted) {
    const history = byId.get(id);
    const seals = { ...(next.advisories[id] ?? {}) };
    if (!history && !next.advisories[id]) {
      result.refused.push(unknownAdvisory(id, [...byId.keys()], lockFile));
      continue;
    }
    const numbers = new Set<string>();
    for (const r of history?.revisions ?? []) {
      const n = String(r.number);
      numbers.add(n);
      const old = seals[n];
      if (r.draft) {
        if (old && isSealPublished(old, now)) {
          if (old.sha256 !== r.sha256) result.refused.push(alteredPublished(r, old));
        } else if (old) {
          delete seals[n];
          result.removed.push(`${id} revision ${n} (now a draft)`);
        }
        continue;
      }
      const fresh = sealOf(r);
      if (old && sameSeal(old, fresh)) continue;
      if (old && isFrozen(r, old, now)) {
        // Published: the hash and time stay as they are; a different text is a mistake to undo, not to seal.
        if (old.sha256 !== fresh.sha256) result.refused.push(alteredPublished(r, old));
        else {
          // New outputs (exports) add their addresses; an address once published is never dropped.
          const addresses = grownAddresses(old, fresh);
          if (addresses.length !== old.addresses.length) {
            seals[n] = { ...old, addresses };
            result.sealed.push(`${id} revision ${n} (new addresses only)`);
          }
        }
        continue;
      }
      seals[n] = fresh;
      result.sealed.push(`${id} revision ${n}`);
    }
    for (const [n, old] of Object.entries(seals)) {
      if (numbers.has(n)) continue;
      if (isSealPublished(old, now)) result.refused.push(missingFile(id, Number(n), old, history, lockFile, now));
      else {
        delete seals[n];
        result.removed.push(`${id} revision ${n} (its file is gone)`);
      }
    }
    if (Object.keys(seals).length) next.advisories[id] = seals;
    else delete next.advisories[id];
  }
  return result;
}

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
