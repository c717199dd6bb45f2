import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueIdFor } from './software-update-record';

/** uniqueIdFor as it was first written (a closure per hash, hex strings and slices): the reference it must match. */
function referenceUniqueIdFor(key: string, seed: number): string {
  const hash = (salt: number) => {
    let h = (0x811c9dc5 ^ seed ^ salt) >>> 0;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  const a = hash(1);
  const b = hash(2);
  const c = hash(3);
  const d = hash(4);
  return `${a}-${b.slice(0, 4)}-${b.slice(4, 8)}-${c.slice(0, 4)}-${c.slice(4, 8)}${d}`;
}

describe('uniqueIdFor', () => {
  it('gives the same GUID as the first implementation for any key and seed', () => {
    const seeds = fc.oneof(fc.integer(), fc.integer({ min: 0, max: 10_000 }), fc.double(), fc.maxSafeInteger());
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ maxLength: 200 })),
        seeds,
        (key, seed) => {
          expect(uniqueIdFor(key, seed)).toBe(referenceUniqueIdFor(key, seed));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('keeps the known ids of the Contoso site', () => {
    expect(uniqueIdFor('filler/KB912345', 2008)).toBe(referenceUniqueIdFor('filler/KB912345', 2008));
    expect(uniqueIdFor('', 0)).toBe(referenceUniqueIdFor('', 0));
    expect(uniqueIdFor('custom/adobe-reader-8.1.2', 2008)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });
});
