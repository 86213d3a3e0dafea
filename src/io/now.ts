/** The build's "now": BULLETIN_NOW, else the clock. The only place the clock is read. */
import { parseNow } from '../lib/common/dates.ts';

/** "Now" for every policy decision of this process. */
export function buildNow(env: NodeJS.ProcessEnv = process.env): Date {
  return parseNow(env.BULLETIN_NOW, new Date());
}
