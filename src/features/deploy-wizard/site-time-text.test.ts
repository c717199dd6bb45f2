import { describe, expect, it } from 'vitest';
import { parseSiteTimeText, siteTimeText } from './site-time-text';

describe('the Deployment Schedule date and time boxes', () => {
  it('show a site time in the en-US style the console shows everywhere, and read it back', () => {
    for (const iso of [
      '2008-12-18T11:50:00Z',
      '2009-01-01T00:05:00Z',
      '2008-12-31T12:00:00Z',
      '2008-02-29T23:59:00Z',
    ]) {
      const text = siteTimeText(iso);
      expect(parseSiteTimeText(text)).toEqual({ ok: true, iso });
    }
    expect(siteTimeText('2008-12-18T13:05:00Z')).toEqual({ date: '12/18/2008', time: '1:05 PM' });
  });

  it('say which box is wrong', () => {
    expect(parseSiteTimeText({ date: '2008-12-18', time: '11:50 AM' })).toMatchObject({ ok: false, field: 'date' });
    expect(parseSiteTimeText({ date: '2/30/2009', time: '11:50 AM' })).toMatchObject({ ok: false, field: 'date' });
    expect(parseSiteTimeText({ date: '12/18/2008', time: '13:50 PM' })).toMatchObject({ ok: false, field: 'time' });
    expect(parseSiteTimeText({ date: '12/18/2008', time: '11:50' })).toMatchObject({ ok: false, field: 'time' });
    expect(parseSiteTimeText({ date: ' 12/18/2008 ', time: '9:05 pm' })).toEqual({
      ok: true,
      iso: '2008-12-18T21:05:00Z',
    });
  });
});
