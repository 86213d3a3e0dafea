/**
 * The checks an advisory needs beyond its schema: ID scheme, CVSS vectors, version ranges
 * against the release lines, derived dates, revision order, embargo rules, and IDs or aliases
 * used twice. Every problem is a finding with file, line, field and fix.
 */
import type { Site } from '../../schemas/site.ts';
import { hasTime, toInstant } from '../../schemas/common.ts';
import type { AdvisoryHistory } from './history.ts';
import { at, known, partsOf, type FrontParts, type ParsedRevision, type UnreadRevision } from './files.ts';
import type { YamlSource } from '../content/source.ts';
import { checkStatedScore, osvSeverityType, scoreCvss } from './cvss.ts';
import type { Finding } from '../content/findings.ts';
import { idSkeleton, templatePattern } from './ids.ts';
import { hasRegisteredPrefix, isOsvEcosystem } from './osv-registry.ts';
import { checkAffected, sortEvents, unreleasedFixes, type LineInput } from './ranges.ts';
import type { ReleaseLine } from '../policy/support.ts';

export interface AdvisoryContext {
  site: Site;
  lines: readonly ReleaseLine[];
  now: Date;
}

/** The release lines of one package, as the range module reads them. */
export function lineInputs(lines: readonly ReleaseLine[], pkg: string): LineInput[] {
  return lines.filter((l) => l.package === pkg).map(lineInput);
}

// One input per line, so ranges.ts reads each line once however many advisories are evaluated.
const inputs = new WeakMap<ReleaseLine, LineInput>();

/** A release line as ranges.ts reads it (the same object for the same line). */
function lineInput(l: ReleaseLine): LineInput {
  let input = inputs.get(l);
  if (!input) inputs.set(l, (input = { name: l.name, range: l.range, latest: l.latest, planned: l.planned.map((p) => p.version) }));
  return input;
}

/** Levenshtein distance, for "did you mean" on package names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

/** The checks of one file beyond its schema, on whichever of its parts are well-formed (see FrontParts). */
function checkRevision(parts: FrontParts, src: YamlSource, ctx: AdvisoryContext): Finding[] {
  const out: Finding[] = [];
  const f = parts.fields;
  const idRe = templatePattern(ctx.site.ids.template);
  if (f.id !== undefined && !idRe.test(f.id) && !hasRegisteredPrefix(f.id)) {
    out.push(at(src, ['id'], `"${f.id}" follows neither the project's template ${ctx.site.ids.template} nor a prefix registered with OSV (GHSA-, CVE-, GO-, PYSEC-, RUSTSEC-, ...)`, `name the advisory like ${ctx.site.ids.template.replace('{year}', '2026').replace(/\{seq(?::(\d))?\}/, (_m, w) => '1'.padStart(Number(w ?? 1), '0'))}, or keep the other database's ID as it is written there`));
  }

  const versionsSeen = new Set<string>();
  parts.severity.forEach((s, i) => {
    if (s === undefined) return;
    const scored = scoreCvss(s.score);
    if (!scored.ok) {
      out.push(at(src, ['severity', i, 'score'], scored.message, scored.fix));
      return;
    }
    const v = scored.value;
    if (osvSeverityType(v.version) !== s.type) {
      out.push(at(src, ['severity', i, 'type'], `is ${s.type} but the vector is CVSS ${v.version}`, `set type: ${osvSeverityType(v.version)}`));
    }
    if (versionsSeen.has(v.version)) out.push(at(src, ['severity', i, 'score'], `a second CVSS ${v.version} vector`, 'keep one vector per CVSS version'));
    versionsSeen.add(v.version);
    if (s.base_score !== undefined) {
      const problem = checkStatedScore(s.base_score, v);
      if (problem) out.push(at(src, ['severity', i, 'base_score'], problem, `set base_score: ${v.score.toFixed(1)}, or correct the vector`));
    }
  });

  const own = new Map(ctx.site.packages.map((p) => [`${p.ecosystem}/${p.name}`, p]));
  parts.affected.forEach((a, i) => {
    if (a === undefined) return;
    const key = `${a.package.ecosystem}/${a.package.name}`;
    // The project's own container images (ecosystem OCI) are named as site.yaml names them.
    if (!isOsvEcosystem(a.package.ecosystem) && !(a.package.ecosystem === 'OCI' && own.has(key))) {
      out.push(at(src, ['affected', i, 'package', 'ecosystem'], `"${a.package.ecosystem}" is not an ecosystem OSV knows`, 'use an OSV ecosystem name such as npm, crates.io, PyPI, Go or Maven (case matters)'));
      return;
    }
    if (!own.has(key)) {
      const near = ctx.site.packages.find((p) => p.ecosystem === a.package.ecosystem && distance(p.name, a.package.name) <= 2);
      if (near) {
        out.push(at(src, ['affected', i, 'package', 'name'], `"${a.package.name}" is not one of the project's packages`, `did you mean "${near.name}"? The project's packages are listed in site.yaml`));
        return;
      }
      const sameName = ctx.site.packages.find((p) => p.name === a.package.name);
      if (sameName) {
        out.push(at(src, ['affected', i, 'package', 'ecosystem'], `"${a.package.name}" is one of the project's packages, but in ${sameName.ecosystem}, not ${a.package.ecosystem}`, `write ecosystem: ${sameName.ecosystem} if it is the project's package; if it really is another ecosystem's, leave it`, 'warning'));
      }
      // Another project's package is listed as written, but its SEMVER ranges must still make sense
      // (in version order, as OSV evaluates them: other databases need not write them sorted).
      const semverOnly = { ranges: a.ranges.map((rg) => ({ type: rg.type, events: sortEvents(rg.events) })), versions: [] };
      for (const p of checkAffected(semverOnly)) out.push(at(src, ['affected', i, ...p.path], p.message, p.fix));
      return;
    }
    a.ranges.forEach((rg, j) => {
      if (rg.type !== 'SEMVER') out.push(at(src, ['affected', i, 'ranges', j, 'type'], `is ${rg.type}, but the project's own packages use SEMVER ranges`, 'set type: SEMVER and write versions as in releases.yaml'));
    });
    const spec = { ranges: a.ranges.map((rg) => ({ type: rg.type, events: rg.events })), versions: a.versions };
    const lines = lineInputs(ctx.lines, a.package.name);
    const problems = checkAffected(spec, { package: a.package.name, lines });
    for (const p of problems) out.push(at(src, ['affected', i, ...p.path], p.message, p.fix));
    if (problems.length) return;
    for (const p of unreleasedFixes(spec, lines)) out.push(at(src, ['affected', i, ...p.path], p.message, p.fix));
  });

  if (known(parts, 'withdrawn') && known(parts, 'withdrawn_reason') && (f.withdrawn === undefined) !== (f.withdrawn_reason === undefined)) {
    out.push(f.withdrawn === undefined
      ? at(src, ['withdrawn_reason'], 'is set but "withdrawn" is not', 'set withdrawn to the date of the revision that withdraws the advisory, or remove withdrawn_reason')
      : at(src, ['withdrawn'], 'is set without a "withdrawn_reason"', 'add withdrawn_reason: one sentence on why the advisory is withdrawn'));
  }

  const date = f.revision?.date;
  if (date !== undefined && f.draft === false && toInstant(date).getTime() > ctx.now.getTime()) {
    if (!hasTime(date)) {
      out.push(at(src, ['revision', 'date'], `publishes in the future (${date}) but gives only a day`, 'give an exact RFC 3339 time with offset, e.g. 2026-10-15T14:00:00Z, so the release moment is unambiguous'));
    }
    if (ctx.site.embargo.setup === 'public-repository') {
      out.push(at(src, ['revision', 'date'], `publishes in the future (${date}), but site.yaml says this content repository is public, so the text is already public`, 'keep embargoed work in a private fork and merge it at disclosure time with a date that has come (see docs/publishing.md), or change embargo.setup if this repository is private'));
    }
  }

  const t = f.timeline ?? {};
  const order = (['reported', 'acknowledged', 'first_fix_released', 'fix_released'] as const).filter((k) => t[k] !== undefined);
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1]!;
    const b = order[k]!;
    if (toInstant(t[b]!).getTime() < toInstant(t[a]!).getTime()) {
      out.push(at(src, ['timeline', b], `(${t[b]}) is before ${a} (${t[a]})`, `put the timeline in order: ${order.join(' <= ')}`));
    }
  }
  return out;
}

function checkHistory(h: AdvisoryHistory, parsed: Map<string, ParsedRevision>): Finding[] {
  const out: Finding[] = [];
  const srcOf = (file: string) => parsed.get(file)!.src;
  const revs = h.revisions;
  const newest = revs.filter((r) => r.newest);
  if (newest.length === 0) {
    const last = revs[revs.length - 1]!;
    out.push({ severity: 'error', file: last.file, message: `advisories/${h.id}.md, the newest revision, is missing`, fix: `restore it; earlier revisions in advisories/${h.id}/ are never edited` });
  }
  revs.forEach((r, i) => {
    if (i === 0 && r.number !== 1) out.push(at(srcOf(r.file), ['revision', 'number'], `the first revision of ${h.id} is number ${r.number}`, 'number the first revision 1'));
    const prev = revs[i - 1];
    if (!prev) return;
    if (r.number === prev.number) out.push(at(srcOf(r.file), ['revision', 'number'], `revision ${r.number} of ${h.id} exists twice (also ${prev.file})`, 'give each revision its own number'));
    else if (r.number !== prev.number + 1) out.push(at(srcOf(r.file), ['revision', 'number'], `revision numbers skip from ${prev.number} to ${r.number}`, `number it ${prev.number + 1}`));
    // A draft may have no date yet; only dates that are written are compared.
    if (r.date && prev.date && r.date.getTime() < prev.date.getTime()) out.push(at(srcOf(r.file), ['revision', 'date'], `revision ${r.number} publishes (${r.front.revision.date}) before revision ${prev.number} (${prev.front.revision.date})`, 'a later revision publishes on or after the one before it'));
  });
  const top = newest[0];
  if (top && revs[revs.length - 1] !== top) {
    out.push(at(srcOf(top.file), ['revision', 'number'], `is ${top.number}, lower than an earlier revision's file in advisories/${h.id}/`, `the newest file must carry the highest number: ${revs[revs.length - 1]!.number + 1}`));
  }
  const first = revs[0]!;
  const firstWithdrawn = revs.find((r) => r.front.withdrawn !== undefined);
  for (const r of revs) {
    const src = srcOf(r.file);
    const f = r.front;
    if (f.published !== undefined && first.date && toInstant(f.published).getTime() !== first.date.getTime()) {
      out.push(at(src, ['published'], `is ${f.published}, but revision 1 publishes on ${first.front.revision.date}`, `remove "published" (it is derived) or set it to ${first.front.revision.date}`));
    }
    if (f.modified !== undefined && r.date && toInstant(f.modified).getTime() !== r.date.getTime()) {
      const before = f.published !== undefined && toInstant(f.modified).getTime() < toInstant(f.published).getTime();
      out.push(at(src, ['modified'], before ? `(${f.modified}) is before published (${f.published})` : `is ${f.modified}, but this revision publishes on ${f.revision.date}`, `remove "modified" (it is derived) or set it to ${f.revision.date}`));
    }
    if (f.withdrawn !== undefined && firstWithdrawn?.date && toInstant(f.withdrawn).getTime() !== firstWithdrawn.date.getTime()) {
      out.push(at(src, ['withdrawn'], `is ${f.withdrawn}, but the advisory was withdrawn by revision ${firstWithdrawn.number} on ${firstWithdrawn.front.revision.date}`, `set withdrawn: ${firstWithdrawn.front.revision.date}`));
    }
  }
  return out;
}

/** Every advisory check across all revisions, histories and IDs; `unread` files (see readRevisions) get the checks their well-formed parts allow. */
export function checkAdvisories(parsed: readonly ParsedRevision[], histories: readonly AdvisoryHistory[], ctx: AdvisoryContext, failedIds: ReadonlySet<string> = new Set(), unread: readonly UnreadRevision[] = []): Finding[] {
  const byFile = new Map(parsed.map((p) => [p.revision.file, p]));
  const out = [...parsed.map((p) => ({ parts: partsOf(p.revision.front), src: p.src })), ...unread].flatMap((p) => checkRevision(p.parts, p.src, ctx));
  for (const h of histories) if (!failedIds.has(h.id)) out.push(...checkHistory(h, byFile));

  // IDs and aliases are addresses: each may lead to one advisory only, and none may read the same
  // as another (compared by confusable skeleton: case, 0/O, 1/l/I, rn/m).
  const owner = new Map<string, string>();
  const lookAlike = (a: string, b: string) => (a.toLowerCase() === b.toLowerCase() ? 'only in case' : 'only in look-alike characters (0/O, 1/l/I, rn/m, vv/w, cl/d)');
  for (const h of histories) {
    const key = idSkeleton(h.id);
    const other = owner.get(key);
    if (other) out.push({ severity: 'error', file: h.revisions[0]!.file, message: `the ID ${h.id} differs from ${other} ${lookAlike(h.id, other)}`, fix: 'use one spelling; addresses must not collide or read the same' });
    owner.set(key, h.id);
  }
  const aliasFindings = (id: string, aliases: readonly string[], src: YamlSource) =>
    aliases.forEach((alias, i) => {
      const other = owner.get(idSkeleton(alias));
      if (alias.toLowerCase() === id.toLowerCase()) out.push(at(src, ['aliases', i], `${alias} is the advisory's own ID`, 'remove it from aliases'));
      else if (idSkeleton(alias) === idSkeleton(id)) out.push(at(src, ['aliases', i], `${alias} differs from the advisory's own ID ${id} ${lookAlike(alias, id)}`, 'remove it from aliases, or write the other database\'s ID exactly'));
      else if (other && other !== id) {
        const taken = [other, ...histories.find((x) => x.id === other)!.revisions.flatMap((x) => x.front.aliases)].find((x) => idSkeleton(x) === idSkeleton(alias)) ?? other;
        const how = taken.toLowerCase() === alias.toLowerCase() ? '' : ` (it reads the same as ${taken}: it differs ${lookAlike(alias, taken)})`;
        out.push(at(src, ['aliases', i], `${alias} already leads to ${other}${how}`, `an ID or alias may belong to one advisory only; remove it here or there`));
      }
    });
  for (const h of histories) {
    for (const r of h.revisions) aliasFindings(h.id, r.front.aliases, byFile.get(r.file)!.src);
    for (const alias of new Set(h.revisions.flatMap((r) => r.front.aliases.map(idSkeleton)))) {
      if (!owner.has(alias)) owner.set(alias, h.id);
    }
  }
  // A file that made no revision is checked against the others too, so its clashes show in the same run.
  for (const { parts, src } of unread) {
    const id = parts.fields.id;
    if (id === undefined) continue;
    const other = owner.get(idSkeleton(id));
    if (other && other !== id) out.push({ severity: 'error', file: src.file, message: `the ID ${id} differs from ${other} ${lookAlike(id, other)}`, fix: 'use one spelling; addresses must not collide or read the same' });
    aliasFindings(id, parts.fields.aliases ?? [], src);
  }
  return out;
}
