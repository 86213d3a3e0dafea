/**
 * The only module that reads the collections, and the build's "now" and publication plan. The
 * collections hold only what is published at "now" (the loader filters, SPEC rule 10).
 */
import { once } from './once.ts';
import { getCollection, getEntry } from 'astro:content';
import { groupHistories, type AdvisoryHistory } from '../lib/advisory/history.ts';
import type { Announcement } from '../lib/announcement/announcements.ts';
import { publicationPlan, type PublicationPlan } from '../lib/publication/plan.ts';
import { buildNow } from '../io/now.ts';
import { renderMarkdown } from '../lib/text/markdown.ts';
import { policyModel, type PolicyModel } from '../lib/policy/policy.ts';
import type { ReleaseLine } from '../lib/policy/support.ts';
import type { Site } from '../schemas/site.ts';
import { byCodeUnit } from '../lib/common/order.ts';

/** "Now" for this build (BULLETIN_NOW, else the clock). */
export const now: Date = buildNow();

/** site.yaml, validated. */
export const getSite: () => Promise<Site> = once(async () => {
  const entry = await getEntry('site', 'site');
  if (!entry) throw new Error('site.yaml was not loaded');
  return entry.data;
});

/** Every release line, planned ones included (the support rules hide those). */
export const getReleaseLines: () => Promise<ReleaseLine[]> = once(async () => {
  return (await getCollection('releases')).map((e) => e.data);
});

export interface RenderedSection {
  slug: string;
  title: string;
  place: 'report' | 'policy';
  body: string;
  html: string;
}

/** Policy sections in order, with their markdown rendered safely. */
export const getPolicySections: () => Promise<RenderedSection[]> = once(async () => {
  const entries = await getCollection('policy');
  return entries
    .map((e) => e.data)
    .sort((a, b) => a.order - b.order || byCodeUnit(a.slug, b.slug))
    .map((s) => ({ slug: s.slug, title: s.title, place: s.place, body: s.body, html: renderMarkdown(s.body, import.meta.env.BASE_URL) }));
});

/** The policy model at this build's "now". */
export const getPolicyModel: () => Promise<PolicyModel> = once(async () => {
  return policyModel(await getSite(), await getReleaseLines(), now);
});

/** Every published revision, grouped by advisory (oldest revision first). */
export const getHistories: () => Promise<AdvisoryHistory[]> = once(async () => {
  return groupHistories((await getCollection('revisions')).map((e) => e.data));
});

/** Every published announcement. */
export const getAnnouncements: () => Promise<Omit<Announcement, 'src'>[]> = once(async () => {
  return (await getCollection('announcements')).map((e) => e.data);
});

/** The publication plan of this build (computed from the published content: its held-back list is empty here). */
export const getPlan: () => Promise<PublicationPlan> = once(async () => {
  return publicationPlan({ site: await getSite(), lines: await getReleaseLines(), advisories: await getHistories(), announcements: await getAnnouncements() }, now);
});

/** The armored public keys of content/keys/, by file name. */
export const getKeyTexts: () => Promise<Map<string, string>> = once(async () => new Map((await getCollection('keys')).map((e) => [e.id, e.data.text])));
