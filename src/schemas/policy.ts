/** `content/policy/*.md`: the prose sections of the security page, in order. */
import { z } from 'zod';

export const policySectionSchema = z.strictObject({
  /** The section heading. */
  title: z.string().min(1),
  /** Position on the page; lower comes first. */
  order: z.number().int(),
  /** Where the section goes: `report` (how to report and what to include) or `policy` (after the tables). */
  place: z.enum(['report', 'policy']).default('policy'),
});

export type PolicySectionMeta = z.output<typeof policySectionSchema>;
