#!/usr/bin/env node
// npm run keygen -- --name "<project> security" --email <address> --out <private key file>
//   [--expires-days N] [--passphrase-env VAR] [--public content/keys/<file>.asc]
// Generates the project's sign-only signing key: writes the private key (mode 0600) where you
// say, the public key into content/keys/, and prints the fingerprint and the site.yaml entry.
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSigningKey } from '../src/lib/signing/keys.ts';
import { contentDir } from '../src/io/read-content.ts';
import { buildNow } from '../src/io/now.ts';
import { formatDate } from '../src/lib/common/dates.ts';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    email: { type: 'string' },
    out: { type: 'string' },
    public: { type: 'string' },
    'expires-days': { type: 'string' },
    'passphrase-env': { type: 'string' },
  },
});
if (!values.name || !values.email || !values.out) {
  console.error('usage: npm run keygen -- --name "<project> security" --email <address> --out <private key file> [--expires-days 730] [--passphrase-env VAR] [--public content/keys/signing-<date>.asc]');
  process.exit(2);
}
if (existsSync(values.out)) {
  console.error(`keygen: ${values.out} exists; refusing to overwrite a private key`);
  process.exit(1);
}
const now = buildNow();
const passphrase = values['passphrase-env'] ? process.env[values['passphrase-env']] : undefined;
const key = await generateSigningKey({
  name: values.name,
  email: values.email,
  created: now,
  passphrase,
  expiresInDays: values['expires-days'] ? Number(values['expires-days']) : undefined,
});
const publicFile = values.public ?? join(contentDir(), 'keys', `signing-${formatDate(now)}.asc`);
if (existsSync(publicFile)) {
  console.error(`keygen: ${publicFile} exists; refusing to overwrite a published key (retired keys must stay): give --public <another file>`);
  process.exit(1);
}
writeFileSync(values.out, key.armoredPrivate, { mode: 0o600 });
writeFileSync(publicFile, key.armoredPublic);
console.log(`keygen: private key -> ${values.out} (keep it secret: store it as a CI secret and delete this file)`);
console.log(`keygen: public key  -> ${publicFile}`);
console.log(`\nAdd to site.yaml "keys" (and mark the previous signing key retired):\n\n  - fingerprint: ${key.fingerprint}\n    role: signing\n    status: current\n    file: ${basename(publicFile)}\n`);
