/** Ordering text the same way on every machine: by UTF-16 code units, never by the locale. */

/** Compares two strings by code unit, so output never depends on LANG (SPEC: reproducible builds). */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
