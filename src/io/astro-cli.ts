/** Runs the Astro CLI on the Node.js that runs this script (Node 24 from node_modules). */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The path of Astro's CLI entry point. */
export function astroBin(): string {
  return join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
}

/** Starts `astro <args>` without waiting (output goes to this process's); resolves with its exit status (1 if it could not start or was killed). */
export function startAstro(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [astroBin(), ...args], {
      stdio: 'inherit',
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', (e) => {
      console.error(`bulletin: could not start Astro: ${e.message}`);
      done(1);
    });
    child.on('close', (code) => done(code ?? 1));
  });
}
