import type { CreateSearchFolderRequest } from '@/domain/contract/search-folder-contract';
import {
  ANY_CRITERIA,
  searchFolderCriteriaSchema,
  type SearchFolderCriteria,
} from '@/domain/search-folders/search-folder-criteria';
import { searchFolderNameSchema } from '@/domain/search-folders/search-folder-operations';

/** What the Search Folder Criteria dialog holds while it is open. */
export interface SearchFolderForm extends SearchFolderCriteria {
  name: string;
}

export type SearchFolderFormField = keyof SearchFolderForm;

export const EMPTY_FORM: SearchFolderForm = { name: '', ...ANY_CRITERIA };

export type FormErrors = Partial<Record<SearchFolderFormField, string>>;

const capitalized = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);
const sentence = (message: string) => capitalized(/[.!?]$/.test(message) ? message : `${message}.`);

/**
 * Checks the form with the schemas the server uses, so the dialog says exactly what the API would refuse, field by
 * field, before anything is sent. Returns the request when every field is valid.
 */
export function validateSearchFolderForm(form: SearchFolderForm): {
  request: CreateSearchFolderRequest | null;
  errors: FormErrors;
} {
  const errors: FormErrors = {};
  const { name, ...criteria } = form;
  const parsedName = searchFolderNameSchema.safeParse(name);
  if (!parsedName.success) errors.name = sentence(parsedName.error.issues[0]?.message ?? 'the name is not valid');
  const parsedCriteria = searchFolderCriteriaSchema.safeParse(criteria);
  if (!parsedCriteria.success) {
    for (const issue of parsedCriteria.error.issues) {
      const field = fieldOfPath(issue.path.map(String));
      if (field && !errors[field]) errors[field] = sentence(issue.message);
    }
  }
  if (!parsedName.success || !parsedCriteria.success) return { request: null, errors };
  return { request: { name: parsedName.data, criteria: parsedCriteria.data }, errors };
}

const FIELDS: readonly SearchFolderFormField[] = ['name', ...(Object.keys(ANY_CRITERIA) as SearchFolderFormField[])];

/** The dialog field an API error names ("criteria.severities.0" is the Severity list), or null. */
export function fieldOfPath(path: readonly string[]): SearchFolderFormField | null {
  const [first, second] = path;
  const key = first === 'criteria' ? second : first;
  return FIELDS.includes(key as SearchFolderFormField) ? (key as SearchFolderFormField) : null;
}

/** The dialog field a server answer is about: the field it names, or the name for a name already taken. */
export function fieldOfServerError(error: {
  field?: string;
  code?: string;
  message: string;
}): SearchFolderFormField | null {
  if (error.field) return fieldOfPath(error.field.split('.'));
  if (error.code === 'CONFLICT' && /named|name/.test(error.message)) return 'name';
  return null;
}
