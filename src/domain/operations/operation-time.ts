import { z } from 'zod';

/**
 * When an operation was done, on the site clock. The backend stamps it; replaying the log first lets the site reach
 * that time (jobs end, retention periods pass), so the replayed site is the one the administrator saw. Stage scripts
 * and logs saved before the clock existed leave it out: the operation then happens at the site's own time.
 */
export const operationTimeSchema = z.iso
  .datetime({ message: 'at must be a date and time such as 2008-12-18T09:00:00.000Z' })
  .optional();
