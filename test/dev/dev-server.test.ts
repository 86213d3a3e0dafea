/**
 * `npm run dev` serves the site and nothing else (SPEC, issue #10 item 2): a running `astro dev`
 * over a copy of the project is asked for content sources (with and without `?raw`, `?import`,
 * `?url`), Astro's data store, the build folder with the development key, the test private key,
 * source files and `/@fs/` paths; each answer is a 404 that carries none of it. The site's own
 * pages and the modules a page needs in development still load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from '../../src/integrations/dev-guard.ts';
import { astroBin } from '../../src/io/astro-cli.ts';
import { EXAMPLE_NOW, EXAMPLE_TEST_KEY } from '../helpers/example.ts';
import { cleanEnv, projectCopy, ROOT } from '../helpers/run.ts';

const SECRETS = ['PRIVATE KEY', 'Still being analysed', 'EXA-2026-0005', 'CVE-2026-48810', 'draft: true'];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe('the dev server', () => {
  let project: string;
  let dev: ChildProcess;
  let origin: string;
  let log = '';

  beforeAll(async () => {
    project = projectCopy();
    mkdirSync(join(project, 'test/fixtures/keys'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/keys'), join(project, 'test/fixtures/keys'), { recursive: true });
    // A private key where the development key lives (any valid key will do).
    mkdirSync(join(project, '.bulletin'), { recursive: true });
    cpSync(EXAMPLE_TEST_KEY, join(project, '.bulletin/development-signing-key.asc'));
    writeFileSync(join(project, 'README.md'), 'project readme\n');
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dev = spawn(process.execPath, [astroBin(), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: project,
      env: cleanEnv({ BULLETIN_NOW: EXAMPLE_NOW }),
    });
    dev.stdout!.on('data', (d) => (log += d));
    dev.stderr!.on('data', (d) => (log += d));
    // Ready when it answers (the hook timeout bounds the wait).
    for (;;) {
      if (dev.exitCode !== null) throw new Error(`astro dev exited:\n${log}`);
      const ok = await fetch(`${origin}/`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 300));
    }
  });

  afterAll(() => {
    dev?.kill();
  });

  it.each([
    '/content/advisories/EXA-2026-0004.md',
    '/content/advisories/EXA-2026-0004.md?raw',
    '/content/advisories/EXA-2026-0005.md?import',
    '/content/advisories/EXA-2026-0005.md?url',
    '/content/site.yaml?raw',
    '/content/bulletin.lock',
    '/CONTENT/advisories/EXA-2026-0004.md',
    '/%63ontent/advisories/EXA-2026-0004.md',
    '/advisories/../content/advisories/EXA-2026-0004.md',
    '/.astro/data-store.json',
    '/.astro/content.d.ts',
    '/.bulletin/development-signing-key.asc',
    '/.bulletin/development-signing-key.asc?raw',
    '/test/fixtures/keys/signing-test.private.asc',
    '/test/fixtures/keys/signing-test.private.asc?raw',
    '/node_modules/.astro/data-store.json',
    '/src/io/env.ts',
    '/src/io/env.ts?raw',
    '/src/styles/site.css?raw',
    '/astro.config.mjs?raw',
    '/package.json',
    '/README.md?raw',
    '/@id/astro:content',
  ])('refuses %s', async (path) => {
    const r = await fetch(origin + path);
    const text = await r.text();
    expect(r.status, text.slice(0, 200)).toBe(404);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it.each([
    (p: string) => `/@fs${p}/test/fixtures/keys/signing-test.private.asc?raw`,
    (p: string) => `/@fs${p}/content/advisories/EXA-2026-0004.md?import`,
    (p: string) => `/@fs${p}/.bulletin/development-signing-key.asc`,
  ])('refuses a /@fs/ path into the project (%#)', async (path) => {
    const r = await fetch(origin + path(project));
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('PRIVATE KEY');
  });

  it.each(['/', '/advisories/', '/advisories/EXA-2026-0001/', '/verify/', '/SECURITY.md', '/@vite/client', '/src/styles/site.css'])('serves the site: %s', async (path) => {
    const r = await fetch(origin + path);
    expect(r.status).toBe(200);
    const text = await r.text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});

describe('refusal', () => {
  it.each([
    ['/', undefined],
    ['/advisories/EXA-2026-0001/', undefined],
    ['/SECURITY.md', undefined],
    ['/src/styles/site.css', undefined],
    ['/src/layouts/Base.astro?astro&type=style&index=0&lang.css', undefined],
    ['/node_modules/vite/dist/client/env.mjs', undefined],
    ['/src/lib/advisory/lookup.ts', undefined],
    ['/src/lib/advisory/lookup.ts?raw', 'a source file as a module'],
    ['/src/lib/advisory/checks.ts', 'a project folder'],
    ['/content/site.yaml', 'a project folder'],
    ['/src/styles/site.css?inline', 'a source file as a module'],
    ['/anything.md?raw', 'a source file as a module'],
    ['/.git/config', 'a hidden file or folder'],
    ['/package.json', 'a project file'],
    ['/@fs/etc/passwd', 'a file outside the site'],
  ])('%s: %s', (url, why) => {
    expect(refusal(url, ROOT)).toBe(why);
  });
});
