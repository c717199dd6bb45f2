import { CLASSIFICATIONS } from '../model/software-update';
import {
  missingReadOnTypeMessage,
  missingRightOnObjectMessage,
  OBJECT_TYPE_NAMES,
  type ObjectType,
} from '../rights/rights';
import { ReportAccessError, ReportParameterError, type ReportContext } from './report-context';
import type { ReportOption, ReportParameter, ReportParameterKind } from './report-result';

/** A parameter of a report definition: its name in the URL, its caption and kind, whether it must be given. */
export interface ParameterDef {
  name: string;
  caption: string;
  kind: ReportParameterKind;
  required: boolean;
}

/** A picker lists its values when there are at most this many; past that, the values are searched. */
export const MAX_LISTED_OPTIONS = 500;
/** How many values a search of a parameter's values answers. */
export const MAX_FOUND_VALUES = 100;

export const COMPLIANCE_STATE_OPTIONS: ReportOption[] = [
  { value: 'compliant', label: 'Compliant' },
  { value: 'non-compliant', label: 'Non-compliant' },
  { value: 'unknown', label: 'Compliance state unknown' },
];

export const DEPLOYMENT_STATE_OPTIONS: ReportOption[] = [
  { value: 'compliant', label: 'Compliant' },
  { value: 'pending', label: 'Enforcement pending' },
  { value: 'unknown', label: 'Enforcement state unknown' },
];

export const SCAN_STATE_OPTIONS: ReportOption[] = [
  { value: 'completed', label: 'Scan completed' },
  { value: 'no-update-point', label: 'Scan pending: no software update point' },
  { value: 'itmu-current', label: 'Inventory Tool for Microsoft Updates scan' },
  { value: 'itmu-out-of-date', label: 'Inventory Tool for Microsoft Updates scan, catalog out of date' },
];

const byLabel = (a: ReportOption, b: ReportOption) => a.label.localeCompare(b.label, 'en-US');

const OBJECT_KINDS: Partial<Record<ReportParameterKind, ObjectType>> = {
  collection: 'Collection',
  updateList: 'UpdateList',
  deployment: 'Deployment',
  deploymentPackage: 'DeploymentPackage',
  sms2003Advertisement: 'Advertisement',
  site: 'Site',
};

/** Every object of a kind on the site, readable or not: [id, name]. */
function objectsOfKind(context: ReportContext, kind: ReportParameterKind): Array<[string, string]> {
  const { state } = context;
  switch (kind) {
    case 'collection':
      return state.collections.map((c) => [c.id, c.name]);
    case 'updateList':
      return state.updateLists.map((l) => [l.id, l.name]);
    case 'deployment':
      return state.deployments.map((d) => [d.id, d.name]);
    case 'deploymentPackage':
      return state.deploymentPackages.map((p) => [p.id, p.name]);
    case 'sms2003Advertisement':
      return state.sms2003Advertisements.map((a) => [a.id, a.name]);
    case 'site':
      return state.sites.map((s) => [s.code, `${s.code} - ${s.name}`]);
    default:
      return [];
  }
}

/** Every value the caller may pick for a parameter of this kind, from the site as it is now. */
export function allOptions(context: ReportContext, kind: ReportParameterKind): ReportOption[] {
  const objectType = OBJECT_KINDS[kind];
  if (objectType) {
    return objectsOfKind(context, kind)
      .filter(([id]) => context.canRead(objectType, id))
      .map(([id, name]) => ({ value: id, label: kind === 'site' ? name : `${name} (${id})` }))
      .sort(byLabel);
  }
  const distinct = (values: Iterable<string>) =>
    [...new Set(values)].filter((value) => value !== '').map((value) => ({ value, label: value }));
  switch (kind) {
    case 'vendor':
      return distinct(context.updates.map((u) => u.vendor)).sort(byLabel);
    case 'product':
      return distinct(context.updates.map((u) => u.product)).sort(byLabel);
    case 'classification': {
      const present = new Set(context.updates.map((u) => u.classification));
      return CLASSIFICATIONS.filter((c) => present.has(c)).map((c) => ({ value: c, label: c }));
    }
    case 'year':
      return distinct(context.updates.map((u) => u.dateReleased.slice(0, 4))).sort((a, b) =>
        b.value.localeCompare(a.value),
      );
    case 'articleId': {
      const titles = new Map<string, string>();
      for (const update of context.updates) {
        if (!titles.has(update.articleId)) titles.set(update.articleId, update.bulletinId || update.title);
      }
      return [...titles]
        .map(([value, what]) => ({ value, label: `${value} (${what})` }))
        .sort((a, b) => a.value.localeCompare(b.value, 'en-US', { numeric: true }));
    }
    case 'computer':
      return context.state.clients
        .filter((client) => context.readableClients.has(client.id))
        .map((client) => ({ value: client.name, label: client.name }))
        .sort(byLabel);
    case 'complianceState':
      return COMPLIANCE_STATE_OPTIONS;
    case 'deploymentState':
      return DEPLOYMENT_STATE_OPTIONS;
    case 'scanState':
      return SCAN_STATE_OPTIONS;
    default:
      return [];
  }
}

/** The parameters as the parameter form shows them: a picker's values, or null when they are searched instead. */
export function parameterForms(context: ReportContext, defs: readonly ParameterDef[]): ReportParameter[] {
  return defs.map((def) => {
    const options = allOptions(context, def.kind);
    return { ...def, options: options.length > MAX_LISTED_OPTIONS ? null : options };
  });
}

/** The values of a parameter that contain `q` (case-blind), at most MAX_FOUND_VALUES: the "Values..." search. */
export function findValues(context: ReportContext, def: ParameterDef, q: string): ReportOption[] {
  const needle = q.trim().toLowerCase();
  return allOptions(context, def.kind)
    .filter((option) => needle === '' || option.label.toLowerCase().includes(needle))
    .slice(0, MAX_FOUND_VALUES);
}

/** The longest value a parameter takes. */
const MAX_VALUE_LENGTH = 256;

/**
 * The parameters of a run, checked: a required one left out or a value the site does not offer is a
 * ReportParameterError naming the parameter (400); an object the caller may not read a ReportAccessError (403, naming
 * the right and the object). A parameter the report does not take is refused too, so a typo is not silently ignored.
 */
export function checkParameters(
  context: ReportContext,
  defs: readonly ParameterDef[],
  given: Readonly<Record<string, string>>,
): Record<string, string | null> {
  for (const name of Object.keys(given)) {
    if (!defs.some((def) => def.name === name)) {
      const takes = defs.map((def) => def.name).join(', ');
      throw new ReportParameterError(
        name,
        `${name}: this report has no parameter ${name}; ${takes ? `it takes ${takes}` : 'it takes none'}`,
      );
    }
  }
  const checked: Record<string, string | null> = {};
  for (const def of defs) {
    const raw = (given[def.name] ?? '').trim();
    if (raw === '') {
      if (def.required) throw new ReportParameterError(def.name, `${def.name}: ${def.caption} is required`);
      checked[def.name] = null;
      continue;
    }
    if (raw.length > MAX_VALUE_LENGTH) {
      throw new ReportParameterError(def.name, `${def.name}: at most ${MAX_VALUE_LENGTH} characters`);
    }
    checked[def.name] = checkValue(context, def, raw);
  }
  return checked;
}

function checkValue(context: ReportContext, def: ParameterDef, raw: string): string {
  const objectType = OBJECT_KINDS[def.kind];
  if (objectType) {
    const { plural, singular } = OBJECT_TYPE_NAMES[objectType];
    const readable = allOptions(context, def.kind);
    if (readable.some((option) => option.value === raw)) return raw;
    // Someone with no Read right on the type at all learns nothing about which objects exist.
    if (readable.length === 0 && !context.rights.hasAnyRightOnType(context.account, objectType)) {
      throw new ReportAccessError(missingReadOnTypeMessage(context.account, objectType));
    }
    const exists = objectsOfKind(context, def.kind).find(
      ([id]) => id === raw || id.toLowerCase() === raw.toLowerCase(),
    );
    if (exists)
      throw new ReportAccessError(missingRightOnObjectMessage(context.account, 'Read', objectType, exists[0]));
    throw new ReportParameterError(
      def.name,
      `${def.name}: there is no ${singular} with ID ${raw} (see ${plural} for the IDs)`,
    );
  }
  const options = allOptions(context, def.kind);
  const match = options.find((option) => option.value.toLowerCase() === raw.toLowerCase());
  if (match) return match.value;
  if (def.kind === 'year' && !/^\d{4}$/.test(raw)) {
    throw new ReportParameterError(def.name, `${def.name}: ${def.caption} must be a year such as 2008`);
  }
  if (def.kind === 'computer') {
    throw new ReportParameterError(
      def.name,
      `${def.name}: no computer named ${raw} is a member of a collection you may read`,
    );
  }
  const some = options
    .slice(0, 6)
    .map((option) => option.value)
    .join(', ');
  throw new ReportParameterError(
    def.name,
    options.length === 0
      ? `${def.name}: there is no ${def.caption.toLowerCase()} ${raw} among the software updates you may read`
      : `${def.name}: ${raw} is not a ${def.caption.toLowerCase()} of this site; use one of ${some}${options.length > 6 ? ', ...' : ''}`,
  );
}

/** A parameter's value in words, as the result shows it ("All Systems (SMS00001)"). */
export function parameterText(context: ReportContext, def: ParameterDef, value: string | null): string {
  if (value === null) return '(all)';
  const option = allOptions(context, def.kind).find((candidate) => candidate.value === value);
  return option?.label ?? value;
}
