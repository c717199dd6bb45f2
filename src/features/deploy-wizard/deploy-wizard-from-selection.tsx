import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { listIdsQuery } from '@/api/list-ids';
import { formatCount } from '@/domain/format';
import { forgetDeploySelection, readDeploySelection, rememberDeployIds } from './deploy-selection';
import { DeploySoftwareUpdatesWizard } from './deploy-software-updates-wizard';

export interface DeployWizardFromSelectionProps {
  admin: string;
  /** The site clock now (the header's clock), or null before it is read. */
  siteTime: string | null;
  /** The updates named in the URL (?updates=, "Deploy with Template..."); null: the selection the action saw. */
  updateIds?: readonly string[] | null;
  /** The template named in the URL (?template=), selected once read if it is offered. */
  templateId?: string | null;
  onClose: () => void;
}

/**
 * The wizard as the console opens it (?wizard=deploy-software-updates): on the updates "Deploy Software Updates..."
 * was run on. Their IDs are read once from the server (GET /api/ids/software-updates, the selection being index
 * ranges over the server's list) and kept for this tab, so a reload opens the wizard on the same updates.
 */
export function DeployWizardFromSelection(props: DeployWizardFromSelectionProps) {
  const { admin, siteTime, onClose } = props;
  const [selection] = useState(() => (props.updateIds ? null : readDeploySelection()));
  const usable = selection !== null && selection.admin === admin;
  // The first answer is kept: the list may change while the wizard is open (a deployment makes its updates Deployed),
  // and the wizard deploys what was selected, not what the list holds now.
  const [updateIds, setUpdateIds] = useState<readonly string[] | null>(usable ? selection.ids : null);
  const ids = useQuery({
    ...listIdsQuery(admin, 'software-updates', {
      node: selection?.node,
      q: selection?.q,
      searchIn: selection?.searchIn,
      sort: selection?.sort ?? undefined,
      rows: selection?.rows ?? undefined,
    }),
    enabled: usable && selection.ids === null && updateIds === null,
  });
  if (updateIds === null && usable && ids.data) setUpdateIds(ids.data.ids);
  useEffect(() => {
    if (usable && selection.ids === null && updateIds) rememberDeployIds(updateIds);
  }, [usable, selection, updateIds]);

  const close = () => {
    forgetDeploySelection();
    onClose();
  };

  const named = props.updateIds ?? updateIds;
  const waiting = !usable
    ? 'Select the software updates to deploy in Update Repository, one of its folders or a search folder, then choose Deploy Software Updates... in the Actions pane.'
    : ids.isError
      ? `The selected software updates could not be read: ${ids.error.message}`
      : updateIds
        ? 'The selection holds no software updates any more: select the software updates to deploy again.'
        : null;
  return (
    <DeploySoftwareUpdatesWizard
      admin={admin}
      updateIds={named && named.length > 0 ? named : null}
      waiting={
        waiting
          ? { text: waiting, problem: true }
          : { text: `Reading the ${formatCount(selection?.count ?? 0)} selected software updates…`, problem: false }
      }
      siteTime={siteTime}
      initialTemplateId={props.templateId ?? null}
      onClose={close}
    />
  );
}
