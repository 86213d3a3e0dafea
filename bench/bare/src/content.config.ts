// Every advisory file of the benchmark's content folder (BENCH_BARE_CONTENT), as plain markdown:
// `<ID>.md` (the newest revision) and `<ID>/v<N>.md` (earlier ones), ids kept as paths.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const advisories = defineCollection({
  loader: glob({ pattern: '**/*.md', base: process.env.BENCH_BARE_CONTENT, generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
});

export const collections = { advisories };
