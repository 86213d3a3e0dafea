/** The build's "now": BULLETIN_NOW, else the clock. The only place the clock is read. */
import { parseNow } from '../lib/common/dates.ts';

let clock: Date | undefined;

/** "Now" for every policy decision of this process: BULLETIN_NOW, else the clock, read once per process. */
export function buildNow(env: NodeJS.ProcessEnv = process.env): Date {
  return env.BULLETIN_NOW ? parseNow(env.BULLETIN_NOW, new Date(0)) : (clock ??= new Date());
}
