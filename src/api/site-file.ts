import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionSchema } from '@/domain/contract/api-contract';
import { fetchFile, saveAs } from './file-download';
import { apiRequest } from './http';
import { sessionQuery } from './session';

/** Downloads the site as a file (File > Export Site...): where it started and what was done since. */
export async function downloadSiteFile(admin: string) {
  await saveAs(await fetchFile('/api/site/export', admin, 'The site could not be exported'), 'contoso-site.json');
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
