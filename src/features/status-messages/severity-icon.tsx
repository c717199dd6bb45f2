import type { StatusSeverity } from '@/domain/model/after-upgrade-objects';

const CRISP = { shapeRendering: 'crispEdges' } as const;

/** A status message's severity, as the product's status message viewer draws it: blue "i", yellow "!", red "x". */
const DRAWINGS: Record<StatusSeverity, React.ReactNode> = {
  Informational: (
    <>
      <circle className="ic-o" cx="8" cy="8" r="6.5" fill="#3d7cc9" stroke="#24548f" />
      <rect x="7" y="3.5" width="2" height="2" fill="#fff" {...CRISP} />
      <rect x="7" y="6.5" width="2" height="6" fill="#fff" {...CRISP} />
    </>
  ),
  Warning: (
    <>
      <path className="ic-o" d="M8 1.5l6.5 12.5h-13z" fill="#f2c12e" stroke="#8a6a00" strokeLinejoin="round" />
      <rect x="7" y="5.5" width="2" height="5" fill="#1d1d1d" {...CRISP} />
      <rect x="7" y="11.5" width="2" height="1.5" fill="#1d1d1d" {...CRISP} />
    </>
  ),
  Error: (
    <>
      <circle className="ic-o" cx="8" cy="8" r="6.5" fill="#d2452f" stroke="#8c2414" />
      <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
};

/** 16 × 16 and decorative: the cell's text names the severity. */
export function SeverityIcon({ severity }: { severity: StatusSeverity }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="ic shrink-0">
      {DRAWINGS[severity]}
    </svg>
  );
}
