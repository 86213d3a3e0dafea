/** The OSV JSON schema (test/fixtures/osv/osv-schema.json) as a validator: ajv's 2020-12 build with formats. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { canonicalEcosystem, type OsvRecord } from '../../src/lib/exports/osv.ts';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/osv/osv-schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about a record, one line each; empty when it is valid. */
export function osvSchemaErrors(record: unknown): string[] {
  return validate(record) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** The round-trip comparison: ID, aliases, related, packages, ranges, versions, severity vectors, summary, details, withdrawn. */
export function expectSameMeaning(back: OsvRecord, original: OsvRecord): void {
  expect(back.id).toBe(original.id);
  expect(back.aliases ?? []).toEqual(original.aliases ?? []);
  expect(back.related ?? []).toEqual(original.related ?? []);
  expect(back.summary).toBe(original.summary);
  expect(back.details).toBe(original.details);
  if (original.withdrawn) expect(back.withdrawn).toBe(original.withdrawn);
  const vectors = (r: OsvRecord) => [...(r.severity ?? []), ...(r.affected ?? []).flatMap((a) => a.severity ?? [])].map((s) => s.score);
  expect(new Set(vectors(back))).toEqual(new Set(vectors(original)));
  expect(back.affected?.length).toBe(original.affected?.length);
  (original.affected ?? []).forEach((o, i) => {
    const b = back.affected?.[i];
    expect(b?.package).toEqual({ ...o.package, ecosystem: canonicalEcosystem(o.package.ecosystem) });
    expect(b?.ranges ?? []).toEqual(o.ranges ?? []);
    expect(b?.versions ?? []).toEqual(o.versions ?? []);
    expect(b?.ecosystem_specific).toEqual(o.ecosystem_specific);
    expect(b?.database_specific).toEqual(o.database_specific);
  });
  expect(back.references ?? []).toEqual(original.references ?? []);
  expect(back.credits ?? []).toEqual(original.credits ?? []);
  const { bulletin_id: _b, ...db } = back.database_specific ?? {};
  const orig = { ...(original.database_specific ?? {}) };
  if (Array.isArray(orig['cwe_ids']) && orig['cwe_ids'].length === 0) delete orig['cwe_ids'];
  expect(db).toEqual(orig);
}
