import { z } from 'zod';
import {
  DEFAULT_HOMEPAGE_SORT,
  HOMEPAGE_COLUMN_KEYS,
  homepageRowSchema,
  installationTotalsSchema,
  summarizationScheduleSchema,
} from '../homepage-summary/homepage-summary';
import { CLASSIFICATIONS, classificationSchema } from '../model/software-update';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './api-contract';

/** "all" or nothing: every value of the filter. */
const isAll = (value: string | undefined) => value === undefined || value === '' || value.toLowerCase() === 'all';

const wholeNumberParam = (name: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((value, context): number | null => {
      if (isAll(value)) return null;
      if (!/^\d+$/.test(value as string) || Number(value) < min || Number(value) > max) {
        context.addIssue({ code: 'custom', message: `${name} must be "all" or a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return Number(value);
    });

const pageParam = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, context): number => {
      if (value === undefined || value === '') return fallback;
      if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        context.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return Number(value);
    });

/**
 * GET /api/homepage-summary?vendor=&classification=&month=&year=&sort=&offset=&limit= : the Software Update
 * Installation Status Summary for a vendor, an update classification and a release month and year ("all", or left out,
 * for every one). A parameter it does not take is refused, naming it.
 */
export const homepageQuerySchema = z
  .object({
    vendor: z
      .string()
      .max(200, 'vendor must be at most 200 characters')
      .optional()
      .transform((value) => (isAll(value) ? null : (value as string))),
    classification: z
      .string()
      .optional()
      .transform((value, context) => {
        if (isAll(value)) return null;
        const parsed = classificationSchema.safeParse(value);
        if (!parsed.success) {
          context.addIssue({
            code: 'custom',
            message: `classification must be "all" or an update classification: ${CLASSIFICATIONS.join(', ')}`,
          });
          return z.NEVER;
        }
        return parsed.data;
      }),
    month: wholeNumberParam('month', 1, 12),
    year: wholeNumberParam('year', 1990, 2100),
    sort: z
      .string()
      .optional()
      .transform((value, context) => {
        const text = value === undefined || value === '' ? DEFAULT_HOMEPAGE_SORT : value;
        const match = /^([A-Za-z]+):(asc|desc)$/.exec(text);
        const field = match?.[1] as (typeof HOMEPAGE_COLUMN_KEYS)[number] | undefined;
        if (!match || !field || !HOMEPAGE_COLUMN_KEYS.includes(field)) {
          context.addIssue({
            code: 'custom',
            message: `sort must be a column and a direction such as "title:asc"; the columns are ${HOMEPAGE_COLUMN_KEYS.join(', ')}`,
          });
          return z.NEVER;
        }
        return { field, direction: match[2] as 'asc' | 'desc' };
      }),
    offset: pageParam('offset', 0, 10_000_000, 0),
    limit: pageParam('limit', 1, MAX_LIST_LIMIT, DEFAULT_LIST_LIMIT),
  })
  .strict();
export type HomepageQuery = z.infer<typeof homepageQuerySchema>;

export const chartGroupSchema = installationTotalsSchema.extend({ key: z.string(), label: z.string() });

export const homepageResponseSchema = z.object({
  /** "Last Updated": when the last summarization completed, on the site clock (null: none yet). */
  lastUpdated: z.string().nullable(),
  /** Who ran it, or null when the schedule did. */
  lastUpdatedBy: z.string().nullable(),
  schedule: summarizationScheduleSchema,
  intervalMinutes: z.number().int(),
  nextSummarizationAt: z.string().nullable(),
  filter: z.object({
    vendor: z.string().nullable(),
    classification: classificationSchema.nullable(),
    month: z.number().int().nullable(),
    year: z.number().int().nullable(),
  }),
  /** What the filter boxes offer: the vendors, classifications and years of the updates the caller may read. */
  facets: z.object({
    vendors: z.array(z.string()),
    classifications: z.array(classificationSchema),
    years: z.array(z.number().int()),
  }),
  /** The filtered updates' counts added up, and by release year (or month, within a year): the chart. */
  totals: installationTotalsSchema,
  chart: z.object({ grouping: z.enum(['year', 'month']), groups: z.array(chartGroupSchema) }),
  items: z.array(homepageRowSchema),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  /** Why the caller may not Run Homepage Summarization or Schedule Home Page Summarization, or null. */
  runWhyNot: z.string().nullable(),
  scheduleWhyNot: z.string().nullable(),
});
export type HomepageResponse = z.infer<typeof homepageResponseSchema>;

/** POST /api/homepage-summary/run and PUT /api/homepage-summary/schedule answer with the summarization's state. */
export const homepageSummarizationResponseSchema = z.object({
  lastUpdated: z.string().nullable(),
  lastUpdatedBy: z.string().nullable(),
  schedule: summarizationScheduleSchema,
  intervalMinutes: z.number().int(),
  nextSummarizationAt: z.string().nullable(),
});
export type HomepageSummarizationResponse = z.infer<typeof homepageSummarizationResponseSchema>;

/** PUT /api/homepage-summary/schedule: the Custom Schedule dialog's "Recur every". */
export const scheduleHomepageRequestSchema = summarizationScheduleSchema;
export type ScheduleHomepageRequest = z.infer<typeof scheduleHomepageRequestSchema>;
