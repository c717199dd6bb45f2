/** "Windows Server 2003, x64 Edition" -> "windows-server-2003-x64-edition": names as they appear in URLs. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
