import { z } from 'zod';

/** One of Setup's pre-upgrade checks, as the server answers it. */
export const preUpgradeCheckSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['Passed', 'Warning', 'Failed']),
  detail: z.string(),
});
export type PreUpgradeCheck = z.infer<typeof preUpgradeCheckSchema>;
