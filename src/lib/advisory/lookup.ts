/**
 * "Am I affected?" for one version a reader types: per package, the line it falls in, the
 * published advisories that affect it, the release of the same line to move to, and whether the
 * line still gets fixes. Answers from the prebuilt index (`lookup.json`, built by
 * `lookupIndex` in src/lib/publication/lookup-index.ts) with the build's own range function
 * (`isAffected`, OSV's evaluation), so the browser and the build decide alike.
 *
 * Bundled into the browser as it is (src/components/VersionLookup.astro): no Node.js import, no
 * DOM, nothing but ranges.ts and semver.
 */
import compare from 'semver/functions/compare.js';
import { isAffected, lineOfVersion, readTypedVersion, type AffectedSpec } from './ranges.ts';

/** Support status, as the policy model names it. */
export type LookupStatus = 'supported' | 'ending-soon' | 'end-of-life' | 'not-stated';

/** A released line of a package. */
export interface LookupLine {
  name: string;
  /** The SEMVER range the line covers. */
  range: string;
  latest: string;
  status: LookupStatus;
  /** "Supported", "Ending soon", "End of life". */
  statusText: string;
  /** "until 2026-09-30", "ended 2026-01-20", ... */
  endText: string;
  /** Site-relative address of the line's page. */
  address: string;
}

/** A published, not withdrawn advisory as it touches one package. */
export interface LookupAdvisory {
  id: string;
  title: string;
  /** "Critical 9.8", "Not rated". */
  ratingText: string;
  /** Site-relative address of its page. */
  address: string;
  /** Its SEMVER ranges and listed versions for this package. */
  affected: AffectedSpec;
  /** Per line of the package that it affects: the release of that line that fixes it, if any. */
  fixes: Record<string, { fixedIn?: string; planned: boolean }>;
}

export interface LookupPackage {
  name: string;
  ecosystem: string;
  /** Released lines, newest first. */
  lines: LookupLine[];
  advisories: LookupAdvisory[];
}

/** lookup.json. */
export interface LookupIndex {
  packages: LookupPackage[];
}

/** One advisory that affects the version, with the fix on its line. */
export interface LookupHit {
  id: string;
  title: string;
  ratingText: string;
  address: string;
  /** The release of the version's line that fixes it, where there is one. */
  fixedIn?: string;
  planned: boolean;
}

/** The answer for one package. */
export interface PackageAnswer {
  package: string;
  /** The line the version falls in, where the site lists it. */
  line?: LookupLine;
  affected: boolean;
  hits: LookupHit[];
  /** The one release of the same line that fixes every hit, where there is one. */
  upgradeTo?: string;
  /** Whether that release is still to come (an embargoed fix). */
  upgradePlanned: boolean;
  /** What to do, in one sentence. */
  advice: string;
}

export type LookupAnswer = { ok: false; message: string } | { ok: true; version: string; packages: PackageAnswer[] };

/** The answer for one package. */
function answerFor(pkg: LookupPackage, version: string): PackageAnswer {
  const lineName = lineOfVersion(version, pkg.lines);
  const line = pkg.lines.find((l) => l.name === lineName);
  const hits: LookupHit[] = pkg.advisories
    .filter((a) => isAffected(version, a.affected))
    .map((a) => {
      const fix = lineName === undefined ? undefined : a.fixes[lineName];
      return { id: a.id, title: a.title, ratingText: a.ratingText, address: a.address, fixedIn: fix?.fixedIn, planned: fix?.planned ?? false };
    });
  const fixes = hits.map((h) => h.fixedIn);
  const allFixed = hits.length > 0 && fixes.every((f) => f !== undefined);
  const upgradeTo = allFixed ? (fixes as string[]).reduce((a, b) => (compare(a, b) >= 0 ? a : b)) : undefined;
  const upgradePlanned = upgradeTo !== undefined && hits.some((h) => h.fixedIn === upgradeTo && h.planned);
  const eol = line?.status === 'end-of-life';
  const supported = pkg.lines.filter((l) => l.status === 'supported' || l.status === 'ending-soon').map((l) => l.name);
  // Where the project states no support policy for the line, say nothing about its fixes (nothing invented).
  const fixesSentence = (l: LookupLine) => (l.status === 'not-stated' ? '' : ` Line ${l.name} gets security fixes: ${l.statusText.toLowerCase()}, ${l.endText}.`);
  const moveTo = supported.length ? ` (${supported.join(', ')})` : '';
  let advice: string;
  if (line === undefined) {
    advice = hits.length
      ? `Affected. ${version} is in no release line of ${pkg.name} this site lists: move to a supported line${moveTo}.`
      : `Not affected by any published advisory, but ${version} is in no release line of ${pkg.name} this site lists.`;
  } else if (hits.length === 0) {
    advice = eol
      ? `Not affected by any published advisory, but line ${line.name} is past end of life and gets no more security fixes: move to a supported line${moveTo}.`
      : `Not affected by any published advisory.${fixesSentence(line)}`;
  } else if (upgradeTo !== undefined) {
    advice = `Affected. Upgrade to ${upgradeTo}${upgradePlanned ? ' (an upcoming release)' : ''}, on the same line.${eol ? ` Line ${line.name} is past end of life: move to a supported line${moveTo} as well.` : ''}`;
  } else if (eol) {
    advice = `Affected, with no fix on line ${line.name}: it is past end of life and gets no more security fixes. Move to a supported line${moveTo}.`;
  } else {
    advice = `Affected, with no fix on line ${line.name} yet.${fixesSentence(line)}`;
  }
  return { package: pkg.name, line, affected: hits.length > 0, hits, upgradeTo, upgradePlanned, advice };
}

/** Answers "am I affected?" for a typed version ("0.11.4", "v0.11.4"), per package of the index. */
export function lookUp(index: LookupIndex, typed: string): LookupAnswer {
  const version = readTypedVersion(typed);
  if (version === null) {
    const shown = typed.trim().slice(0, 40);
    return { ok: false, message: `"${shown}" is not a version: write it in full, as in 0.11.4 or v0.11.4.` };
  }
  return { ok: true, version, packages: index.packages.map((p) => answerFor(p, version)) };
}
