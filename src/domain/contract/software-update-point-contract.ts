import { z } from 'zod';
import { SUP_CLASSIFICATIONS, SUP_LANGUAGES, SUP_PRODUCTS } from '../after-upgrade/software-update-point-options';

// Apart from after-upgrade-contract: only the server reads it, and the product list it checks against is large.
/** PUT /api/site/software-update-point: create the role or change its settings. */
export const softwareUpdatePointRequestSchema = z.strictObject({
  serverName: z.string().min(1).max(64).optional(),
  products: z.array(z.string().max(100)).max(SUP_PRODUCTS.length + 10),
  classifications: z.array(z.string().max(100)).max(SUP_CLASSIFICATIONS.length + 10),
  languages: z.array(z.string().max(100)).max(SUP_LANGUAGES.length + 10),
});
