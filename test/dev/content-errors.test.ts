/**
 * The dev server and content errors (issue #9 item 7): a running `astro dev` over a content folder
 * of its own (the smallest project: no advisory, announcement, policy section or key, so several
 * collections are empty) serves its pages; a broken site.yaml turns every page into an error
 * page (HTTP 500) naming the file, the field and the fix, while the terminal prints the error
 * once; the fixed file brings the pages back. Astro never warns that a collection is empty.
 * The content folder lives outside the project: the dev server does not watch test/.tmp.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBin } from '../../src/io/astro-cli.ts';
import { EXAMPLE_NOW } from '../helpers/example.ts';
import { cleanEnv, projectCopy, ROOT } from '../helpers/run.ts';

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

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A running `astro dev` over a project copy and the content folder `content`. */
class DevServer {
  log = '';
  readonly origin: string;
  readonly process: ChildProcess;

  constructor(port: number, content: string) {
    this.origin = `http://127.0.0.1:${port}`;
    this.process = spawn(process.execPath, [astroBin(), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: projectCopy(),
      env: cleanEnv({ BULLETIN_NOW: EXAMPLE_NOW, BULLETIN_CONTENT_DIR: content }),
    });
    this.process.stdout!.on('data', (d) => (this.log += d));
    this.process.stderr!.on('data', (d) => (this.log += d));
  }

  async get(path: string): Promise<{ status: number; text: string }> {
    const r = await fetch(this.origin + path);
    return { status: r.status, text: await r.text() };
  }

  /** Requests `path` until its status is `status` (the watcher sees a save a moment after it is written; the test timeout bounds the wait). */
  async until(path: string, status: number): Promise<{ status: number; text: string }> {
    for (;;) {
      if (this.process.exitCode !== null) throw new Error(`astro dev exited:\n${this.log}`);
      const r = await this.get(path).catch(() => undefined);
      if (r?.status === status) return r;
      await pause(300);
    }
  }
}

/** A copy of the smallest project's content, outside the project folder. */
function minimalContent(): { outside: string; site: string; good: string } {
  const outside = mkdtempSync(join(tmpdir(), 'bulletin-dev-'));
  cpSync(join(ROOT, 'test/fixtures/minimal'), join(outside, 'content'), { recursive: true });
  const site = join(outside, 'content/site.yaml');
  return { outside, site, good: readFileSync(site, 'utf8') };
}

const broken = (yaml: string) => yaml.replace(/^name:/m, 'nmae:');

describe('the dev server with a content error', () => {
  let folder: ReturnType<typeof minimalContent>;
  let dev: DevServer;

  beforeAll(async () => {
    folder = minimalContent();
    dev = new DevServer(await freePort(), join(folder.outside, 'content'));
    await dev.until('/', 200);
  });

  afterAll(() => {
    dev?.process.kill();
    if (folder) rmSync(folder.outside, { recursive: true, force: true });
  });

  it('serves the pages while the content is valid', async () => {
    expect((await dev.get('/')).status).toBe(200);
    expect((await dev.get('/advisories/')).status).toBe(200);
  });

  it('answers every page with the error while site.yaml is broken, and prints it once', async () => {
    writeFileSync(folder.site, broken(folder.good));
    const first = await dev.until('/', 500);
    for (const path of ['/advisories/', '/policy/', '/SECURITY.md']) {
      const r = await dev.get(path);
      expect(r.status, path).toBe(500);
      expect(r.text).toContain('site.yaml');
    }
    expect(first.text).toContain('site.yaml:2');
    expect(first.text).toContain('unknown field &quot;nmae&quot;');
    expect(first.text).toContain('fix: ');
    expect(first.text).not.toContain('Tiny Tool');
    expect(dev.log.match(/unknown field "nmae"/g)).toHaveLength(1);
  });

  it('serves the pages again once the file is fixed', async () => {
    writeFileSync(folder.site, folder.good);
    const r = await dev.until('/', 200);
    expect(r.text).toContain('Tiny Tool');
    expect((await dev.get('/advisories/')).status).toBe(200);
    expect(dev.log.match(/unknown field "nmae"/g)).toHaveLength(1);
    expect(dev.log).toContain('content is valid again');
  });

  it('prints no "collection is empty" warning', () => {
    expect(dev.log).not.toMatch(/is empty/);
  });
});

describe('the dev server started over broken content', () => {
  let folder: ReturnType<typeof minimalContent>;
  let dev: DevServer;

  beforeAll(async () => {
    folder = minimalContent();
    writeFileSync(folder.site, broken(folder.good));
    dev = new DevServer(await freePort(), join(folder.outside, 'content'));
  });

  afterAll(() => {
    dev?.process.kill();
    if (folder) rmSync(folder.outside, { recursive: true, force: true });
  });

  it('starts, shows the error, and serves the site once the file is fixed', async () => {
    const r = await dev.until('/', 500);
    expect(r.text).toContain('unknown field &quot;nmae&quot;');
    writeFileSync(folder.site, folder.good);
    expect((await dev.until('/', 200)).text).toContain('Tiny Tool');
    expect(dev.log.match(/unknown field "nmae"/g)).toHaveLength(1);
    expect(dev.log).not.toMatch(/is empty/);
  });
});
