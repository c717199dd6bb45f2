import { z } from 'zod';

/**
 * How big the generated site is. The default is the minimum the scenario describes; performance work asks for up to
 * 50,000 software updates, 20,000 clients and 500 distributions. The named objects are present at every scale.
 */
export const scaleSchema = z.object({
  softwareUpdates: z.number().int().min(0).max(50_000),
  clients: z.number().int().min(0).max(20_000),
  distributions: z.number().int().min(0).max(500),
});
export type Scale = z.infer<typeof scaleSchema>;

/** The scenario's own size: every named object and no filler (0 means "no more than the scenario needs"). */
export const DEFAULT_SCALE: Scale = { softwareUpdates: 0, clients: 1500, distributions: 4 };

export const MIN_CLIENTS = 1500;
export const MIN_DISTRIBUTIONS = 4;

/** The scale a benchmark asks for by its number of software updates (20,000 clients and 500 distributions at 50,000). */
export function scaleForSoftwareUpdates(softwareUpdates: number): Scale {
  const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(value)));
  return {
    softwareUpdates: clamp(softwareUpdates, 0, 50_000),
    clients: clamp(softwareUpdates * 0.4, MIN_CLIENTS, 20_000),
    distributions: clamp(softwareUpdates / 100, MIN_DISTRIBUTIONS, 500),
  };
}
