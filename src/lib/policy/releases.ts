/** Release lines from releases.yaml to the domain type, with the cross-file checks they need. */
import semver from 'semver';
import type { ReleaseLineInput } from '../../schemas/releases.ts';
import type { Site } from '../../schemas/site.ts';
import { toInstant } from '../../schemas/common.ts';
import type { Finding } from '../content/findings.ts';
import type { YamlSource } from '../content/source.ts';
import type { ReleaseLine } from './support.ts';
import { defaultLineRange } from '../advisory/ranges.ts';

/** The SEMVER range a line name covers by default, or undefined when the name is not version-like. */
export function defaultRangeOf(name: string): string | undefined {
  try {
    return defaultLineRange(name);
  } catch {
    return undefined;
  }
}

/** For each package, where its "latest N lines, no exceptions" policy is written (`site.yaml support`), or undefined. */
export function noExceptionsOf(site: Site, siteFile: string): (pkg: string) => string | undefined {
  return (pkg) => {
    const i = site.packages.findIndex((p) => p.name === pkg);
    const own = site.packages[i]?.support;
    const s = own ?? site.support;
    if (!s?.no_exceptions) return undefined;
    return `${siteFile} ${own ? `packages[${i}].support` : 'support'}`;
  };
}

/** Converts a validated line to the domain type. */
export function toReleaseLine(l: ReleaseLineInput): ReleaseLine {
  return {
    package: l.package,
    name: l.name,
    released: toInstant(l.released),
    latest: l.latest,
    range: l.range ?? defaultRangeOf(l.name) ?? '',
    eol: l.eol ? toInstant(l.eol) : undefined,
    planned: l.planned.map((p) => ({ version: p.version, date: p.date ? toInstant(p.date) : undefined })),
  };
}

/** The release a version belongs to: 2.0.0-rc.1 belongs to line "2" as 2.0.0 does. */
function releaseOf(version: string): string {
  const v = semver.parse(version);
  return v ? `${v.major}.${v.minor}.${v.patch}` : version;
}

/**
 * Checks lines against each other and the site's packages: unknown package, duplicates, versions,
 * ranges, date order, and an end date under a support policy that allows none (`noExceptions`
 * names where that policy was written, for each package it covers).
 */
export function checkReleaseLines(lines: ReleaseLineInput[], packages: string[], src: YamlSource, noExceptions: (pkg: string) => string | undefined = () => undefined): Finding[] {
  const findings: Finding[] = [];
  const at = (i: number, key: string, message: string, fix: string): Finding => ({
    severity: 'error',
    file: src.file,
    line: src.lineOf(['lines', i, key]),
    field: `lines[${i}].${key}`,
    message,
    fix,
  });
  const seen = new Map<string, number>();
  lines.forEach((l, i) => {
    if (!packages.includes(l.package)) {
      findings.push(at(i, 'package', `names the package "${l.package}", which site.yaml does not list`, `use one of: ${packages.map((p) => `"${p}"`).join(', ')}, or add the package to site.yaml "packages"`));
    }
    const key = `${l.package}@${l.name}`;
    const first = seen.get(key);
    if (first !== undefined) {
      findings.push(at(i, 'name', `line "${l.name}" of ${l.package} is listed twice (first at line ${src.lineOf(['lines', first, 'name'])})`, 'keep one entry per line and merge their fields'));
    } else seen.set(key, i);
    const range = l.range ?? defaultRangeOf(l.name);
    if (range === undefined) {
      findings.push(at(i, 'name', `"${l.name}" is not a version-like line name, so its SEMVER range cannot be guessed`, 'add a "range" field, e.g. range: ">=2.1.0 <2.2.0"'));
    } else if (semver.validRange(range) === null) {
      findings.push(at(i, 'range', `"${range}" is not a valid SEMVER range`, 'write it as ">=0.12.0 <0.13.0"'));
    }
    if (semver.valid(l.latest) === null) {
      findings.push(at(i, 'latest', `"${l.latest}" is not a valid SEMVER version`, 'write the full version, e.g. 0.12.4'));
    } else if (range && semver.validRange(range) && !semver.satisfies(releaseOf(l.latest), range)) {
      findings.push(at(i, 'latest', `${l.latest} is outside the line's range ${range}`, `give the newest release of line ${l.name}, or correct "range"`));
    }
    const strict = l.eol ? noExceptions(l.package) : undefined;
    if (l.eol && strict) {
      findings.push(at(i, 'eol', `line "${l.name}" of ${l.package} has its own end date, but ${strict} says only the latest lines are supported, with no exceptions`, `remove "eol" (the rule ends the line), or in site.yaml remove no_exceptions and write own_end_dates: true`));
    }
    if (l.eol && l.eol < l.released) {
      findings.push(at(i, 'eol', `support ends (${l.eol}) before the line is released (${l.released})`, 'put "eol" on or after "released"'));
    }
    l.planned.forEach((p, j) => {
      const where = (message: string, fix: string): Finding => ({
        severity: 'error',
        file: src.file,
        line: src.lineOf(['lines', i, 'planned', j, 'version']),
        field: `lines[${i}].planned[${j}].version`,
        message,
        fix,
      });
      if (semver.valid(p.version) === null) findings.push(where(`"${p.version}" is not a valid SEMVER version`, 'write the full version, e.g. 0.12.5'));
      else if (semver.valid(l.latest) && semver.lte(p.version, l.latest)) findings.push(where(`planned ${p.version} is not newer than the latest release ${l.latest}`, `remove it from "planned" once it has shipped (it is now "latest")`));
      if (p.date && p.date < l.released) {
        findings.push({ ...where(`planned for ${p.date}, before the line's release (${l.released})`, 'put the planned date on or after "released"'), field: `lines[${i}].planned[${j}].date`, line: src.lineOf(['lines', i, 'planned', j, 'date']) });
      }
    });
  });
  return findings;
}
