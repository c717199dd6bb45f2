/**
 * "Why?" where a rule acts: greyed actions, refused nodes, templates not offered, Migration Report rows. The Migration
 * Report's dialog loads apart (console/lazy-parts.tsx, from ./migration-why-dialog).
 */
export { WHY_LABEL, WhyDisclosure, WhyPanel } from './why-disclosure';
export { isMigrationWhyDialog, MIGRATION_WHY_DIALOG } from './migration-why-name';
