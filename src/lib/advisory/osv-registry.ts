/**
 * Names registered with OSV, from the OSV JSON schema (ossf/osv-schema validation/schema.json,
 * November 2026): the ID prefixes of home databases and the ecosystem names.
 */

/** ID prefixes of OSV home databases; `x_` marks IDs from an unregistered database. */
export const OSV_ID_PREFIX = /^(x_|(ASB-A|PUB-A|ALPINE|ALSA|ALBA|ALEA|AZL|BELL|BIT|CGA|CLEANSTART|CLSA|CURL|CVE|DEBIAN|DHI|DRUPAL|DSA|DLA|ELA|DTSA|ECHO|EEF|FreeBSD|GHSA|GO|GSD|HSEC|JLSEC|KUBE|LBSEC|LSN|MAL|MINI|MGASA|OESA|OSEC|OSV|openSUSE-SU|PHSA|PSF|PYSEC|RHBA|RHEA|RHSA|RLSA|RXSA|RSEC|ROOT|RUSTSEC|SUSE-[SRFO]U|UBUNTU|USN|V8)-)/;

/** Ecosystem names OSV knows (an ecosystem may add `:suffix`, e.g. `Debian:12`). */
export const OSV_ECOSYSTEMS = [
  'AlmaLinux', 'Alpaquita', 'Alpine', 'Android', 'Azure Linux', 'BellSoft Hardened Containers', 'Bioconductor', 'Bitnami',
  'Chainguard', 'CleanStart', 'ConanCenter', 'CRAN', 'crates.io', 'Debian', 'Docker Hardened Images', 'Echo', 'FreeBSD', 'GHC',
  'GitHub Actions', 'Go', 'Hackage', 'Hex', 'Julia', 'Kubernetes', 'Linux', 'Mageia', 'Maven', 'MinimOS', 'npm', 'NuGet', 'opam',
  'openEuler', 'openSUSE', 'OSS-Fuzz', 'Packagist', 'Photon OS', 'Pub', 'PyPI', 'Red Hat', 'Rocky Linux', 'Root', 'RubyGems',
  'SUSE', 'SwiftURL', 'TuxCare', 'Ubuntu', 'VSCode', 'Wolfi',
] as const;

/** Whether an ID starts with a prefix registered with OSV (x_ excluded). */
export function hasRegisteredPrefix(id: string): boolean {
  return OSV_ID_PREFIX.test(id) && !id.startsWith('x_');
}

/** Whether an ecosystem name (with an optional `:suffix`) is one OSV knows. */
export function isOsvEcosystem(ecosystem: string): boolean {
  return (OSV_ECOSYSTEMS as readonly string[]).includes(ecosystem.split(':')[0] as string);
}

/** The `id` of the OSV record for a Bulletin ID: itself where registered, else prefixed `x_`. */
export function osvRecordId(id: string): string {
  return hasRegisteredPrefix(id) ? id : `x_${id}`;
}
