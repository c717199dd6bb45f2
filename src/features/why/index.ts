/** "Why?" where a rule acts: greyed actions, refused nodes, templates not offered, Migration Report rows. */
export { WHY_LABEL, WhyDisclosure, WhyPanel } from './why-disclosure';
export { isMigrationWhyDialog, MIGRATION_WHY_DIALOG, MigrationWhyDialog } from './migration-why-dialog';
