/**
 * Real clients the tests check outputs with (GnuPG, the feed parser, Chromium). `npm test` runs
 * those checks where the tool is present and skips them where it is not; CI sets
 * BULLETIN_REQUIRE_TOOLS=1, which turns a missing tool into a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { envFlag } from '../../src/io/env.ts';

export const REQUIRE_TOOLS = envFlag('BULLETIN_REQUIRE_TOOLS');

const probes: Record<string, () => boolean> = {
  gpg: () => spawnSync('gpg', ['--version']).status === 0,
  feedparser: () => spawnSync('/usr/bin/python3', ['-c', 'import feedparser']).status === 0,
  chromium: () => existsSync('/usr/bin/chromium'),
};

const install: Record<string, string> = {
  gpg: 'apt-get install -y gnupg',
  feedparser: 'apt-get install -y python3-feedparser',
  chromium: 'apt-get install -y chromium',
};

/** Whether a tool is present; throws when it is missing and CI requires it. */
export function hasTool(name: keyof typeof probes): boolean {
  const present = probes[name]!();
  if (!present && REQUIRE_TOOLS) {
    throw new Error(`${name} is missing but BULLETIN_REQUIRE_TOOLS=1: install it (${install[name]})`);
  }
  return present;
}
