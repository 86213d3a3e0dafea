/**
 * What `npm run build` hands the Astro process it starts, so that one build validates once,
 * plans once and resolves the signing key once: the content published at "now" (nothing held
 * back: SPEC rule 10 forbids unpublished material in a staging folder), "now" itself, and the
 * public half of the signing key. The script keeps the plan's held-back tokens and the private
 * key in its own memory, and signs and guards the output itself after Astro has rendered it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Announcement } from '../lib/announcement/announcements.ts';
import type { Content } from '../lib/content/validate.ts';

/** Content with only what is published, as the content layer receives it. */
export type PublishedContent = Omit<Content, 'announcements'> & { announcements: Omit<Announcement, 'src'>[] };

/** The key this build signs with, without its private half. */
export interface BuildKey {
  fingerprint: string;
  /** The development key: not the project's key, and every page that shows it says so. */
  development: boolean;
  armoredPublic: string;
}

export interface Handoff {
  now: Date;
  content: PublishedContent;
  key: BuildKey;
}

/** The environment variable that names the handoff file. */
export const HANDOFF_VARIABLE = 'BULLETIN_HANDOFF';

/** The small part of the handoff, in a file of its own beside the content (`<handoff>.key`). */
export type HandoffKey = Omit<Handoff, 'content'>;

/**
 * Writes the handoff (structured clone: dates stay dates): the content in the file `path`, "now"
 * and the key in `<path>.key`, so the pages that only need the key do not read the content
 * again (a second of deserializing at ten thousand advisories, each time).
 */
export function writeHandoff(path: string, handoff: Handoff): void {
  const { content, ...small } = handoff;
  const announcements = content.announcements.map(({ src: _src, ...a }: Omit<Announcement, 'src'> & { src?: unknown }) => a);
  writeFileSync(path, serialize({ ...content, announcements }), { mode: 0o600 });
  writeFileSync(`${path}.key`, serialize(small satisfies HandoffKey), { mode: 0o600 });
}

/** "Now" and the key of the build that started this process, if one did. */
export function readHandoffKey(env: NodeJS.ProcessEnv = process.env): HandoffKey | undefined {
  const path = env[HANDOFF_VARIABLE];
  return path ? (deserialize(readFileSync(`${path}.key`)) as HandoffKey) : undefined;
}

/** The handoff of the build that started this process, if one did. */
export function readHandoff(env: NodeJS.ProcessEnv = process.env): Handoff | undefined {
  const small = readHandoffKey(env);
  return small && { ...small, content: deserialize(readFileSync(env[HANDOFF_VARIABLE]!)) as PublishedContent };
}
