import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useConnectedAdmin } from '@/api/connection';
import { sessionQuery } from '@/api/session';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import { COPY_LINK_TO_THIS_VIEW } from './copy-link-name';
import { linkToView } from './stage-link';

/**
 * "Copy Link to This View": the link that opens exactly this view (node, search, sort, selection, open dialog) at this
 * stage, connected as this administrator, copied to the clipboard and shown to copy by hand where the browser refuses.
 */
export function CopyLinkDialog(props: { onClose: () => void }) {
  const location = useLocation();
  const admin = useConnectedAdmin();
  const session = useQuery(sessionQuery());
  const link = linkToView(
    window.location.origin,
    location.pathname,
    location.search,
    session.data?.stage ?? null,
    admin,
  );
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => {
    let live = true;
    navigator.clipboard
      ?.writeText(link)
      .then(() => live && setCopied('yes'))
      .catch(() => live && setCopied('no'));
    return () => {
      live = false;
    };
  }, [link]);
  return (
    <Dialog
      title={COPY_LINK_TO_THIS_VIEW}
      onClose={props.onClose}
      width={560}
      footer={
        <button type="button" className="win-button" onClick={props.onClose}>
          OK
        </button>
      }
    >
      <label className="block">
        <span>Link to this view:</span>
        <input
          className="win-input mt-1 w-full"
          readOnly
          value={link}
          {...INITIAL_FOCUS}
          onFocus={(event) => event.currentTarget.select()}
        />
      </label>
      <p role="status" className="mt-2">
        {copied === 'yes'
          ? 'The link is on the clipboard.'
          : copied === 'no'
            ? 'The browser did not allow the clipboard: select the link and copy it (Ctrl+C).'
            : ''}
      </p>
      <p className="mt-2 text-[#555]">
        It opens this node with its search, sort, selection and open dialog, at the start of the{' '}
        {session.data?.stages.find((stage) => stage.id === session.data?.stage)?.name ?? 'current'} stage (after asking
        to reset the site if it is at another stage), connected as {admin}.
      </p>
    </Dialog>
  );
}
