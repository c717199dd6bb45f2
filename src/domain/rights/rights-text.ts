/** "Read", "Read and Create", "Read, Modify and Delete". */
export function rightsText(rights: readonly string[]): string {
  if (rights.length <= 1) return rights.join('');
  return `${rights.slice(0, -1).join(', ')} and ${rights.at(-1) ?? ''}`;
}
