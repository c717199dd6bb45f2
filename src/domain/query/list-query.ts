import { fieldSortKey, fieldText, type FieldDef } from './fields';
import { fieldOf, type Identified, type ResourceDef } from './resources';
import { foldCase } from '../text';

export interface SortSpec {
  field: string;
  direction: 'asc' | 'desc';
}

export interface ListCriteria {
  /** "Look for": matched case-blind against the text the console shows. */
  q: string;
  /** "Search in": a field key, or 'all' for All Columns. */
  searchIn: string;
  sort: SortSpec;
}

export function parseSort(sort: string): SortSpec | null {
  const match = /^([A-Za-z0-9]+):(asc|desc)$/.exec(sort);
  if (!match) return null;
  return { field: match[1] as string, direction: match[2] as 'asc' | 'desc' };
}

/** The fields "Look for" searches when "Search in" is All Columns. */
function searchedFields(resource: ResourceDef, searchIn: string): FieldDef<Identified>[] {
  if (searchIn === 'all') return resource.fields;
  const field = fieldOf(resource, searchIn);
  return field ? [field] : [];
}

/**
 * The lower-cased text "Look for" searches in, per object and "Search in" choice. Objects are never changed in place
 * (a change replaces them), so the text is computed once per object and kept as long as the object lives.
 */
const searchTextCache = new WeakMap<object, Map<string, string>>();

function searchText(resource: ResourceDef, item: Identified, searchIn: string): string {
  let texts = searchTextCache.get(item);
  if (!texts) searchTextCache.set(item, (texts = new Map()));
  let text = texts.get(searchIn);
  if (text === undefined) {
    // A separator no one types keeps a match from spanning two columns.
    text = searchedFields(resource, searchIn)
      .map((field) => foldCase(fieldText(field, item)))
      .join('\u0000');
    texts.set(searchIn, text);
  }
  return text;
}

export function matchesLookFor(resource: ResourceDef, item: Identified, q: string, searchIn: string): boolean {
  const needle = foldCase(q.trim());
  if (needle === '') return true;
  return searchText(resource, item, searchIn).includes(needle);
}

/**
 * The objects a list shows, in order: those the caller may see (`include`), matching "Look for", sorted with the id
 * as the tie-breaker so that windows of the same list never overlap or skip.
 */
export function selectAndSort<T extends Identified>(
  resource: ResourceDef,
  items: readonly T[],
  criteria: ListCriteria,
  include: (item: T) => boolean,
): T[] {
  const field = fieldOf(resource, criteria.sort.field);
  if (!field) throw new Error(`${resource.name} has no field ${criteria.sort.field}`);
  const needle = foldCase(criteria.q.trim());
  const selected: Array<{ item: T; key: string | number }> = [];
  for (const item of items) {
    if (!include(item)) continue;
    if (needle !== '' && !searchText(resource, item, criteria.searchIn).includes(needle)) continue;
    selected.push({ item, key: fieldSortKey(field, item) });
  }
  const sign = criteria.sort.direction === 'asc' ? 1 : -1;
  selected.sort((a, b) => {
    if (a.key < b.key) return -sign;
    if (a.key > b.key) return sign;
    return compareIds(a.item.id, b.item.id);
  });
  return selected.map((entry) => entry.item);
}

function compareIds(a: string, b: string): number {
  if (a.length !== b.length && /^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
