/** The Deployment Schedule page's date and time boxes: the domain's, shared with a deployment's Schedule tab. */
export {
  parseSiteTimeText,
  siteTimeText,
  toMinute,
  type SiteTimeParse,
  type SiteTimeText,
} from '@/domain/site-clock/site-time-text';
