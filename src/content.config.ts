// Wiring only: each collection gets Bulletin's loader and the schema its data was validated with.
import { defineCollection } from 'astro:content';
import { bulletinLoader } from './io/loader.ts';
import { policySectionSchema } from './schemas/policy.ts';
import { releaseLineSchema } from './schemas/releases.ts';
import { siteSchema } from './schemas/site.ts';
import { z } from 'zod';

const site = defineCollection({
  loader: bulletinLoader((c) => [{ id: 'site', data: c.site }]),
  schema: siteSchema,
});

const releases = defineCollection({
  loader: bulletinLoader((c) => c.lines.map((l) => ({ id: `${l.package}/${l.name}`, data: l }))),
  schema: releaseLineSchema,
});

const policy = defineCollection({
  loader: bulletinLoader((c) => c.policy.map((p) => ({ id: p.slug, data: { ...p } }))),
  schema: policySectionSchema.extend({ slug: z.string(), body: z.string() }),
});

// Every revision of every advisory, drafts and embargoed ones included: src/data/advisories.ts
// holds the one filter that decides what is published.
const revisions = defineCollection({
  loader: bulletinLoader((c) => c.advisories.flatMap((h) => h.revisions.map((r) => ({ id: `${r.id}@v${r.number}`, data: { ...r } })))),
});

// The public keys of content/keys/, by file name.
const keys = defineCollection({
  loader: bulletinLoader((c) => c.keys.map((k) => ({ id: k.file, data: { text: k.text } }))),
});

// Every announcement, drafts and unpublished ones included: src/data/announcements.ts filters.
const announcements = defineCollection({
  loader: bulletinLoader((c) => c.announcements.map(({ src: _src, ...a }) => ({ id: a.slug, data: { ...a } }))),
});

export const collections = { site, releases, policy, revisions, keys, announcements };
