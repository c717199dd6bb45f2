import { z } from 'zod';
import type { PublishedCustomUpdate, SoftwareUpdatePoint } from '../model/after-upgrade-objects';
import { CLASSIFICATIONS, SEVERITIES, type SoftwareUpdate } from '../model/software-update';
import { operationTimeSchema } from '../operations/operation-time';
import { RuleViolation } from '../rule-violation';
import type { SiteState } from '../site-state';
import { uniqueIdFor } from '../sms2003/software-update-record';
import { slugify } from '../text';
import type { RightsIndex } from '../rights/rights';
import { whyNoRightFor } from './after-upgrade-rights';
import { requireConfigMgrSite } from './catalog-rules';
import { reportStatus } from './jobs';

/**
 * System Center Updates Publisher's Create Update Wizard, its Information page: a new custom update authored by an
 * administrator and published to the WSUS server of the software update point. It reaches the site database at the
 * next synchronization of the software update point, as an active (not LEGACY) Custom Updates update that is
 * Deployable to SMS 2003 ("Software updates only from Microsoft Update and published custom updates can be deployed
 * to SMS 2003 clients", the planning topic). Its text is data as a person typed it: HTML in a title is text.
 */

export const MAX_CUSTOM_UPDATE_TITLE = 200;
export const MAX_CUSTOM_UPDATE_DESCRIPTION = 1500;
export const MAX_CUSTOM_UPDATE_NAME = 100;
export const MAX_CUSTOM_UPDATE_ID = 50;
export const MAX_CUSTOM_UPDATE_URL = 500;
/** How many custom updates the site keeps as published (Updates Publisher's repository of this demo site). */
export const MAX_PUBLISHED_CUSTOM_UPDATES = 500;

/** The classifications and severities the wizard offers: the model's own lists. */
export const CUSTOM_UPDATE_CLASSIFICATIONS = CLASSIFICATIONS;
export const CUSTOM_UPDATE_SEVERITIES = SEVERITIES;

// C0 and C1 control characters (tabs, line breaks, escapes) and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// The description is a multi-line box: line breaks are allowed there, other control characters are not.
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A one-line text field: trimmed, required or not, at most `max` characters, no control characters. */
function lineField(what: string, max: number, required: boolean) {
  const text = z.string({ error: `the ${what} must be text` }).trim();
  return (required ? text.min(1, `the ${what} cannot be empty`) : text)
    .max(max, `the ${what} must be at most ${max} characters`)
    .refine((value) => !CONTROL.test(value), {
      message: `the ${what} cannot hold control characters such as tabs or line breaks`,
    });
}

/** A vendor or product: it names a folder of Update Repository, so it must hold a letter or digit (A-Z, 0-9). */
function folderName(what: string) {
  return lineField(what, MAX_CUSTOM_UPDATE_NAME, true).refine((value) => value === '' || slugify(value) !== '', {
    message: `the ${what} must hold at least one letter or digit (A-Z, 0-9): it names a folder of Update Repository`,
  });
}

/** The More info URL: empty, or an http or https address. */
const infoUrlSchema = z
  .string({ error: 'the More info URL must be text' })
  .trim()
  .max(MAX_CUSTOM_UPDATE_URL, `the More info URL must be at most ${MAX_CUSTOM_UPDATE_URL} characters`)
  .refine((value) => value === '' || isHttpUrl(value), {
    message: 'the More info URL must be an http:// or https:// address, or empty',
  });

function isHttpUrl(value: string): boolean {
  if (CONTROL.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The Information page's fields, as the wizard, the API and the log check them. */
export const customUpdateInformationSchema = z.object({
  title: lineField('title', MAX_CUSTOM_UPDATE_TITLE, true),
  description: z
    .string({ error: 'the description must be text' })
    .trim()
    .min(1, 'the description cannot be empty')
    .max(MAX_CUSTOM_UPDATE_DESCRIPTION, `the description must be at most ${MAX_CUSTOM_UPDATE_DESCRIPTION} characters`)
    .refine((value) => !CONTROL_BUT_LINE_BREAKS.test(value), {
      message: 'the description cannot hold control characters other than line breaks',
    }),
  classification: z.enum(CUSTOM_UPDATE_CLASSIFICATIONS, {
    error: `the classification must be one of ${CUSTOM_UPDATE_CLASSIFICATIONS.join(', ')}`,
  }),
  vendor: folderName('vendor'),
  product: folderName('product'),
  bulletinId: lineField('bulletin ID', MAX_CUSTOM_UPDATE_ID, false),
  articleId: lineField('article ID', MAX_CUSTOM_UPDATE_ID, false),
  severity: z.enum(CUSTOM_UPDATE_SEVERITIES, {
    error: `the severity must be one of ${CUSTOM_UPDATE_SEVERITIES.join(', ')}`,
  }),
  infoUrl: infoUrlSchema,
});
export type CustomUpdateInformation = z.infer<typeof customUpdateInformationSchema>;
export type CustomUpdateField = keyof CustomUpdateInformation;

/** The wizard's fields, in the order of the page. */
export const CUSTOM_UPDATE_FIELDS: readonly CustomUpdateField[] = [
  'title',
  'description',
  'classification',
  'vendor',
  'product',
  'bulletinId',
  'articleId',
  'severity',
  'infoUrl',
];

/** Log entry: publish one custom update to WSUS with System Center Updates Publisher. */
export const publishCustomUpdateSchema = customUpdateInformationSchema.extend({
  at: operationTimeSchema,
  type: z.literal('publish-custom-update'),
  by: z.string(),
});
export type PublishCustomUpdate = z.infer<typeof publishCustomUpdateSchema>;

/** What is wrong with each field of the page (the first problem of each), for the wizard to say beside it. */
export function customUpdateFieldProblems(
  fields: Record<CustomUpdateField, unknown>,
): Partial<Record<CustomUpdateField, string>> {
  const parsed = customUpdateInformationSchema.safeParse(fields);
  const problems: Partial<Record<CustomUpdateField, string>> = {};
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as CustomUpdateField | undefined;
    if (field && !problems[field]) problems[field] = issue.message;
  }
  return problems;
}

/** The ID the next published custom update gets. */
function nextPublishedId(published: readonly PublishedCustomUpdate[]): string {
  return `SCUP${String(published.length + 1).padStart(6, '0')}`;
}

/** The WSUS key of a published custom update (its Unique Update ID is derived from it). */
export function publishedCustomUpdateKey(id: string): string {
  return `wsus/scup/${id}`;
}

/** Vendors and products the site already knows (synchronized, migrated or published), for the folder rule. */
function knownNames(state: SiteState) {
  const vendors = new Map<string, string>();
  const products = new Map<string, string>();
  const note = (vendor: string, product: string) => {
    if (!vendors.has(slugify(vendor))) vendors.set(slugify(vendor), vendor);
    const key = `${slugify(vendor)}/${slugify(product)}`;
    if (!products.has(key)) products.set(key, product);
  };
  for (const update of state.softwareUpdates) note(update.vendor, update.product);
  for (const update of state.facts.publishedCustomUpdates) note(update.vendor, update.product);
  return { vendors, products };
}

/**
 * The site-wide rules of publishing, whatever the update: a Configuration Manager site with a software update point
 * (Updates Publisher publishes to its WSUS server), and room in the repository. Returns the site, or throws.
 */
function requirePublishingSite(site: SiteState | null): SiteState & { softwareUpdatePoint: SoftwareUpdatePoint } {
  const state = requireConfigMgrSite(site, 'Publishing a custom update');
  const sup = state.softwareUpdatePoint;
  if (!sup) {
    throw new RuleViolation(
      'no-software-update-point',
      'System Center Updates Publisher publishes to the WSUS server of the software update point: create the software update point first (Site Management > CEN > Site Settings > Site Systems > New Roles...).',
    );
  }
  const count = state.facts.publishedCustomUpdates.length;
  if (count >= MAX_PUBLISHED_CUSTOM_UPDATES) {
    throw new RuleViolation(
      'too-many-published-custom-updates',
      `${count} custom updates are already published from this site, the most this console keeps (${MAX_PUBLISHED_CUSTOM_UPDATES}).`,
    );
  }
  return { ...state, softwareUpdatePoint: sup };
}

/** Why no custom update can be published now (the action greyed out with the server's words), or null. */
export function whyCustomUpdatesCannotBePublished(site: SiteState | null): string | null {
  try {
    requirePublishingSite(site);
    return null;
  } catch (error) {
    if (error instanceof RuleViolation) return error.message;
    throw error;
  }
}

/** The Information page as the wizard opens it: empty, Updates, severity None. */
export const EMPTY_CUSTOM_UPDATE: CustomUpdateInformation = {
  title: '',
  description: '',
  classification: 'Updates',
  vendor: '',
  product: '',
  bulletinId: '',
  articleId: '',
  severity: 'None',
  infoUrl: '',
};

/**
 * Why the administrator may not publish a custom update now, or null: the right first (Modify on the site, whatever
 * the update), then the site-wide rules. The console greys "Publish Custom Update..." out with it.
 */
export function whyNotPublishCustomUpdate(site: SiteState | null, rights: RightsIndex, account: string): string | null {
  const noRight = whyNoRightFor(rights, account, {
    type: 'publish-custom-update',
    ...EMPTY_CUSTOM_UPDATE,
    by: account,
  });
  return noRight ?? whyCustomUpdatesCannotBePublished(site);
}

/**
 * "Publish Custom Update...": the site-wide rules above, then: a vendor or product spelt differently from one the
 * site knows under the same folder name is refused (Update Repository would show two folders of one name), as is a
 * second update of the same title, vendor and product.
 */
export function publishCustomUpdate(site: SiteState | null, operation: PublishCustomUpdate, at: string): SiteState {
  const state = requirePublishingSite(site);
  const sup = state.softwareUpdatePoint;
  const published = state.facts.publishedCustomUpdates;
  const { vendors, products } = knownNames(state);
  const knownVendor = vendors.get(slugify(operation.vendor));
  if (knownVendor !== undefined && knownVendor !== operation.vendor) {
    throw new RuleViolation(
      'custom-update-vendor-spelling',
      `Update Repository already has a vendor folder ${knownVendor}: spell the vendor exactly ${knownVendor}, or choose another name.`,
    );
  }
  const knownProduct = products.get(`${slugify(operation.vendor)}/${slugify(operation.product)}`);
  if (knownProduct !== undefined && knownProduct !== operation.product) {
    throw new RuleViolation(
      'custom-update-product-spelling',
      `${operation.vendor} already has a product folder ${knownProduct}: spell the product exactly ${knownProduct}, or choose another name.`,
    );
  }
  const sameTitle = (title: string) => title.toLowerCase() === operation.title.toLowerCase();
  const twin = published.find(
    (update) => sameTitle(update.title) && update.vendor === operation.vendor && update.product === operation.product,
  );
  if (twin) {
    throw new RuleViolation(
      'custom-update-already-published',
      `${twin.publishedBy} already published a custom update titled ${twin.title} for ${twin.vendor} ${twin.product} (${twin.id}): revise that update rather than publish a second one.`,
    );
  }
  const id = nextPublishedId(published);
  const update: PublishedCustomUpdate = {
    id,
    uniqueId: uniqueIdFor(publishedCustomUpdateKey(id), state.seed),
    title: operation.title,
    description: operation.description,
    classification: operation.classification,
    vendor: operation.vendor,
    product: operation.product,
    bulletinId: operation.bulletinId,
    articleId: operation.articleId,
    severity: operation.severity,
    infoUrl: operation.infoUrl,
    publishedAt: at,
    publishedBy: operation.by,
  };
  return reportStatus({ ...state, facts: { ...state.facts, publishedCustomUpdates: [...published, update] } }, at, [
    {
      component: 'System Center Updates Publisher',
      severity: 'Informational',
      messageId: 8002,
      description: `${operation.by} published the custom update ${update.title} (${update.vendor}, ${update.product}; ${id}) to WSUS on ${sup.serverName}. It reaches the site database at the next synchronization of the software update point.`,
    },
  ]);
}

/** The published custom updates WSUS offers a synchronization that starts at `asOf` (all of them without it). */
export function publishedCustomUpdatesBy(state: SiteState, asOf?: string): PublishedCustomUpdate[] {
  const published = state.facts.publishedCustomUpdates;
  if (asOf === undefined) return [...published];
  const cutoff = Date.parse(asOf);
  return published.filter((update) => Date.parse(update.publishedAt) <= cutoff);
}

/**
 * A published custom update as the synchronization brings it: active (not LEGACY, not expired), Deployable to SMS
 * 2003, released on the day it was published. `uniqueId` and `compliance` come from the synchronization.
 */
export function synchronizedCustomUpdate(
  published: PublishedCustomUpdate,
  id: string,
  wsusServer: string,
  compliance: SoftwareUpdate['compliance'],
): SoftwareUpdate {
  const released = published.publishedAt.slice(0, 10);
  return {
    id,
    uniqueId: published.uniqueId,
    title: published.title,
    description: published.description,
    bulletinId: published.bulletinId,
    articleId: published.articleId,
    infoUrl: published.infoUrl,
    applicability: `Applies to computers on which ${published.product} is installed (applicability rules authored in System Center Updates Publisher).`,
    sourcePath: `http://${wsusServer}/Content/${published.uniqueId.slice(-2).toUpperCase()}/${published.uniqueId}.cab`,
    vendor: published.vendor,
    product: published.product,
    classification: published.classification,
    severity: published.severity,
    language: 'English',
    dateReleased: released,
    dateRevised: released,
    sizeKb: 1200,
    maxRunTimeMinutes: 10,
    sourceCatalog: 'Custom Updates',
    existedBeforeUpgrade: false,
    legacy: false,
    expired: false,
    superseded: false,
    supersededBy: null,
    hidden: false,
    // "Software updates only from Microsoft Update and published custom updates can be deployed to SMS 2003 clients."
    deployableToSms2003: true,
    deployed: false,
    downloaded: false,
    compliance,
  };
}
