import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkStatedScore, osvSeverityType, ratingOf, scoreCvss, type CvssScore, type Rating } from '../../src/lib/advisory/cvss.ts';

/** The score of a vector that must be valid; fails the test with the validator's message otherwise. */
function valid(vector: string): CvssScore {
  const result = scoreCvss(vector);
  if (!result.ok) throw new Error(`${vector}: ${result.message}`);
  return result.value;
}

describe('published examples', () => {
  // CVSS v3.0: FIRST, "Common Vulnerability Scoring System v3.0: Examples"
  // (https://www.first.org/cvss/v3.0/examples). Each score was also worked out by hand from the
  // v3.0 specification's base equations (section 8.1, round up to one decimal), and the zero row
  // follows the rule "if Impact <= 0 the Base Score is 0".
  it.each<[string, string, number, Rating]>([
    ['no impact (specification, section 8.1)', 'CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N', 0.0, 'none'],
    ['CVE-2014-3566 SSLv3 POODLE', 'CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1, 'low'],
    ['CVE-2013-1937 phpMyAdmin reflected XSS', 'CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
    ['CVE-2013-0375 MySQL stored SQL injection', 'CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4, 'medium'],
    ['CVE-2014-2019 Apple iOS security control bypass', 'CVSS:3.0/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N', 4.6, 'medium'],
    ['CVE-2014-0160 OpenSSL Heartbleed', 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5, 'high'],
    ['CVE-2012-0384 Cisco IOS command execution', 'CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8, 'high'],
    ['CVE-2014-6271 GNU Bash Shellshock', 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
    ['CVE-2012-1516 VMware guest to host escape', 'CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9, 'critical'],
  ])('CVSS 3.0: %s', (_name, vector, score, rating) => {
    const result = valid(vector);
    expect(result).toMatchObject({ version: '3.0', vector, score, rating });
  });

  // CVSS v3.1: FIRST, "Common Vulnerability Scoring System v3.1: Examples"
  // (https://www.first.org/cvss/v3.1/examples), plus NVD's score for Log4Shell
  // (https://nvd.nist.gov/vuln/detail/CVE-2021-44228). Each score was also worked out by hand
  // from the v3.1 specification (section 7.1 and the Roundup of Appendix A).
  it.each<[string, string, number, Rating]>([
    ['no impact (specification, section 7.1)', 'CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N', 0.0, 'none'],
    ['CVE-2014-3566 SSLv3 POODLE', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1, 'low'],
    ['CVE-2009-0783 Apache Tomcat XML parser', 'CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2, 'medium'],
    ['CVE-2013-1937 phpMyAdmin reflected XSS', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
    ['CVE-2008-1447 DNS Kaminsky bug', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N', 6.8, 'medium'],
    ['CVE-2014-0160 OpenSSL Heartbleed', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5, 'high'],
    ['CVE-2015-1098 Apple iWork denial of service', 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8, 'high'],
    ['CVE-2014-6271 GNU Bash Shellshock', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
    ['CVE-2012-1516 VMware guest to host escape', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9, 'critical'],
    ['CVE-2021-44228 Log4Shell (NVD)', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0, 'critical'],
  ])('CVSS 3.1: %s', (_name, vector, score, rating) => {
    const result = valid(vector);
    expect(result).toMatchObject({ version: '3.1', vector, score, rating });
  });

  // CVSS v4.0: FIRST, "Common Vulnerability Scoring System v4.0: Examples"
  // (https://www.first.org/cvss/v4.0/examples). v4.0 scores come from the specification's
  // MacroVector lookup table, not from a formula, so they cannot be worked out by hand; the two
  // rows without a CVE are the low and none bands, which no published example covers: their
  // scores are those of FIRST's reference calculator (RedHatProductSecurity/cvss-v4-calculator),
  // and the zero row also follows the rule that no impact at all scores 0.0.
  it.each<[string, string, number, Rating]>([
    ['no impact (reference calculator)', 'CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0.0, 'none'],
    ['low band (reference calculator)', 'CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:P/VC:L/VI:N/VA:N/SC:N/SI:L/SA:L', 1.0, 'low'],
    ['CVE-2021-44714 Adobe Acrobat Reader', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N', 4.6, 'medium'],
    ['CVE-2023-21989 Oracle VirtualBox', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:N/VI:N/VA:N/SC:H/SI:N/SA:N', 5.9, 'medium'],
    ['CVE-2013-6014 Juniper proxy ARP', 'CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:H/SI:N/SA:H', 6.4, 'medium'],
    ['CVE-2022-22186 Juniper EX4650', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N', 6.9, 'medium'],
    ['CVE-2022-41741 NGINX mp4 module', 'CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.3, 'high'],
    ['CVE-2020-3549 Cisco Firepower', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.7, 'high'],
    ['CVE-2020-3549 with threat E:U', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U', 5.2, 'medium'],
    ['CVE-2023-3089 Red Hat OpenShift FIPS', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N', 8.3, 'high'],
    ['CVE-2016-5729 Lenovo ThinkPwn, supplemental R:I', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/R:I', 8.4, 'high'],
    ['CVE-2023-48228 authentik PKCE', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:N/SC:H/SI:H/SA:H', 9.3, 'critical'],
    ['CVE-2021-44228 Log4Shell with threat E:A', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A', 9.3, 'critical'],
    ['CVE-2020-3947 VMware Workstation', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 9.4, 'critical'],
  ])('CVSS 4.0: %s', (_name, vector, score, rating) => {
    const result = valid(vector);
    expect(result).toMatchObject({ version: '4.0', vector, score, rating });
  });
});

describe('metrics in words', () => {
  it('names every metric and value of a 3.1 vector, in the specification order', () => {
    // v3.x readers must accept any order; the metrics come back in the specification's order.
    expect(valid('CVSS:3.1/S:C/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H').metrics).toEqual([
      { key: 'AV', name: 'Attack Vector', value: 'N', valueName: 'Network' },
      { key: 'AC', name: 'Attack Complexity', value: 'L', valueName: 'Low' },
      { key: 'PR', name: 'Privileges Required', value: 'N', valueName: 'None' },
      { key: 'UI', name: 'User Interaction', value: 'N', valueName: 'None' },
      { key: 'S', name: 'Scope', value: 'C', valueName: 'Changed' },
      { key: 'C', name: 'Confidentiality', value: 'H', valueName: 'High' },
      { key: 'I', name: 'Integrity', value: 'H', valueName: 'High' },
      { key: 'A', name: 'Availability', value: 'H', valueName: 'High' },
    ]);
  });

  it('keeps 3.0 wording where it differs from 3.1', () => {
    expect(valid('CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H').metrics[0]).toEqual({
      key: 'AV',
      name: 'Attack Vector',
      value: 'A',
      valueName: 'Adjacent Network',
    });
  });

  it('names the optional metrics of a 4.0 vector', () => {
    const metrics = valid('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/MSI:S/S:P/U:Amber').metrics;
    expect(metrics.map((m) => `${m.key}:${m.value} ${m.name}: ${m.valueName}`).slice(11)).toEqual([
      'E:X Exploit Maturity: Not Defined',
      'MSI:S Modified Subsequent System Integrity Impact: Safety',
      'S:P Safety: Present',
      'U:Amber Provider Urgency: Amber',
    ]);
  });
});

describe('malformed vectors', () => {
  const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H';
  const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
  const SUPPORTED = 'Bulletin reads CVSS 3.0, 3.1 and 4.0 vectors, which start with "CVSS:3.0/", "CVSS:3.1/" or "CVSS:4.0/"';

  it.each<[string, string, string]>([
    ['empty string', '', 'the CVSS vector is empty'],
    ['no prefix', 'AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', `the vector does not start with a version prefix; ${SUPPORTED}`],
    ['CVSS 2.0 without prefix', 'AV:N/AC:L/Au:N/C:C/I:C/A:C', `this looks like a CVSS 2.0 vector, which has no "CVSS:" prefix; ${SUPPORTED}`],
    ['CVSS:2.0 prefix', 'CVSS:2.0/AV:N/AC:L/Au:N/C:C/I:C/A:C', `CVSS version "2.0" is not supported; ${SUPPORTED}`],
    ['unknown version', 'CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', `CVSS version "3.2" is not supported; ${SUPPORTED}`],
    ['lower-case prefix', V31.replace('CVSS', 'cvss'), 'the vector must start with "CVSS:" in capital letters'],
    ['prefix without version', 'CVSS:/AV:N', `the vector has no version after "CVSS:"; ${SUPPORTED}`],
    ['prefix only', 'CVSS:3.1', 'the vector has no metrics after "CVSS:3.1"'],
    ['prefix and slash only', 'CVSS:4.0/', 'the vector has no metrics after "CVSS:4.0"'],
    ['spaces', ` ${V31}`, 'the CVSS vector contains spaces or line breaks'],
    ['trailing slash', `${V31}/`, 'the vector has an empty part (a "/" at the end, or "//")'],
    ['double slash', V31.replace('/AC', '//AC'), 'the vector has an empty part (a "/" at the end, or "//")'],
    ['two empty parts, said once', `${V31.replace('/AC', '//AC')}/`, 'the vector has an empty part (a "/" at the end, or "//")'],
    ['missing metric', V31.replace('/A:H', ''), 'base metric missing: A (Availability)'],
    [
      'missing metrics',
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H',
      'base metrics missing: SC (Subsequent System Confidentiality Impact), SI (Subsequent System Integrity Impact), SA (Subsequent System Availability Impact)',
    ],
    ['bad value', V31.replace('AV:N', 'AV:Q'), 'metric "AV" (Attack Vector) has value "Q" (allowed: N, A, L, P)'],
    ['Not Defined for a base metric', V31.replace('AV:N', 'AV:X'), 'metric "AV" (Attack Vector) has value "X" (allowed: N, A, L, P)'],
    ['bad optional 4.0 value', `${V40}/E:Q`, 'metric "E" (Exploit Maturity) has value "Q" (allowed: X, A, P, U)'],
    ['duplicate metric', `${V31}/AV:P`, 'metric "AV" (Attack Vector) appears more than once'],
    ['duplicate optional 4.0 metric', `${V40}/E:A/E:A`, 'metric "E" (Exploit Maturity) appears more than once'],
    ['unknown metric', `${V31}/ZZ:Q`, 'metric "ZZ" is unknown in CVSS 3.1'],
    ['4.0 metric in a 3.1 vector', `${V31}/AT:N`, 'metric "AT" is unknown in CVSS 3.1'],
    ['lower-case metric', V31.replace('AV:N', 'av:N'), 'metric "av" is unknown in CVSS 3.1; metric names are case-sensitive: did you mean "AV"?'],
    [
      'no colon',
      V31.replace('AV:N', 'AVN'),
      '"AVN" is not a metric written as KEY:VALUE (such as "AV:N"); base metric missing: AV (Attack Vector)',
    ],
    ['no value', V31.replace('AV:N', 'AV:'), '"AV:" is not a metric written as KEY:VALUE (such as "AV:N")'],
    [
      'temporal metric in 3.1',
      `${V31}/E:P`,
      'metric E (Exploit Code Maturity) is a temporal or environmental metric; an advisory\'s CVSS 3.1 vector holds base metrics only',
    ],
    [
      '4.0 out of order',
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N',
      'metric "VI" comes after "SC"; CVSS 4.0 lists metrics in the specification\'s order: ' +
        'AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA, then E, CR, IR, AR, the modified metrics, then S, AU, R, V, RE, U',
    ],
  ])('rejects %s', (_name, vector, message) => {
    const result = scoreCvss(vector);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(message);
    expect(result.fix).not.toBe('');
  });

  it('reports every problem of a vector at once', () => {
    expect(scoreCvss('CVSS:3.1/AV:Q/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/XX:1')).toMatchInlineSnapshot(`
      {
        "fix": "write the vector as the calculator at https://www.first.org/cvss/calculator/3.1 gives it",
        "message": "metric "AV" (Attack Vector) has value "Q" (allowed: N, A, L, P); metric "AV" (Attack Vector) appears more than once; metric "XX" is unknown in CVSS 3.1; base metric missing: A (Availability)",
        "ok": false,
      }
    `);
  });

  it('tells a maintainer how to fix a value', () => {
    expect(scoreCvss(V31.replace('AV:N', 'AV:Q'))).toMatchInlineSnapshot(`
      {
        "fix": "write the vector as the calculator at https://www.first.org/cvss/calculator/3.1 gives it",
        "message": "metric "AV" (Attack Vector) has value "Q" (allowed: N, A, L, P)",
        "ok": false,
      }
    `);
  });

  it('tells a maintainer to rescore a CVSS 2.0 vector', () => {
    expect(scoreCvss('CVSS:2.0/AV:N/AC:L/Au:N/C:C/I:C/A:C')).toMatchInlineSnapshot(`
      {
        "fix": "score the vulnerability with CVSS 3.1 or 4.0 (https://www.first.org/cvss/calculator/3.1, https://www.first.org/cvss/calculator/4.0) and write the vector the calculator gives",
        "message": "CVSS version "2.0" is not supported; Bulletin reads CVSS 3.0, 3.1 and 4.0 vectors, which start with "CVSS:3.0/", "CVSS:3.1/" or "CVSS:4.0/"",
        "ok": false,
      }
    `);
  });

  it('tells a maintainer to drop 3.1 temporal metrics', () => {
    expect(scoreCvss(`${V31}/E:P/RL:O`)).toMatchInlineSnapshot(`
      {
        "fix": "remove the temporal and environmental metrics and keep the base metrics AV, AC, PR, UI, S, C, I, A",
        "message": "metrics E (Exploit Code Maturity), RL (Remediation Level) are temporal or environmental metrics; an advisory's CVSS 3.1 vector holds base metrics only",
        "ok": false,
      }
    `);
  });

  it('tells a maintainer the 4.0 order', () => {
    expect(scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/E:A')).toMatchInlineSnapshot(`
      {
        "fix": "write the vector as the calculator at https://www.first.org/cvss/calculator/4.0 gives it",
        "message": "metric "E" comes after "S"; CVSS 4.0 lists metrics in the specification's order: AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA, then E, CR, IR, AR, the modified metrics, then S, AU, R, V, RE, U",
        "ok": false,
      }
    `);
  });
});

describe('ratingOf', () => {
  it.each<[number, Rating]>([
    [0, 'none'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4.0, 'medium'],
    [6.9, 'medium'],
    [7.0, 'high'],
    [8.9, 'high'],
    [9.0, 'critical'],
    [10.0, 'critical'],
  ])('rates %d as %s', (score, rating) => {
    expect(ratingOf(score)).toBe(rating);
  });

  it.each([-0.1, 10.1, Number.NaN])('refuses %d', (score) => {
    expect(() => ratingOf(score)).toThrow(RangeError);
  });
});

describe('checkStatedScore', () => {
  const log4shell = valid('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H');

  it('accepts the computed score', () => {
    expect(checkStatedScore(10, log4shell)).toBeUndefined();
    expect(checkStatedScore(7.5, valid('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N'))).toBeUndefined();
  });

  it.each<[number, string]>([
    [9.8, 'the stated score 9.8 differs from 10.0, the CVSS 3.1 score of CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H; state 10.0 or correct the vector'],
    [9.95, 'the stated score 9.95 differs from 10.0, the CVSS 3.1 score of CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H; state 10.0 or correct the vector'],
  ])('rejects a stated %d', (stated, message) => {
    expect(checkStatedScore(stated, log4shell)).toBe(message);
  });
});

describe('osvSeverityType', () => {
  it.each([
    ['3.0', 'CVSS_V3'],
    ['3.1', 'CVSS_V3'],
    ['4.0', 'CVSS_V4'],
  ] as const)('maps %s to %s', (version, type) => {
    expect(osvSeverityType(version)).toBe(type);
  });
});

// Conformance data lives outside the repository (../shared/conformance/cvss, described in its
// SOURCES.md): every row is `vector<TAB>base_score<TAB>severity`, computed by FIRST's calculators
// (3.1), cvsslib (3.0) or FIRST's v4.0 reference calculator (4.0). It is read, never copied here.
const CONFORMANCE = fileURLToPath(new URL('../../../shared/conformance/cvss/', import.meta.url));

describe.runIf(existsSync(CONFORMANCE))('conformance with ../shared/conformance/cvss', () => {
  it.each(['cvss30.tsv', 'cvss31.tsv', 'cvss40.tsv', 'cvss40_bte.tsv'])('%s: every row validates and scores as stated', (file) => {
    const path = `${CONFORMANCE}${file}`;
    // The folder is there, so each file must be too: a missing one is a failure, never a silent pass.
    expect(existsSync(path), `${path} is missing`).toBe(true);
    const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
    expect(header).toBe('vector\tbase_score\tseverity');
    const mismatches: string[] = [];
    for (const row of rows) {
      const [vector = '', score = '', severity = ''] = row.split('\t');
      const result = scoreCvss(vector);
      if (!result.ok) {
        mismatches.push(`${vector}: rejected: ${result.message}`);
      } else if (result.value.score.toFixed(1) !== score || result.value.rating !== severity.toLowerCase()) {
        mismatches.push(`${vector}: expected ${score} ${severity}, got ${result.value.score.toFixed(1)} ${result.value.rating}`);
      }
    }
    expect(rows.length).toBeGreaterThan(0);
    expect(mismatches, `${mismatches.length} of ${rows.length} rows of ${file} disagree`).toEqual([]);
  });
});
