/**
 * Boolean environment variables, read one way everywhere: `1`, `true`, `yes` turn a switch on;
 * `0`, `false`, `no` or empty (or unset) leave it off; any case. Anything else is an error naming
 * the variable, so a typo in CI (`BULLETIN_REQUIRE_SIGNING=ture`) stops the job instead of
 * silently meaning "off".
 */

const ON = new Set(['1', 'true', 'yes']);
const OFF = new Set(['', '0', 'false', 'no']);

/** The value of a boolean environment variable; throws naming the variable on anything else. */
export function envFlag(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env[name];
  if (raw === undefined) return false;
  const value = raw.trim().toLowerCase();
  if (ON.has(value)) return true;
  if (OFF.has(value)) return false;
  throw new Error(`${name} is "${raw}", which is not a yes or no: set it to 1, true or yes to turn it on, or 0, false, no or empty to turn it off`);
}
