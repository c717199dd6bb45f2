import type { AuditOutcome } from '@/domain/audit/audit-entry';

/** Succeeded: a green tick in a circle; Refused: a red circle with a bar, as a "no entry" sign. */
const DRAWINGS: Record<AuditOutcome, React.ReactNode> = {
  Succeeded: (
    <>
      <circle className="ic-o" cx="8" cy="8" r="6.5" fill="#3f9f3a" stroke="#22661d" />
      <path d="M4.8 8.2l2.2 2.2 4.2-4.6" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
  Refused: (
    <>
      <circle className="ic-o" cx="8" cy="8" r="6.5" fill="#d2452f" stroke="#8c2414" />
      <rect x="4" y="7" width="8" height="2" fill="#fff" shapeRendering="crispEdges" />
    </>
  ),
};

/** 16 × 16 and decorative: the cell's text names the outcome. */
export function OutcomeIcon({ outcome }: { outcome: AuditOutcome }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="ic shrink-0">
      {DRAWINGS[outcome]}
    </svg>
  );
}
