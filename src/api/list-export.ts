import { ADMIN_HEADER } from '@/domain/contract/api-contract';

/** Downloads a list as CSV, exactly as the grid shows it (node, search, sort, columns). */
export async function downloadListCsv(admin: string, resource: string, params: URLSearchParams) {
  const response = await fetch(`/api/export/${resource}.csv?${params.toString()}`, {
    headers: { [ADMIN_HEADER]: admin },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The export failed with status ${response.status}`);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${resource}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A list as tab-separated text (what Ctrl+C copies): the same parameters as the CSV export. */
export async function fetchListText(admin: string, resource: string, params: URLSearchParams): Promise<string> {
  const response = await fetch(`/api/export/${resource}.tsv?${params.toString()}`, {
    headers: { [ADMIN_HEADER]: admin },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Copying failed with status ${response.status}`);
  }
  return response.text();
}
