import { describe, expect, it } from 'vitest';
import { homepageParamsOf } from './homepage-url';

const none = { vendor: null, classification: null, month: null, year: null };

describe('the home page filter in the URL', () => {
  it('starts on Microsoft security updates of every month of the site year', () => {
    expect(homepageParamsOf(none, null, 2008)).toEqual({
      vendor: 'Microsoft',
      classification: 'Security Updates',
      month: null,
      year: 2008,
      sort: null,
    });
  });

  it('reads "all" as every value, and a demo link as it says', () => {
    expect(
      homepageParamsOf({ vendor: 'all', classification: 'all', month: 'all', year: 'all' }, 'required:desc', 2008),
    ).toEqual({ vendor: null, classification: null, month: null, year: null, sort: 'required:desc' });
    expect(
      homepageParamsOf({ vendor: 'Sun Microsystems', classification: 'Updates', month: '3', year: '2007' }, null, 2008),
    ).toMatchObject({ vendor: 'Sun Microsystems', classification: 'Updates', month: 3, year: 2007 });
  });

  it('reads what a URL cannot mean as the defaults, never as a request the server would refuse', () => {
    expect(
      homepageParamsOf({ vendor: null, classification: 'Patches', month: '13', year: '08' }, 'title; drop', 2008),
    ).toEqual({ vendor: 'Microsoft', classification: 'Security Updates', month: null, year: 2008, sort: null });
  });
});
