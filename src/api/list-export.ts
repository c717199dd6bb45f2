import { fetchFile, saveAs } from './file-download';

/** Downloads a list as CSV, exactly as the grid shows it (node, search, sort, columns). */
export async function downloadListCsv(admin: string, resource: string, params: URLSearchParams) {
  const response = await fetchFile(`/api/export/${resource}.csv?${params.toString()}`, admin, 'The export failed');
  await saveAs(response, `${resource}.csv`);
}

/** A list as tab-separated text (what Ctrl+C copies): the same parameters as the CSV export. */
export async function fetchListText(admin: string, resource: string, params: URLSearchParams): Promise<string> {
  const response = await fetchFile(`/api/export/${resource}.tsv?${params.toString()}`, admin, 'Copying failed');
  return response.text();
}
