import { describe, expect, it } from 'vitest';
import { scaleForSoftwareUpdates } from '@/domain/scenario/scale';
import { scaleFromSearch } from './browser';

describe('scaleFromSearch: the scale a first visit asks for with ?scale=', () => {
  it.each([
    ['?scale=50000', scaleForSoftwareUpdates(50_000)],
    ['?scale=1000', scaleForSoftwareUpdates(1000)],
    ['?as=CONTOSO%5Cpatchadmin&scale=10000', scaleForSoftwareUpdates(10_000)],
    ['?scale=0', scaleForSoftwareUpdates(0)],
  ])('%s asks for that many software updates', (search, scale) => {
    expect(scaleFromSearch(search)).toEqual(scale);
  });

  it.each(['', '?q=KB941644', '?scale=', '?scale=50001', '?scale=-5', '?scale=1e4', '?scale=1000.5', '?scale=lots'])(
    '%s asks for nothing (the default scale)',
    (search) => {
      expect(scaleFromSearch(search)).toBeUndefined();
    },
  );
});
