import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterUpgradeStatusQuery } from '@/api/after-upgrade';
import { objectQuery } from '@/api/resources';
import type { ResourceName } from '@/domain/query/resources';

/** The server's refusal, verbatim, where the dialog's work would have shown. */
export function Refusal({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="mt-2 border border-[#c9a13b] bg-[#fff8dc] p-2">
      {children}
    </p>
  );
}

/** What the dialog did, once it is done. */
export function DoneNote({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="mt-2 border border-[#7a9cc6] bg-[#eef4fb] p-2">
      {children}
    </p>
  );
}

/** A sentence from the planning topic, set apart as the product's dialogs set apart their notes. */
export function PlanningNote({ children }: { children: ReactNode }) {
  return <blockquote className="my-2 border-l-2 border-[#a0a0a0] pl-2 text-[#444]">{children}</blockquote>;
}

/** The site's status after the upgrade (the software update point, the LEGACY preview, what may run). */
export function useSiteStatus(admin: string) {
  return useQuery(afterUpgradeStatusQuery(admin));
}

/** One object of a resource, as the administrator may read it. */
export function useObject<T>(admin: string, resource: ResourceName, id: string | null) {
  const query = useQuery({ ...objectQuery(admin, resource, id ?? ''), enabled: id !== null });
  return { item: query.data?.item as T | undefined, query };
}

// A field's message from the server without its field name ("sourcePath: the path must be ..." reads as a sentence).
export { asSentence } from '@/ui/sentence';

/** The control a dialog opens on (kept here for this feature's dialogs; it belongs to ui/dialog). */
export { INITIAL_FOCUS } from '@/ui/dialog';
