import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ADMIN_HEADER, sessionSchema } from '@/domain/contract/api-contract';
import { apiRequest } from './http';
import { sessionQuery } from './session';

/** Downloads the site as a file (File > Export Site...): where it started and what was done since. */
export async function downloadSiteFile(admin: string) {
  const response = await fetch('/api/site/export', { headers: { [ADMIN_HEADER]: admin } });
  if (!response.ok) throw new Error(`The site could not be exported (status ${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'contoso-site.json';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Imports a site file (File > Import Site...): refused with a message when the file is not a valid site. */
export function useImportSite(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not a site file: it is not valid JSON.`);
      }
      return apiRequest('/api/site/import', sessionSchema, { admin, method: 'POST', body });
    },
    onSuccess: async (session) => {
      queryClient.setQueryData(sessionQuery().queryKey, session);
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    },
  });
}
