/**
 * The bundled example's fixed "now": the single constant that tests and CI build the example at.
 * At this time 0.13 and 0.12 get fixes (0.12 ending soon), 0.11 and 0.10 are past end of life,
 * and 0.14 is still planned.
 */
export const EXAMPLE_NOW = '2026-09-01T12:00:00Z';

/** The private half of the bundled example's test signing key (see test/fixtures/keys/README.md). */
export const EXAMPLE_TEST_KEY = new URL('../fixtures/keys/signing-test.private.asc', import.meta.url).pathname;
