/** Runs the Astro CLI on the Node.js that runs this script (Node 24 from node_modules). */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The path of Astro's CLI entry point. */
export function astroBin(): string {
  return join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
}

/** Runs `astro <args>` and returns its result; output goes to this process's. */
export function runAstro(args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<Buffer> {
  return spawnSync(process.execPath, [astroBin(), ...args], {
    stdio: 'inherit',
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}
