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
 * (a change replaces them), so the text is computed once per object and kept as long as the object lives. All Columns,
 * the choice prepared ahead for every object, has a cache of its own: a Map per object would cost more than its text.
 */
const allColumnsTextCache = new WeakMap<object, string>();
const searchTextCache = new WeakMap<object, Map<string, string>>();

/** The text "Look for" matches for one object (exported for the world fingerprint in scripts/bench). */
export function searchText(resource: ResourceDef, item: Identified, searchIn: string): string {
  if (searchIn === 'all') {
    let text = allColumnsTextCache.get(item);
    if (text === undefined) allColumnsTextCache.set(item, (text = foldCase(joinedFieldText(resource.fields, item))));
    return text;
  }
  let texts = searchTextCache.get(item);
  if (!texts) searchTextCache.set(item, (texts = new Map()));
  let text = texts.get(searchIn);
  if (text === undefined) {
    text = foldCase(joinedFieldText(searchedFields(resource, searchIn), item));
    texts.set(searchIn, text);
  }
  return text;
}

/**
 * The fields' text joined by a separator no one types, which keeps a match from spanning two columns. It is folded
 * once as a whole rather than field by field (no array and one string per field to throw away, at 27 fields of
 * 50,000 updates): the same text, since U+0000 is neither cased nor case-ignorable, so no case mapping (not even the
 * Greek final sigma) looks across it.
 */
function joinedFieldText(fields: readonly FieldDef<Identified>[], item: Identified): string {
  // One array reused for every object; join writes the text in one piece (no string per `+=` on the way).
  FIELD_TEXTS.length = fields.length;
  for (let i = 0; i < fields.length; i++) FIELD_TEXTS[i] = fieldText(fields[i] as FieldDef<Identified>, item);
  return FIELD_TEXTS.join('\u0000');
}

const FIELD_TEXTS: string[] = [];

export function matchesLookFor(resource: ResourceDef, item: Identified, q: string, searchIn: string): boolean {
  const needle = foldCase(q.trim());
  if (needle === '') return true;
  return searchText(resource, item, searchIn).includes(needle);
}

/**
 * The search text of every object of a list, in the list's order, per "Search in" choice: kept as long as the list
 * (a change replaces the list, which drops its texts). A search of a kept list then costs one `includes` per object,
 * not a cache lookup per object as well (about half the time at 50,000 updates).
 */
const listTextsCache = new WeakMap<readonly Identified[], Map<string, readonly string[]>>();

function listSearchTexts(resource: ResourceDef, items: readonly Identified[], searchIn: string): readonly string[] {
  let bySearchIn = listTextsCache.get(items);
  if (!bySearchIn) listTextsCache.set(items, (bySearchIn = new Map()));
  let texts = bySearchIn.get(searchIn);
  if (!texts) {
    texts = items.map((item) => searchText(resource, item, searchIn));
    bySearchIn.set(searchIn, texts);
  }
  return texts;
}

/** The objects of a list that match "Look for" (all of them for an empty one), in the list's order. */
export function filterByLookFor<T extends Identified>(
  resource: ResourceDef,
  items: readonly T[],
  q: string,
  searchIn: string,
): T[] {
  const needle = foldCase(q.trim());
  if (needle === '') return items.slice();
  const texts = listSearchTexts(resource, items, searchIn);
  const found: T[] = [];
  for (let index = 0; index < texts.length; index++) {
    if ((texts[index] as string).includes(needle)) found.push(items[index] as T);
  }
  return found;
}

/**
 * Prepares the "Look for" text of every object ahead of the first search, a slice at a time, so the first Find Now
 * costs a scan rather than building the text of tens of thousands of objects. Returns how many objects it prepared
 * before `hasTimeLeft` said stop, starting at `from` (call again from there in the next idle slice).
 */
export function prepareSearchText(
  resource: ResourceDef,
  items: readonly Identified[],
  searchIn: string,
  from: number,
  hasTimeLeft: () => boolean,
): number {
  let index = from;
  while (index < items.length) {
    searchText(resource, items[index] as Identified, searchIn);
    index++;
    // Checking the time is not free: every 64 objects is often enough to stay inside a frame.
    if (index % 64 === 0 && !hasTimeLeft()) break;
  }
  return index - from;
}

/**
 * The objects of a list in sort order, all of them, kept as long as the list itself lives (a change replaces the
 * array, which drops its orders). Find Now and every window of a sorted list then cost a scan, not a sort.
 */
const sortedOrderCache = new WeakMap<readonly Identified[], Map<string, SortedOrder<Identified>>>();

/**
 * An order and, for one that was sorted, whether each object's key equals the one before it (a tie the id broke): what
 * it takes to turn the order around without reading a key again. An order turned around has no need of it: the order
 * it came from is kept beside it.
 */
interface SortedOrder<T> {
  items: readonly T[];
  tied?: Uint8Array;
}

function sortedOrder<T extends Identified>(resource: ResourceDef, items: readonly T[], sort: SortSpec): readonly T[] {
  let orders = sortedOrderCache.get(items);
  if (!orders) sortedOrderCache.set(items, (orders = new Map()));
  const key = `${sort.field}:${sort.direction}`;
  const cached = orders.get(key);
  if (cached) return cached.items as readonly T[];
  const field = fieldOf(resource, sort.field);
  if (!field) throw new Error(`${resource.name} has no field ${sort.field}`);
  const opposite = orders.get(`${sort.field}:${sort.direction === 'asc' ? 'desc' : 'asc'}`);
  const order = opposite?.tied ? reversedOrder(opposite.items, opposite.tied) : sortedBy(items, field, sort);
  orders.set(key, order);
  return order.items as readonly T[];
}

function sortedBy<T extends Identified>(
  items: readonly T[],
  field: FieldDef<Identified>,
  sort: SortSpec,
): SortedOrder<T> {
  const keyed = items.map((item) => ({ item, key: fieldSortKey(field, item) }));
  const sign = sort.direction === 'asc' ? 1 : -1;
  // The id breaks ties (ascending whatever the direction), so windows of the same list never overlap or skip.
  keyed.sort((a, b) => {
    if (a.key < b.key) return -sign;
    if (a.key > b.key) return sign;
    return compareIds(a.item.id, b.item.id);
  });
  const tied = new Uint8Array(keyed.length);
  for (let index = 1; index < keyed.length; index++) {
    const [before, here] = [
      (keyed[index - 1] as (typeof keyed)[number]).key,
      (keyed[index] as (typeof keyed)[number]).key,
    ];
    // Equal as the sort saw them: neither before the other.
    tied[index] = !(before < here) && !(before > here) ? 1 : 0;
  }
  return { items: keyed.map((entry) => entry.item), tied };
}

/**
 * The same objects in the other direction, from an order already sorted, in linear time (clicking a sorted column
 * again at 50,000 updates cost a sort of long titles): the order read backwards, each run of tied keys put back in
 * ascending id order, since ties are broken by ascending id whichever the direction.
 */
function reversedOrder<T extends Identified>(items: readonly T[], tied: Uint8Array): SortedOrder<T> {
  const reversed: T[] = new Array<T>(items.length);
  let out = 0;
  let runEnd = items.length;
  while (runEnd > 0) {
    // The run of tied keys that ends at runEnd - 1, copied in its own (ascending id) order.
    let runStart = runEnd - 1;
    while (runStart > 0 && tied[runStart] === 1) runStart--;
    for (let index = runStart; index < runEnd; index++) reversed[out++] = items[index] as T;
    runEnd = runStart;
  }
  return { items: reversed };
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
  const needle = foldCase(criteria.q.trim());
  const selected: T[] = [];
  for (const item of sortedOrder(resource, items, criteria.sort)) {
    if (!include(item)) continue;
    if (needle !== '' && !searchText(resource, item, criteria.searchIn).includes(needle)) continue;
    selected.push(item);
  }
  return selected;
}

function compareIds(a: string, b: string): number {
  if (a.length !== b.length && /^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
