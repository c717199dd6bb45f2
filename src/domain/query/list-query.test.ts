import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldSortKey, fieldText, type FieldDef } from './fields';
import {
  filterByLookFor,
  matchesLookFor,
  prepareSearchText,
  searchText,
  selectAndSort,
  type SortSpec,
} from './list-query';
import type { Identified, ResourceDef } from './resources';

interface Row extends Identified {
  name: string;
  count: number;
}

const FIELDS: FieldDef<Row>[] = [
  { key: 'name', caption: 'Name', kind: 'text', get: (row) => row.name },
  { key: 'count', caption: 'Count', kind: 'number', get: (row) => row.count },
];
const RESOURCE = { name: 'rows', fields: FIELDS } as unknown as ResourceDef;

/** The list as the rule says it, written the plain way: filter, then sort by key with the id as tie-breaker. */
function naive(rows: readonly Row[], q: string, sort: SortSpec, include: (row: Row) => boolean): string[] {
  const field = FIELDS.find((candidate) => candidate.key === sort.field) as FieldDef<Row>;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byId = (a: string, b: string) =>
    a.length !== b.length && /^\d+$/.test(a) && /^\d+$/.test(b) ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  return rows
    .filter((row) => include(row) && matchesLookFor(RESOURCE, row, q, 'all'))
    .sort((a, b) => {
      const [ka, kb] = [fieldSortKey(field, a), fieldSortKey(field, b)];
      return ka < kb ? -sign : ka > kb ? sign : byId(a.id, b.id);
    })
    .map((row) => row.id);
}

const rowsArbitrary = fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 40 }).chain((ids) =>
  fc.tuple(
    ...ids.map((id) =>
      fc.record({
        id: fc.constant(String(id)),
        name: fc.constantFrom('Alpha', 'alpha', 'Beta', 'MS08-067', 'ms08-067 b', ''),
        count: fc.integer({ min: 0, max: 3 }),
      }),
    ),
  ),
);

describe('selectAndSort', () => {
  it('lists what a plain filter-then-sort lists, in the same order, for any rows, search and sort', () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.constantFrom('', 'a', 'MS08', 'b', '0'),
        fc.constantFrom('name', 'count'),
        fc.constantFrom('asc', 'desc' as const),
        fc.integer({ min: 1, max: 4 }),
        (rows, q, field, direction, modulo) => {
          const sort: SortSpec = { field, direction: direction as 'asc' | 'desc' };
          const include = (row: Row) => Number(row.id) % modulo !== 0;
          // Twice on the same array: the second answer comes from the kept order and must not differ.
          const first = selectAndSort(RESOURCE, rows, { q, searchIn: 'all', sort }, include).map((row) => row.id);
          const second = selectAndSort(RESOURCE, rows, { q, searchIn: 'all', sort }, include).map((row) => row.id);
          const expected = naive(rows, q, sort, include);
          expect(first).toEqual(expected);
          expect(second).toEqual(expected);
        },
      ),
    );
  });

  it('any sequence of sorts of the same list (the other direction derived from a kept order) lists what the rule says', () => {
    const sorts = fc.record({
      field: fc.constantFrom('name', 'count'),
      direction: fc.constantFrom('asc', 'desc' as const),
    });
    fc.assert(
      fc.property(rowsArbitrary, fc.array(sorts, { minLength: 1, maxLength: 6 }), (rows, sequence) => {
        for (const sort of sequence) {
          const spec: SortSpec = { field: sort.field, direction: sort.direction as 'asc' | 'desc' };
          const listed = selectAndSort(RESOURCE, rows, { q: '', searchIn: 'all', sort: spec }, () => true);
          expect(listed.map((row) => row.id)).toEqual(naive(rows, '', spec, () => true));
        }
      }),
    );
  });

  it('a changed list (a new array) is sorted again, not read from the old order', () => {
    const rows: Row[] = [
      { id: '1', name: 'B', count: 0 },
      { id: '2', name: 'A', count: 0 },
    ];
    const sort: SortSpec = { field: 'name', direction: 'asc' };
    expect(selectAndSort(RESOURCE, rows, { q: '', searchIn: 'all', sort }, () => true).map((r) => r.id)).toEqual([
      '2',
      '1',
    ]);
    const changed = [{ ...rows[0], name: 'C' } as Row, { id: '3', name: 'AA', count: 0 }, rows[1] as Row];
    expect(selectAndSort(RESOURCE, changed, { q: '', searchIn: 'all', sort }, () => true).map((r) => r.id)).toEqual([
      '2',
      '3',
      '1',
    ]);
  });
});

describe('filterByLookFor', () => {
  it('keeps, in order, the objects matching "Look for" one by one, for any list, search and "Search in"', () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.constantFrom('', '  ', 'a', ' MS08 ', 'b', '0', 'alpha', 'ms08-067 b', 'zzz'),
        fc.constantFrom('all', 'name', 'count'),
        (rows, q, searchIn) => {
          const expected = rows.filter((row) => matchesLookFor(RESOURCE, row, q, searchIn)).map((row) => row.id);
          // Twice on the same array: the second search reads the kept texts and must not differ.
          expect(filterByLookFor(RESOURCE, rows, q, searchIn).map((row) => row.id)).toEqual(expected);
          expect(filterByLookFor(RESOURCE, rows, q, searchIn).map((row) => row.id)).toEqual(expected);
        },
      ),
    );
  });

  it('a changed list (a new array) is searched in its own texts', () => {
    const rows: Row[] = [{ id: '1', name: 'Alpha', count: 0 }];
    expect(filterByLookFor(RESOURCE, rows, 'alpha', 'name')).toHaveLength(1);
    const changed: Row[] = [{ id: '1', name: 'Beta', count: 0 }];
    expect(filterByLookFor(RESOURCE, changed, 'alpha', 'name')).toHaveLength(0);
    expect(filterByLookFor(RESOURCE, changed, 'beta', 'name').map((row) => row.id)).toEqual(['1']);
    // The same list searched in another column reads that column's texts.
    expect(filterByLookFor(RESOURCE, changed, 'beta', 'count')).toHaveLength(0);
    expect(filterByLookFor(RESOURCE, changed, 'beta', 'all')).toHaveLength(1);
  });
});

describe('prepareSearchText', () => {
  it('prepares objects until told to stop, and picks up where it stopped', () => {
    const rows: Row[] = Array.from({ length: 200 }, (_, index) => ({ id: String(index), name: `n${index}`, count: 1 }));
    let calls = 0;
    const first = prepareSearchText(RESOURCE, rows, 'all', 0, () => ++calls < 2);
    expect(first).toBe(128);
    const rest = prepareSearchText(RESOURCE, rows, 'all', first, () => true);
    expect(first + rest).toBe(200);
    expect(matchesLookFor(RESOURCE, rows[150] as Row, 'N150', 'all')).toBe(true);
  });
});

describe('searchText', () => {
  /** The text as it was first built: each field folded on its own, then joined. */
  const fieldByField = (row: Row) => FIELDS.map((field) => fieldText(field, row).toLowerCase()).join('\u0000');
  const texts = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    // Greek capitals (final sigma), the dotted I and case-ignorable marks, where case mapping looks at context.
    fc.string({ unit: fc.constantFrom('Σ', 'Α', 'ς', 'İ', 'I', '\u0307', "'", '.', ' ', 'a', '\u0000', 'Ω', 'ẞ') }),
  );

  it('folds the joined text once, giving what folding field by field gave', () => {
    fc.assert(
      fc.property(texts, fc.integer(), texts, (name, count, id) => {
        const row: Row = { id: `id${id}`, name, count };
        expect(searchText(RESOURCE, row, 'all')).toBe(fieldByField(row));
      }),
      { numRuns: 5_000 },
    );
  });
});
