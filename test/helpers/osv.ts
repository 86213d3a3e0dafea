/** The OSV JSON schema (test/fixtures/osv/osv-schema.json) as a validator: ajv's 2020-12 build with formats. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/osv/osv-schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about a record, one line each; empty when it is valid. */
export function osvSchemaErrors(record: unknown): string[] {
  return validate(record) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
