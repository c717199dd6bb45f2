/** The Migration Report's "Why?" dialog, by its name in the console's URL (?wizard=why-migration&sel=<row>). */
export const MIGRATION_WHY_DIALOG = 'why-migration';

export function isMigrationWhyDialog(name: string | null | undefined): boolean {
  return name === MIGRATION_WHY_DIALOG;
}
