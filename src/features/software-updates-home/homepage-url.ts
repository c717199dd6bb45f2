import type { HomepageParams } from '@/api/homepage-summary';
import { CLASSIFICATIONS, type Classification } from '@/domain/model/software-update';

/**
 * The home page's filter as the URL holds it: ?vendor=&class=&month=&year= ("all" for every one; left out, the
 * home page's defaults). A demo link opens the home page on a filter, e.g.
 * /console/software-updates?vendor=Microsoft&class=Security%20Updates&month=4&year=2008
 */
export interface HomepageUrlFilter {
  vendor: string | null;
  classification: string | null;
  month: string | null;
  year: string | null;
}

/** What the boxes show when the URL says nothing: Microsoft's security updates of every month of the site's year. */
export const HOMEPAGE_DEFAULTS = { vendor: 'Microsoft', classification: 'Security Updates' as Classification };

const isAll = (value: string) => value.toLowerCase() === 'all' || value === '';

function wholeNumber(value: string | null, min: number, max: number, fallback: number | null): number | null {
  if (value === null) return fallback;
  if (isAll(value)) return null;
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= min && parsed <= max ? parsed : fallback;
}

/** The request the URL's filter stands for (values it cannot be are read as the defaults). */
export function homepageParamsOf(url: HomepageUrlFilter, sort: string | null, siteYear: number): HomepageParams {
  const classification =
    url.classification === null
      ? HOMEPAGE_DEFAULTS.classification
      : isAll(url.classification)
        ? null
        : (CLASSIFICATIONS as readonly string[]).includes(url.classification)
          ? (url.classification as Classification)
          : HOMEPAGE_DEFAULTS.classification;
  return {
    vendor: url.vendor === null ? HOMEPAGE_DEFAULTS.vendor : isAll(url.vendor) ? null : url.vendor.slice(0, 200),
    classification,
    month: wholeNumber(url.month, 1, 12, null),
    year: wholeNumber(url.year, 1990, 2100, siteYear),
    sort: sort && /^[A-Za-z]+:(asc|desc)$/.test(sort) ? sort : null,
  };
}
