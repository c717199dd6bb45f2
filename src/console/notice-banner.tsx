import { useQuery } from '@tanstack/react-query';
import { useConnectedAdmin } from '@/api/connection';
import { sessionQuery, useDismissNotice } from '@/api/session';

/** A message the backend left for the console (e.g. a saved site that could not be read and was set aside). */
export function NoticeBanner() {
  const session = useQuery(sessionQuery());
  const dismiss = useDismissNotice(useConnectedAdmin());
  const notice = session.data?.notice;
  if (!notice) return null;
  return (
    <div role="alert" className="flex items-start gap-3 border-b border-[#c9a13b] bg-[#fff8dc] px-3 py-1.5">
      <p className="flex-1">{notice}</p>
      <button type="button" className="win-button" onClick={() => dismiss.mutate()}>
        Dismiss
      </button>
    </div>
  );
}
