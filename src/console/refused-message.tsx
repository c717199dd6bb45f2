import { WhyDisclosure } from '@/features/why';

/** What the results pane shows instead of a list the administrator may not read: the missing right, by name. */
export function RefusedMessage({ message }: { message: string }) {
  return (
    <div
      className="m-3 flex max-w-2xl gap-3 border border-[#c9a13b] bg-[#fff8dc] p-3"
      role="note"
      aria-label="Access denied"
    >
      <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" className="shrink-0">
        <rect x="6" y="14" width="20" height="15" rx="2" fill="#e8b931" stroke="#8a6a0e" />
        <path d="M10 14v-4a6 6 0 0 1 12 0v4" fill="none" stroke="#8a6a0e" strokeWidth="2.5" />
        <circle cx="16" cy="21" r="2.2" fill="#5a4406" />
      </svg>
      <div>
        <p className="font-semibold">You do not have permission to view these objects.</p>
        <p className="mt-1">{message}.</p>
        <p className="mt-1 text-[#555]">
          Ask an administrator who holds the Delegate right on this object type to grant it.
        </p>
        <div className="mt-1">
          <WhyDisclosure reason={message} panelClassName="!ml-0 mt-1" className="!ml-0" />
        </div>
      </div>
    </div>
  );
}
