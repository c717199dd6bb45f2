import type { ReactNode } from 'react';
import type { ResourceName } from '@/domain/query/resources';
import { UpdateStateGlyph } from '@/features/software-updates/update-state-icon';
import { Glyph, type GlyphName } from './node-icon';

/** Which glyph an object of each list shows in its first column; updates show their state (UpdateStateIcon). */
export const OBJECT_GLYPH: Record<Exclude<ResourceName, 'software-updates'>, GlyphName> = {
  'update-lists': 'updateList',
  'deployment-templates': 'template',
  deployments: 'deployment',
  'sms2003-advertisements': 'megaphone',
  'deployment-packages': 'updatePackage',
  'search-folders': 'searchFolder',
  collections: 'collection',
  packages: 'box',
  sites: 'site',
  'security-rights': 'securityRight',
  'setup-log': 'logLine',
  'migration-report': 'reportRow',
  clients: 'client',
  advertisements: 'advertisement',
  'site-systems': 'siteSystem',
  'status-messages': 'statusMessage',
  'audit-log': 'auditEntry',
  'deployment-package-access-accounts': 'accessAccount',
  'deployment-package-distribution-points': 'distributionPoint',
  reports: 'reportItem',
};

/** The 16 × 16 icon of one object in a list, decorative: the cell's text names the object. */
export function ObjectIcon({ resource }: { resource: ResourceName }) {
  if (resource === 'software-updates') {
    return (
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="ic shrink-0">
        <UpdateStateGlyph state="normal" />
      </svg>
    );
  }
  return <Glyph name={OBJECT_GLYPH[resource]} />;
}

/** A first cell: the object's icon, then its text, cut with an ellipsis when the column is narrow. */
export function withObjectIcon(resource: ResourceName, content: ReactNode): ReactNode {
  return (
    <span className="flex min-w-0 items-center gap-1">
      <ObjectIcon resource={resource} />
      <span className="truncate">{content}</span>
    </span>
  );
}
