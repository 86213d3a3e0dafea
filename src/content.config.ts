// Wiring only: each collection gets Bulletin's loader and the schema its data was validated with.
import { defineCollection } from 'astro:content';
import { bulletinLoader } from './io/loader.ts';
import { policySectionSchema } from './schemas/policy.ts';
import { siteSchema } from './schemas/site.ts';
import { z } from 'zod';
import type { Revision } from './lib/advisory/history.ts';
import type { ReleaseLine } from './lib/policy/support.ts';
import type { Announcement } from './lib/announcement/announcements.ts';

const site = defineCollection({
  loader: bulletinLoader((c) => [{ id: 'site', data: c.site }]),
  schema: siteSchema,
});

// Release lines as the domain type (validated and converted once by Bulletin's validator).
const releases = defineCollection({
  loader: bulletinLoader((c) => c.lines.map((l) => ({ id: `${l.package}/${l.name}`, data: { ...l } }))),
  schema: z.custom<ReleaseLine>(),
});

const policy = defineCollection({
  loader: bulletinLoader((c) => c.policy.map((p) => ({ id: p.slug, data: { ...p } }))),
  schema: policySectionSchema.extend({ slug: z.string(), body: z.string() }),
});

// The loader hands every collection only what is published at this build's "now" (SPEC rule 10):
// no draft or embargoed text reaches Astro's data store. Revisions and announcements were
// validated by Bulletin's own schemas; `z.custom` only carries their types.

// Every published revision of every advisory.
const revisions = defineCollection({
  loader: bulletinLoader((c) => c.advisories.flatMap((h) => h.revisions.map((r) => ({ id: `${r.id}@v${r.number}`, data: { ...r } })))),
  schema: z.custom<Revision>(),
});

// The public keys of content/keys/, by file name.
const keys = defineCollection({
  loader: bulletinLoader((c) => c.keys.map((k) => ({ id: k.file, data: { text: k.text } }))),
  schema: z.object({ text: z.string() }),
});

// Every published announcement (without the positions of its front matter).
const announcements = defineCollection({
  loader: bulletinLoader((c) => c.announcements.map(({ src: _src, ...a }: (typeof c.announcements)[number] & { src?: unknown }) => ({ id: a.slug, data: { ...a } }))),
  schema: z.custom<Omit<Announcement, 'src'>>(),
});

export const collections = { site, releases, policy, revisions, keys, announcements };
