import { STAGES, type StageId } from '@/domain/scenario/contoso-names';

/** The URL parameter a demo link names its stage with: /console/<node>?...&stage=configured. */
export const STAGE_PARAM = 'stage';
/** The URL parameter a demo link names its administrator with (read by the console's router). */
export const ADMIN_PARAM = 'as';

export function isStageId(value: string | null): value is StageId {
  return STAGES.some((stage) => stage.id === value);
}

/** The link without its stage: the view the console opens once the stage is settled. */
export function withoutStage(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete(STAGE_PARAM);
  const query = params.toString();
  return `${pathname}${query ? `?${query}` : ''}`;
}

/**
 * A link that opens exactly this view: the node, search, sort, selection and open dialog the URL already holds, plus the
 * stage and the administrator, so a presenter can script a demo as a list of links. A dialog that is only about the
 * link itself is left out.
 */
export function linkToView(
  origin: string,
  pathname: string,
  search: string,
  stage: string | null,
  admin: string,
  leaveOut: readonly string[] = [],
): string {
  const params = new URLSearchParams(search);
  if (leaveOut.includes(params.get('wizard') ?? '')) params.delete('wizard');
  params.delete(STAGE_PARAM);
  params.delete(ADMIN_PARAM);
  if (stage) params.set(STAGE_PARAM, stage);
  params.set(ADMIN_PARAM, admin);
  return `${origin}${pathname}?${params.toString()}`;
}
