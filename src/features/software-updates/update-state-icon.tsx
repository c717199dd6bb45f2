import { updateState, type SoftwareUpdate, type UpdateState } from '@/domain/model/software-update';

const CRISP = { shapeRendering: 'crispEdges' } as const;

const STATES = {
  normal: { fill: '#3f9f3a', line: '#22661d', text: '#3f9f3a', mark: '#fff', label: 'Normal' },
  expired: { fill: '#8a8a8a', line: '#555', text: '#a3a3a3', mark: '#fff', label: 'Expired' },
  superseded: { fill: '#f2c61f', line: '#8a6d00', text: '#c9a10c', mark: '#4d3d00', label: 'Superseded' },
} as const;

/**
 * The drawing of an update in a state: a sheet with lines and a badge in the state's colour. The badge's mark tells
 * the states apart without colour too: an arrow down (ready to install), a cross (expired), an arrow across (replaced
 * by a newer update). Outer outlines carry `ic-o` so the high-contrast theme can draw them in the text colour.
 */
export function UpdateStateGlyph({ state }: { state: UpdateState }) {
  const { fill, line, text, mark } = STATES[state];
  return (
    <>
      <path
        className="ic-o"
        d="M1.5 1.5h8l2 2v5h-2v6h-8z"
        fill="#fff"
        stroke="#5b6b7c"
        strokeLinejoin="round"
        {...CRISP}
      />
      <path d="M3 4.5h5M3 6.5h6M3 8.5h5M3 10.5h4" stroke={text} {...CRISP} />
      <circle className="ic-o" cx="11.5" cy="11.5" r="4" fill={fill} stroke={line} />
      {state === 'normal' ? (
        <path d="M11.5 9v4.5M9.5 11.5l2 2 2-2" fill="none" stroke={mark} strokeLinecap="square" />
      ) : state === 'expired' ? (
        <path d="M9.5 9.5l4 4M13.5 9.5l-4 4" fill="none" stroke={mark} strokeWidth="1.2" {...CRISP} />
      ) : (
        <path d="M9.5 11.5h4M11.5 9.5l2 2-2 2" fill="none" stroke={mark} strokeLinecap="square" />
      )}
    </>
  );
}

/** The product's first-column icon: green when active, grey when expired, yellow when superseded. */
export function UpdateStateIcon({ update }: { update: Pick<SoftwareUpdate, 'expired' | 'superseded'> }) {
  const state = updateState(update);
  const { label } = STATES[state];
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      role="img"
      aria-label={label}
      focusable="false"
      className="ic mr-1 inline-block shrink-0 align-[-4px]"
      data-state={state}
    >
      <title>{label}</title>
      <UpdateStateGlyph state={state} />
    </svg>
  );
}
