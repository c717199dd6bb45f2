import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, formatDate } from './format';

/** formatCount as it was before its fast path for whole numbers: the reference it must match. */
const REFERENCE_FORMAT = new Intl.NumberFormat('en-US');
function referenceFormatCount(value: number): string {
  if (Number.isInteger(value) && value > -1000 && value < 1000) return String(value);
  return REFERENCE_FORMAT.format(value);
}

function referenceFormatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${Number(month)}/${Number(day)}/${year}`;
}

describe('formatCount', () => {
  it('writes every integer as the Intl formatter did, negatives and safe-integer extremes included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -2_000_000, max: 2_000_000 }),
          fc.integer(),
          fc.maxSafeInteger(),
          fc.integer({ min: -70_000, max: 70_000 }),
        ),
        (value) => {
          expect(formatCount(value)).toBe(referenceFormatCount(value));
          // Twice: the second answer comes from the cache of small counts.
          expect(formatCount(value)).toBe(referenceFormatCount(value));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('matches at the edges of each path and for what is not a safe integer', () => {
    const edges = [
      0,
      -0,
      1,
      -1,
      999,
      -999,
      1000,
      -1000,
      9999,
      65_535,
      65_536,
      65_537,
      99_999,
      100_000,
      999_999,
      1_000_000,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER + 1,
      1e21,
      -1e21,
      2 ** 60,
      0.5,
      -1.25,
      1234.5678,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    for (const value of edges) expect(formatCount(value)).toBe(referenceFormatCount(value));
  });

  it('matches for any double', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        expect(formatCount(value)).toBe(referenceFormatCount(value));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('formatDate', () => {
  it('writes dates as before, from the cache too', () => {
    const dates = fc.oneof(
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
      fc.string(),
    );
    fc.assert(
      fc.property(dates, (value) => {
        expect(formatDate(value)).toBe(referenceFormatDate(value));
        expect(formatDate(value)).toBe(referenceFormatDate(value));
      }),
      { numRuns: 5_000 },
    );
  });
});
