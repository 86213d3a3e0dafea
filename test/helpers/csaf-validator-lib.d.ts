// The few modules of @secvisogram/csaf-validator-lib the tests use (the package ships JavaScript with JSDoc, no declarations).
declare module '@secvisogram/csaf-validator-lib/validate.js' {
  export interface TestMessage {
    instancePath: string;
    message: string;
  }
  export interface TestResult {
    name: string;
    isValid: boolean;
    errors: TestMessage[];
    warnings: TestMessage[];
    infos: TestMessage[];
  }
  export type DocumentTest = (doc: unknown) => unknown;
  export default function validate(tests: DocumentTest[], doc: unknown): Promise<{ isValid: boolean; tests: TestResult[] }>;
}
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  import type { DocumentTest } from '@secvisogram/csaf-validator-lib/validate.js';
  export const csaf_2_0: DocumentTest;
  export const csaf_2_0_strict: DocumentTest;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  import type { DocumentTest } from '@secvisogram/csaf-validator-lib/validate.js';
  const tests: Record<string, DocumentTest>;
  export = tests;
}
declare module '@secvisogram/csaf-validator-lib/optionalTests.js' {
  import type { DocumentTest } from '@secvisogram/csaf-validator-lib/validate.js';
  const tests: Record<string, DocumentTest>;
  export = tests;
}

// FIRST's CVSS JSON schemas as the validator ships them (for the CSAF document schema's $refs).
declare module '@secvisogram/csaf-validator-lib/schemas/cvss-v2.0.js' {
  const schema: { $id: string } & Record<string, unknown>;
  export default schema;
}
declare module '@secvisogram/csaf-validator-lib/schemas/cvss-v3.0.js' {
  const schema: { $id: string } & Record<string, unknown>;
  export default schema;
}
declare module '@secvisogram/csaf-validator-lib/schemas/cvss-v3.1.js' {
  const schema: { $id: string } & Record<string, unknown>;
  export default schema;
}
