/**
 * The CSAF 2.0 provider-metadata JSON schema (test/fixtures/csaf/, OASIS CSAF 2.0 Errata 01) as a
 * validator: ajv's 2020-12 build with formats. The provider schema's `publisher` `$ref`s the CSAF
 * document schema (vendored beside it), which `$ref`s FIRST's CVSS schemas: those come from
 * @secvisogram/csaf-validator-lib, under the addresses the document schema names (their `$id`s
 * carry a date query the references do not).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import cvss20 from '@secvisogram/csaf-validator-lib/schemas/cvss-v2.0.js';
import cvss30 from '@secvisogram/csaf-validator-lib/schemas/cvss-v3.0.js';
import cvss31 from '@secvisogram/csaf-validator-lib/schemas/cvss-v3.1.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/csaf', name), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
for (const cvss of [cvss20, cvss30, cvss31]) ajv.addSchema({ ...cvss, $id: cvss.$id.replace(/\?.*$/, '') });
ajv.addSchema(fixture('csaf_json_schema.json'));
const validate = ajv.compile(fixture('provider_json_schema.json'));


type Node = { properties?: Record<string, Node>; items?: Node; $ref?: string };
const provider = fixture('provider_json_schema.json') as Node & { $defs: Record<string, Node> };

/** Fields the schema does not define: it allows any (no `additionalProperties: false`), so a misspelt field would pass it silently. The publisher is left to the CSAF schema, which is closed. */
function unknownFields(value: unknown, node: Node | undefined, path: string): string[] {
  const at = node?.$ref?.startsWith('#/$defs/') ? provider.$defs[node.$ref.slice('#/$defs/'.length)] : node;
  if (!at || at.$ref || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownFields(v, at.items, `${path}/${i}`));
  if (!at.properties) return [];
  return Object.entries(value).flatMap(([k, v]) => (k in at.properties! ? unknownFields(v, at.properties![k], `${path}/${k}`) : [`${path}/${k} is not a field of the provider schema`]));
}

/** The provider schema's complaints about a provider-metadata.json, and fields it does not define, one line each; empty when it is valid. */
export function providerSchemaErrors(metadata: unknown): string[] {
  const errors = validate(metadata) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  return [...errors, ...unknownFields(metadata, provider, '')];
}
