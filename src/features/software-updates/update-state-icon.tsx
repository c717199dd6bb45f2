import { updateState, type SoftwareUpdate } from '@/domain/model/software-update';

const COLORS = {
  normal: { fill: '#3a9a3a', stroke: '#1f6b1f', label: 'Normal' },
  expired: { fill: '#9a9a9a', stroke: '#676767', label: 'Expired' },
  superseded: { fill: '#e8c01c', stroke: '#a88a08', label: 'Superseded' },
} as const;

/** The product's first-column icon: green when active, grey when expired, yellow when superseded. */
export function UpdateStateIcon({ update }: { update: Pick<SoftwareUpdate, 'expired' | 'superseded'> }) {
  const state = updateState(update);
  const { fill, stroke, label } = COLORS[state];
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 16 16"
      role="img"
      aria-label={label}
      className="mr-1 inline-block shrink-0 align-[-3px]"
    >
      <title>{label}</title>
      <rect x="2" y="1.5" width="12" height="13" rx="1.5" fill="#fff" stroke={stroke} />
      <rect x="4" y="4" width="8" height="1.6" fill={fill} />
      <rect x="4" y="7" width="8" height="1.6" fill={fill} />
      <rect x="4" y="10" width="5" height="1.6" fill={fill} />
      <circle cx="12" cy="12" r="3.2" fill={fill} stroke={stroke} />
    </svg>
  );
}
