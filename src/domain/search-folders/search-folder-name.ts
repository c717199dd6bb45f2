import { z } from 'zod';

/** Search folder IDs: SF000001, SF000002, ... in the order they were created; an ID is never given again. */
export const SEARCH_FOLDER_ID_PATTERN = /^SF\d{6}$/;
export const MAX_SEARCH_FOLDER_NAME = 100;

/** A search folder's name, as the dialog, the API and the log check it. */
export const searchFolderNameSchema = z
  .string({ error: 'the name must be text' })
  .trim()
  .min(1, 'the name cannot be empty')
  .max(MAX_SEARCH_FOLDER_NAME, `the name must be at most ${MAX_SEARCH_FOLDER_NAME} characters`)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'the name cannot hold control characters such as tabs or line breaks');

/** Why a name cannot be a search folder's name, or null when it can. */
export function searchFolderNameProblem(name: string): string | null {
  const parsed = searchFolderNameSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'the name is not valid');
}
