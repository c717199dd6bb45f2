import { ADMIN_HEADER } from '@/domain/contract/api-contract';

/**
 * Fetches a non-JSON answer (a CSV, a TSV, a site file) as the connected administrator; a refusal becomes an Error
 * carrying the server's message.
 */
export async function fetchFile(path: string, admin: string, failure: string): Promise<Response> {
  const response = await fetch(path, { headers: { [ADMIN_HEADER]: admin } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `${failure} (status ${response.status}).`);
  }
  return response;
}

/** Saves a fetched file in the browser's downloads under a name. */
export async function saveAs(response: Response, fileName: string) {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
