// Real GnuPG for tests: a throwaway GNUPGHOME, public keys imported, `gpg --verify` run on files.
//
//   const gpg = await GpgHome.create({ keys: [armoredPublicKey], now: new Date('2026-06-01T00:00:00Z') });
//   try {
//     const result = await gpg.verifyDetached('dist/osv/all.json.asc', 'dist/osv/all.json');
//     expect(result.ok, result.stderr).toBe(true);
//     expect(result.fingerprint).toBe(FINGERPRINT);
//   } finally {
//     await gpg.dispose();
//   }
//
// Wrap suites in `describeWithGpg(name, () => { ... })`: when gpg is missing, the suite is
// skipped, unless BULLETIN_REQUIRE_TOOLS=1 (set by .ci/run), where it is one failing test saying
// to install gnupg (the rule of test/helpers/tools.ts).
// Every run is `--batch --no-autostart` (no gpg-agent, no dirmngr, no pinentry) with its own
// `--homedir` (mode 700), C locale and UTC, so output and behaviour do not depend on the machine.
import { execFile, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REQUIRE_TOOLS } from './tools.ts';
import { describe, it } from 'vitest';

/** The gpg binary: `gpg` on PATH, or the path in BULLETIN_GPG. */
export const GPG = process.env.BULLETIN_GPG || 'gpg';

const INSTALL_HINT =
  'GnuPG (gpg) is needed to check that signatures verify with stock tools, and it was not found. ' +
  'Install it (Debian/Ubuntu: apt-get install gnupg; macOS: brew install gnupg), ' +
  'or unset BULLETIN_REQUIRE_TOOLS to skip these tests.';

let available: boolean | undefined;

/** Whether gpg runs on this machine (checked once). */
export function gpgAvailable(): boolean {
  available ??= spawnSync(GPG, ['--version'], { stdio: 'ignore' }).status === 0;
  return available;
}

/** True when gpg is missing and CI does not require it (BULLETIN_REQUIRE_TOOLS unset): for describe.skipIf. */
export function skipWithoutGpg(): boolean {
  return !gpgAvailable() && !REQUIRE_TOOLS;
}

/** Throws a message saying to install gnupg when gpg is missing: for beforeAll. */
export function requireGpg(): void {
  if (!gpgAvailable()) throw new Error(INSTALL_HINT);
}

/** `describe` for suites that need gpg: runs them, or (gpg missing) skips them, or fails with the install hint when BULLETIN_REQUIRE_TOOLS=1. */
export function describeWithGpg(name: string, body: () => void): void {
  if (gpgAvailable()) {
    describe(name, body);
  } else if (skipWithoutGpg()) {
    describe.skip(name, body);
  } else {
    describe(name, () => {
      it('needs GnuPG', () => {
        requireGpg();
      });
    });
  }
}

/** One gpg run: exit code, output, and the `[GNUPG:]` status lines (without the prefix). */
export interface GpgRun {
  code: number;
  stdout: string;
  stderr: string;
  status: string[];
}

/** A `gpg --verify` run: ok when gpg exits 0 with a good signature and nothing bad. */
export interface GpgVerification extends GpgRun {
  ok: boolean;
  /** The primary key fingerprint of the good signature (VALIDSIG's last field), upper-case. */
  fingerprint?: string;
  /** The fingerprint of the (sub)key that made it (VALIDSIG's first field). */
  signer?: string;
  /** The signature's creation time. */
  signedAt?: Date;
}

/** A temporary GNUPGHOME with public keys imported; `dispose()` removes it. */
export class GpgHome {
  /** The temporary folder: `home/` is the GNUPGHOME, `files/` holds what write() writes. */
  readonly root: string;
  readonly homedir: string;
  readonly now: Date | undefined;
  #files = 0;

  private constructor(root: string, now: Date | undefined) {
    this.root = root;
    this.homedir = path.join(root, 'home');
    this.now = now;
  }

  /** Creates the home and imports the armored public keys. `now` fixes gpg's clock (`--faked-system-time`), so key expiry and "signature made in the future" are judged at that time, not the machine's. */
  static async create(options: { keys?: string[]; now?: Date } = {}): Promise<GpgHome> {
    requireGpg();
    const root = await mkdtemp(path.join(tmpdir(), 'bulletin-gpg-'));
    const home = new GpgHome(root, options.now);
    await mkdir(home.homedir, { mode: 0o700 });
    await chmod(home.homedir, 0o700); // in case the umask took bits away
    await mkdir(path.join(root, 'files'));
    for (const key of options.keys ?? []) await home.importKey(key);
    return home;
  }

  /** Runs gpg in this home with the given arguments (after --homedir, --batch, --no-autostart, --status-fd 1). */
  run(args: string[]): Promise<GpgRun> {
    const fixed = this.now ? ['--faked-system-time', `${Math.floor(this.now.getTime() / 1000)}!`] : [];
    const argv = ['--homedir', this.homedir, '--batch', '--no-tty', '--no-autostart', '--status-fd', '1', ...fixed, ...args];
    const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANGUAGE: '', TZ: 'UTC' };
    delete env.GNUPGHOME;
    return new Promise((resolve, reject) => {
      execFile(GPG, argv, { env, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        if (code === null) {
          reject(new Error(`${GPG} ${argv.join(' ')} did not run (${error?.message}). ${INSTALL_HINT}`));
          return;
        }
        const status = stdout
          .split('\n')
          .filter((line) => line.startsWith('[GNUPG:] '))
          .map((line) => line.slice('[GNUPG:] '.length));
        resolve({ code, stdout, stderr, status });
      });
    });
  }

  /** Imports armored public keys; throws with gpg's output when gpg refuses them. */
  async importKey(armored: string): Promise<GpgRun> {
    const file = await this.write(armored, 'key.asc');
    const result = await this.run(['--import', file]);
    if (result.code !== 0 || !result.status.some((line) => line.startsWith('IMPORT_OK'))) {
      throw new Error(`gpg --import failed (exit ${result.code}):\n${result.stderr}`);
    }
    return result;
  }

  /** The fingerprints (upper-case) of the public keys in this home, in gpg's order. */
  async fingerprints(): Promise<string[]> {
    const result = await this.run(['--with-colons', '--list-keys']);
    const lines = result.stdout.split('\n');
    // A fingerprint line follows each pub/sub line; keep the primary keys'.
    return lines.flatMap((line, index) =>
      line.startsWith('fpr:') && lines[index - 1]?.startsWith('pub:') ? [line.split(':')[9] ?? ''] : [],
    );
  }

  /** Writes text or bytes to a new file under `files/` and returns its path. */
  async write(content: string | Uint8Array, name = 'file'): Promise<string> {
    const dir = path.join(this.root, 'files', String(++this.#files));
    await mkdir(dir);
    const file = path.join(dir, name);
    await writeFile(file, content);
    return file;
  }

  /** `gpg --verify <signature> <data>` on files. */
  async verifyDetached(signatureFile: string, dataFile: string): Promise<GpgVerification> {
    return verification(await this.run(['--verify', '--', signatureFile, dataFile]));
  }

  /** `gpg --verify <file>` on a cleartext-signed (or inline-signed) file. */
  async verifyCleartext(file: string): Promise<GpgVerification> {
    return verification(await this.run(['--verify', '--', file]));
  }

  /** Removes the temporary folder. */
  async dispose(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

function verification(run: GpgRun): GpgVerification {
  const bad = run.status.some((line) => /^(BADSIG|ERRSIG|EXPKEYSIG|REVKEYSIG|EXPSIG|NO_PUBKEY|FAILURE)\b/.test(line));
  const good = run.status.some((line) => line.startsWith('GOODSIG '));
  const valid = run.status.find((line) => line.startsWith('VALIDSIG '))?.split(' ');
  const result: GpgVerification = { ...run, ok: run.code === 0 && good && !bad && valid !== undefined };
  if (valid) {
    // VALIDSIG <fpr> <date> <timestamp> <expire> <version> <reserved> <algo> <hash> <class> <primary-fpr>
    const [, signer, , timestamp, , , , , , , primary] = valid;
    if (signer) result.signer = signer;
    if (timestamp) result.signedAt = new Date(Number(timestamp) * 1000);
    if (primary) result.fingerprint = primary;
  }
  return result;
}

/** Creates a home with `keys` imported, runs `fn`, and always removes the home. */
export async function withGpgHome<T>(options: { keys?: string[]; now?: Date }, fn: (gpg: GpgHome) => Promise<T>): Promise<T> {
  const gpg = await GpgHome.create(options);
  try {
    return await fn(gpg);
  } finally {
    await gpg.dispose();
  }
}
