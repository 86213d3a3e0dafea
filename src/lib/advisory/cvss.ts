/**
 * CVSS vectors: strict validation, then scoring with ae-cvss-calculator.
 *
 * The calculator scores a malformed vector as 0 (or keeps the last of two duplicate metrics)
 * instead of rejecting it, so every vector is checked here against the specification's
 * metric tables first: CVSS v3.0 and v3.1 (Table 15 of the v3.1 specification) and CVSS v4.0
 * (Table 23 of the v4.0 specification).
 */
import * as calculatorModule from 'ae-cvss-calculator';

export type CvssVersion = '3.0' | '3.1' | '4.0';
export type Rating = 'none' | 'low' | 'medium' | 'high' | 'critical';

/** One metric of a vector, with its name and value in words. */
export interface CvssMetric {
  /** Abbreviated metric name, as in the vector (`AV`). */
  key: string;
  /** Metric name in words (`Attack Vector`). */
  name: string;
  /** Abbreviated value, as in the vector (`N`). */
  value: string;
  /** Value in words (`Network`). */
  valueName: string;
}

/** A validated vector and its score. */
export interface CvssScore {
  version: CvssVersion;
  /** The vector exactly as written. */
  vector: string;
  /**
   * One decimal, 0.0 to 10.0. For 3.x the base score; for 4.0 the score of the whole vector
   * (CVSS-B, -BT, -BE or -BTE, depending on which optional metrics it holds).
   */
  score: number;
  rating: Rating;
  /** The metrics present in the vector, in the specification's order. */
  metrics: CvssMetric[];
}

export type CvssParse = { ok: true; value: CvssScore } | { ok: false; message: string; fix: string };

type Calculator = typeof calculatorModule;
// ae-cvss-calculator ships a UMD bundle. Node sees it as CommonJS and offers only a default
// export (`import { Cvss3P1 }` fails to link), while its type declarations describe named
// exports. Take the default export when there is one, the namespace otherwise (bundlers).
const calculator: Calculator =
  (calculatorModule as unknown as { default?: Calculator }).default ?? calculatorModule;

type MetricGroup = 'base' | 'threat' | 'environmental' | 'supplemental';

interface MetricDefinition {
  readonly key: string;
  readonly name: string;
  readonly group: MetricGroup;
  /** Allowed values, abbreviation to words, in the specification's order. */
  readonly values: Readonly<Record<string, string>>;
}

interface VersionRules {
  readonly version: CvssVersion;
  /** Metrics a vector may hold, in the specification's order. */
  readonly metrics: readonly MetricDefinition[];
  /** Whether the metrics must appear in the specification's order. */
  readonly ordered: boolean;
  /** Metrics the specification defines but Bulletin does not accept, key to name. */
  readonly refused: Readonly<Record<string, string>>;
  readonly calculatorUrl: string;
}

function metric(key: string, name: string, group: MetricGroup, values: Record<string, string>): MetricDefinition {
  return { key, name, group, values };
}

const NOT_DEFINED = { X: 'Not Defined' };
const HLN = { H: 'High', L: 'Low', N: 'None' };

function v3Metrics(adjacent: string): MetricDefinition[] {
  return [
    metric('AV', 'Attack Vector', 'base', { N: 'Network', A: adjacent, L: 'Local', P: 'Physical' }),
    metric('AC', 'Attack Complexity', 'base', { L: 'Low', H: 'High' }),
    metric('PR', 'Privileges Required', 'base', { N: 'None', L: 'Low', H: 'High' }),
    metric('UI', 'User Interaction', 'base', { N: 'None', R: 'Required' }),
    metric('S', 'Scope', 'base', { U: 'Unchanged', C: 'Changed' }),
    metric('C', 'Confidentiality', 'base', HLN),
    metric('I', 'Integrity', 'base', HLN),
    metric('A', 'Availability', 'base', HLN),
  ];
}

// An advisory states a base score; CVSS 3.x temporal and environmental metrics describe one
// moment or one user's environment, and would make the vector disagree with that score.
const V3_TEMPORAL_AND_ENVIRONMENTAL: Record<string, string> = {
  E: 'Exploit Code Maturity',
  RL: 'Remediation Level',
  RC: 'Report Confidence',
  CR: 'Confidentiality Requirement',
  IR: 'Integrity Requirement',
  AR: 'Availability Requirement',
  MAV: 'Modified Attack Vector',
  MAC: 'Modified Attack Complexity',
  MPR: 'Modified Privileges Required',
  MUI: 'Modified User Interaction',
  MS: 'Modified Scope',
  MC: 'Modified Confidentiality',
  MI: 'Modified Integrity',
  MA: 'Modified Availability',
};

const REQUIREMENT = { ...NOT_DEFINED, H: 'High', M: 'Medium', L: 'Low' };
const MODIFIED_HLN = { ...NOT_DEFINED, ...HLN };
const MODIFIED_SUBSEQUENT = { ...NOT_DEFINED, H: 'High', L: 'Low', N: 'Negligible' };
const MODIFIED_SUBSEQUENT_SAFETY = { ...NOT_DEFINED, S: 'Safety', H: 'High', L: 'Low', N: 'Negligible' };

const V4_METRICS: MetricDefinition[] = [
  metric('AV', 'Attack Vector', 'base', { N: 'Network', A: 'Adjacent', L: 'Local', P: 'Physical' }),
  metric('AC', 'Attack Complexity', 'base', { L: 'Low', H: 'High' }),
  metric('AT', 'Attack Requirements', 'base', { N: 'None', P: 'Present' }),
  metric('PR', 'Privileges Required', 'base', { N: 'None', L: 'Low', H: 'High' }),
  metric('UI', 'User Interaction', 'base', { N: 'None', P: 'Passive', A: 'Active' }),
  metric('VC', 'Vulnerable System Confidentiality Impact', 'base', HLN),
  metric('VI', 'Vulnerable System Integrity Impact', 'base', HLN),
  metric('VA', 'Vulnerable System Availability Impact', 'base', HLN),
  metric('SC', 'Subsequent System Confidentiality Impact', 'base', HLN),
  metric('SI', 'Subsequent System Integrity Impact', 'base', HLN),
  metric('SA', 'Subsequent System Availability Impact', 'base', HLN),
  metric('E', 'Exploit Maturity', 'threat', { ...NOT_DEFINED, A: 'Attacked', P: 'Proof-of-Concept', U: 'Unreported' }),
  metric('CR', 'Confidentiality Requirement', 'environmental', REQUIREMENT),
  metric('IR', 'Integrity Requirement', 'environmental', REQUIREMENT),
  metric('AR', 'Availability Requirement', 'environmental', REQUIREMENT),
  metric('MAV', 'Modified Attack Vector', 'environmental', { ...NOT_DEFINED, N: 'Network', A: 'Adjacent', L: 'Local', P: 'Physical' }),
  metric('MAC', 'Modified Attack Complexity', 'environmental', { ...NOT_DEFINED, L: 'Low', H: 'High' }),
  metric('MAT', 'Modified Attack Requirements', 'environmental', { ...NOT_DEFINED, N: 'None', P: 'Present' }),
  metric('MPR', 'Modified Privileges Required', 'environmental', { ...NOT_DEFINED, N: 'None', L: 'Low', H: 'High' }),
  metric('MUI', 'Modified User Interaction', 'environmental', { ...NOT_DEFINED, N: 'None', P: 'Passive', A: 'Active' }),
  metric('MVC', 'Modified Vulnerable System Confidentiality Impact', 'environmental', MODIFIED_HLN),
  metric('MVI', 'Modified Vulnerable System Integrity Impact', 'environmental', MODIFIED_HLN),
  metric('MVA', 'Modified Vulnerable System Availability Impact', 'environmental', MODIFIED_HLN),
  metric('MSC', 'Modified Subsequent System Confidentiality Impact', 'environmental', MODIFIED_SUBSEQUENT),
  metric('MSI', 'Modified Subsequent System Integrity Impact', 'environmental', MODIFIED_SUBSEQUENT_SAFETY),
  metric('MSA', 'Modified Subsequent System Availability Impact', 'environmental', MODIFIED_SUBSEQUENT_SAFETY),
  metric('S', 'Safety', 'supplemental', { ...NOT_DEFINED, N: 'Negligible', P: 'Present' }),
  metric('AU', 'Automatable', 'supplemental', { ...NOT_DEFINED, N: 'No', Y: 'Yes' }),
  metric('R', 'Recovery', 'supplemental', { ...NOT_DEFINED, A: 'Automatic', U: 'User', I: 'Irrecoverable' }),
  metric('V', 'Value Density', 'supplemental', { ...NOT_DEFINED, D: 'Diffuse', C: 'Concentrated' }),
  metric('RE', 'Vulnerability Response Effort', 'supplemental', { ...NOT_DEFINED, L: 'Low', M: 'Moderate', H: 'High' }),
  metric('U', 'Provider Urgency', 'supplemental', { ...NOT_DEFINED, Clear: 'Clear', Green: 'Green', Amber: 'Amber', Red: 'Red' }),
];

const RULES: Readonly<Record<CvssVersion, VersionRules>> = {
  // v3.0 and v3.1 share the base metrics; v3.0 calls AV:A "Adjacent Network".
  '3.0': {
    version: '3.0',
    metrics: v3Metrics('Adjacent Network'),
    ordered: false, // v3.x: "Programs reading CVSS v3.x vector strings must accept metrics in any order"
    refused: V3_TEMPORAL_AND_ENVIRONMENTAL,
    calculatorUrl: 'https://www.first.org/cvss/calculator/3.0',
  },
  '3.1': {
    version: '3.1',
    metrics: v3Metrics('Adjacent'),
    ordered: false,
    refused: V3_TEMPORAL_AND_ENVIRONMENTAL,
    calculatorUrl: 'https://www.first.org/cvss/calculator/3.1',
  },
  // v4.0 prescribes the order of Table 23, as FIRST's calculator and JSON schema enforce.
  '4.0': {
    version: '4.0',
    metrics: V4_METRICS,
    ordered: true,
    refused: {},
    calculatorUrl: 'https://www.first.org/cvss/calculator/4.0',
  },
};

const SUPPORTED = 'Bulletin reads CVSS 3.0, 3.1 and 4.0 vectors, which start with "CVSS:3.0/", "CVSS:3.1/" or "CVSS:4.0/"';
const RESCORE_FIX =
  'score the vulnerability with CVSS 3.1 or 4.0 (https://www.first.org/cvss/calculator/3.1, https://www.first.org/cvss/calculator/4.0) and write the vector the calculator gives';

function isVersion(s: string): s is CvssVersion {
  return s === '3.0' || s === '3.1' || s === '4.0';
}

function failure(message: string, fix: string): CvssParse {
  return { ok: false, message, fix };
}

function calculatorFix(rules: VersionRules): string {
  return `write the vector as the calculator at ${rules.calculatorUrl} gives it`;
}

function listKeys(defs: readonly MetricDefinition[]): string {
  return defs.map((d) => d.key).join(', ');
}

// A build scores the same vector on many pages (the advisory, its revisions, lists, feeds,
// exports): each vector is judged once. Bounded, so a long-lived process stays small.
const judged = new Map<string, CvssParse>();

/** Validates a CVSS 3.0/3.1/4.0 base vector strictly, then scores it with ae-cvss-calculator (once per vector). */
export function scoreCvss(vector: string): CvssParse {
  let result = judged.get(vector);
  if (!result) {
    if (judged.size >= 100_000) judged.clear();
    judged.set(vector, (result = judge(vector)));
  }
  return result;
}

/** `scoreCvss` without the memory. */
function judge(vector: string): CvssParse {
  if (vector === '') return failure('the CVSS vector is empty', RESCORE_FIX);
  if (/\s/.test(vector)) {
    return failure('the CVSS vector contains spaces or line breaks', 'remove them: a CVSS vector is one word, such as "CVSS:3.1/AV:N/AC:L/..."');
  }
  const prefix = /^CVSS:([^/]*)(?:\/(.*))?$/.exec(vector);
  if (!prefix) {
    if (/^cvss:/i.test(vector)) {
      return failure('the vector must start with "CVSS:" in capital letters', 'write the prefix as "CVSS:"');
    }
    const looksV2 = /(^|\/)Au:/.test(vector);
    return failure(
      looksV2
        ? `this looks like a CVSS 2.0 vector, which has no "CVSS:" prefix; ${SUPPORTED}`
        : `the vector does not start with a version prefix; ${SUPPORTED}`,
      looksV2 ? RESCORE_FIX : 'add the prefix of the CVSS version the vector was scored with, or copy the vector from the calculator that scored it',
    );
  }
  const version = prefix[1] ?? '';
  if (!isVersion(version)) {
    if (version === '') return failure(`the vector has no version after "CVSS:"; ${SUPPORTED}`, RESCORE_FIX);
    return failure(`CVSS version "${version}" is not supported; ${SUPPORTED}`, RESCORE_FIX);
  }
  const rules = RULES[version];
  const body = prefix[2];
  if (body === undefined || body === '') {
    return failure(`the vector has no metrics after "CVSS:${version}"`, calculatorFix(rules));
  }
  const parsed = parseMetrics(rules, body.split('/'));
  if (!Array.isArray(parsed)) return failure(parsed.problems.join('; '), parsed.fix);

  const score = computeScore(version, vector);
  if (score === undefined) {
    return failure(
      `ae-cvss-calculator could not score the valid vector ${vector}`,
      'report this to the Bulletin maintainers together with the vector',
    );
  }
  return { ok: true, value: { version, vector, score, rating: ratingOf(score), metrics: parsed } };
}

/** Problems found in a vector's metrics, or the metrics in the specification's order. */
function parseMetrics(rules: VersionRules, parts: string[]): CvssMetric[] | { problems: string[]; fix: string } {
  const problems: string[] = [];
  let fix = calculatorFix(rules);
  const seen = new Map<string, string>();
  // Base metrics already blamed by another problem, so as not to report them missing too.
  const blamed = new Set<string>();
  const refusedSeen: string[] = [];
  const order: number[] = [];

  for (const part of parts) {
    if (part === '') {
      problems.push('the vector has an empty part (a "/" at the end, or "//")');
      continue;
    }
    const pieces = part.split(':');
    const [key = '', value = ''] = pieces;
    if (pieces.length !== 2 || key === '' || value === '') {
      blamed.add(key);
      problems.push(`"${part}" is not a metric written as KEY:VALUE (such as "AV:N")`);
      continue;
    }
    const index = rules.metrics.findIndex((d) => d.key === key);
    const def = rules.metrics[index];
    if (!def) {
      const refused = rules.refused[key];
      if (refused !== undefined) {
        refusedSeen.push(`${key} (${refused})`);
        continue;
      }
      const other = rules.metrics.find((d) => d.key.toLowerCase() === key.toLowerCase());
      if (other) blamed.add(other.key);
      problems.push(
        other
          ? `metric "${key}" is unknown in CVSS ${rules.version}; metric names are case-sensitive: did you mean "${other.key}"?`
          : `metric "${key}" is unknown in CVSS ${rules.version}`,
      );
      continue;
    }
    if (seen.has(key)) {
      problems.push(`metric "${key}" (${def.name}) appears more than once`);
      continue;
    }
    seen.set(key, value);
    order.push(index);
    if (!Object.hasOwn(def.values, value)) {
      problems.push(`metric "${key}" (${def.name}) has value "${value}" (allowed: ${Object.keys(def.values).join(', ')})`);
    }
  }

  if (refusedSeen.length > 0) {
    const one = refusedSeen.length === 1;
    problems.push(
      `${one ? 'metric' : 'metrics'} ${refusedSeen.join(', ')} ${one ? 'is a temporal or environmental metric' : 'are temporal or environmental metrics'}; ` +
        `an advisory's CVSS ${rules.version} vector holds base metrics only`,
    );
    fix = `remove the temporal and environmental metrics and keep the base metrics ${listKeys(rules.metrics)}`;
  }

  const missing = rules.metrics.filter((d) => d.group === 'base' && !seen.has(d.key) && !blamed.has(d.key));
  if (missing.length > 0) {
    const names = missing.map((d) => `${d.key} (${d.name})`).join(', ');
    problems.push(`base metric${missing.length === 1 ? '' : 's'} missing: ${names}`);
  }

  if (rules.ordered && problems.length === 0) {
    const at = order.findIndex((index, i) => i > 0 && index < (order[i - 1] ?? -1));
    if (at > 0) {
      const here = rules.metrics[order[at] ?? 0]?.key ?? '';
      const before = rules.metrics[order[at - 1] ?? 0]?.key ?? '';
      problems.push(
        `metric "${here}" comes after "${before}"; CVSS ${rules.version} lists metrics in the specification's order: ` +
          `${listKeys(rules.metrics.filter((d) => d.group === 'base'))}, then E, CR, IR, AR, the modified metrics, then S, AU, R, V, RE, U`,
      );
    }
  }

  // A trailing slash and a "//" give the same problem; say it once.
  if (problems.length > 0) return { problems: [...new Set(problems)], fix };
  return rules.metrics.flatMap((d) => {
    const value = seen.get(d.key);
    return value === undefined ? [] : [{ key: d.key, name: d.name, value, valueName: d.values[value] ?? value }];
  });
}

/** The calculator's score of a vector already validated, or undefined if it fails. */
function computeScore(version: CvssVersion, vector: string): number | undefined {
  let score: number | undefined;
  try {
    if (version === '3.0') score = new calculator.Cvss3P0(vector).calculateScores().base;
    else if (version === '3.1') score = new calculator.Cvss3P1(vector).calculateScores().base;
    // For 4.0 `overall` is the score of the whole vector (threat and environmental metrics
    // included); the library's `baseMetricsOnly` would ignore them.
    else score = new calculator.Cvss4P0(vector).calculateScores().overall;
  } catch {
    return undefined;
  }
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 10) return undefined;
  // The library already rounds as each specification says (3.0 ceil, 3.1 Roundup, 4.0 half-up);
  // this only strips floating-point noise such as 7.300000000000001.
  return Math.round(score * 10) / 10;
}

/** The qualitative rating of a score (CVSS v3/v4 table: 0 none, 0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10 critical). */
export function ratingOf(score: number): Rating {
  if (!Number.isFinite(score) || score < 0 || score > 10) {
    throw new RangeError(`a CVSS score runs from 0.0 to 10.0, not ${score}`);
  }
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

function formatScore(score: number): string {
  return Number.isInteger(score) ? score.toFixed(1) : String(score);
}

/** Checks a stated score against the vector's computed score; returns an error message or undefined. */
export function checkStatedScore(stated: number, computed: CvssScore): string | undefined {
  if (stated === computed.score) return undefined;
  return (
    `the stated score ${formatScore(stated)} differs from ${formatScore(computed.score)}, ` +
    `the CVSS ${computed.version} score of ${computed.vector}; state ${formatScore(computed.score)} or correct the vector`
  );
}

/** The OSV severity type that a vector belongs to: 'CVSS_V3' for 3.0/3.1, 'CVSS_V4' for 4.0. */
export function osvSeverityType(version: CvssVersion): 'CVSS_V3' | 'CVSS_V4' {
  return version === '4.0' ? 'CVSS_V4' : 'CVSS_V3';
}
