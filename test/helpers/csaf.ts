// The CSAF 2.0 validator as tools run it: @secvisogram/csaf-validator-lib's strict schema test, its
// mandatory tests (section 6.1) and its optional, "recommended" tests (section 6.2), whose
// results a test reports without failing on them.
import validate from '@secvisogram/csaf-validator-lib/validate.js';
import * as schemaTests from '@secvisogram/csaf-validator-lib/schemaTests.js';
import * as mandatoryTests from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import * as optionalTests from '@secvisogram/csaf-validator-lib/optionalTests.js';

export interface CsafValidation {
  /** Schema and mandatory tests passed. */
  valid: boolean;
  /** Failed schema or mandatory tests, with their errors. */
  errors: string[];
  /** Recommended (optional) tests with warnings or errors, by test name: reported, not required. */
  recommended: string[];
}

type Tests = Parameters<typeof validate>[0];

function describeFailures(result: Awaited<ReturnType<typeof validate>>): string[] {
  return result.tests
    .filter((t) => !t.isValid || t.errors.length || t.warnings.length)
    .map((t) => `${t.name}: ${[...t.errors, ...t.warnings].map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
}

/** Validates one CSAF 2.0 document: strict schema and mandatory tests must pass; recommended tests are reported. */
export async function validateCsaf(doc: unknown): Promise<CsafValidation> {
  const required = await validate([schemaTests.csaf_2_0_strict, ...Object.values(mandatoryTests)] as Tests, doc);
  const recommended = await validate(Object.values(optionalTests) as Tests, doc);
  return { valid: required.isValid, errors: required.isValid ? [] : describeFailures(required), recommended: describeFailures(recommended) };
}
