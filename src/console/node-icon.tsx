import type { ReactNode } from 'react';
import type { NodeKind } from '@/domain/console-tree/console-tree';

/*
 * The console's 16 × 16 glyphs, drawn for this project in the flat style of the 2008 MMC: simple shapes, 1px dark
 * outlines, a few colours. Every 1px stroke sits on a half pixel and straight edges render with crispEdges, so the
 * icons stay sharp at 100 % and scale cleanly at any zoom. Outlines of the outer silhouette carry the class `ic-o`: the
 * high-contrast theme draws them in the text colour (src/index.css) so each shape stands out on black; overlays keep
 * their dark outlines so they still read against the light shape they sit on.
 */

const CRISP = { shapeRendering: 'crispEdges' } as const;

/** Colours shared by the glyphs. */
export const INK = {
  folderLine: '#9a7414',
  folderBack: '#e6b441',
  folderFront: '#fbe08a',
  paperLine: '#5b6b7c',
  paper: '#ffffff',
  text: '#8795a5',
  blueLine: '#24548f',
  blue: '#3d7cc9',
  blueLight: '#d3e4f8',
  greenLine: '#22661d',
  green: '#3f9f3a',
  boxLine: '#7a5113',
  box: '#d6a456',
  boxLid: '#e9c27f',
  boxTape: '#f7e6c0',
  greyLine: '#4a5666',
  grey: '#e3e8ee',
  red: '#d2452f',
  redLine: '#8c2414',
} as const;

/** A manila folder, back panel with its tab and the front panel; `back` and `front` recolour it. */
export function folder(back: string = INK.folderBack, front: string = INK.folderFront, line: string = INK.folderLine) {
  return (
    <>
      <path className="ic-o" d="M1.5 13.5V2.5h5v2h8v9z" fill={back} stroke={line} {...CRISP} />
      <rect className="ic-o" x="1.5" y="6.5" width="13" height="7" fill={front} stroke={line} {...CRISP} />
    </>
  );
}

/** A sheet of paper with its corner turned down, 11 px wide. */
export function sheet(fill: string = INK.paper, line: string = INK.paperLine) {
  return (
    <>
      <path className="ic-o" d="M2.5 1.5h7l3 3v10h-10z" fill={fill} stroke={line} strokeLinejoin="round" />
      <path d="M9.5 1.5v3h3" fill="none" stroke={line} {...CRISP} />
    </>
  );
}

/** A cardboard box seen from the front: lid, body and tape. */
export function box(x = 1, y = 3, width = 14, height = 12) {
  const lid = 3;
  const mid = x + Math.floor(width / 2);
  return (
    <>
      <rect
        className="ic-o"
        x={x + 1.5}
        y={y + lid + 0.5}
        width={width - 3}
        height={height - lid - 1}
        fill={INK.box}
        stroke={INK.boxLine}
        {...CRISP}
      />
      <rect
        className="ic-o"
        x={x + 0.5}
        y={y + 0.5}
        width={width - 1}
        height={lid}
        fill={INK.boxLid}
        stroke={INK.boxLine}
        {...CRISP}
      />
      <rect x={mid - 1} y={y + 1} width="2" height={height - 2} fill={INK.boxTape} {...CRISP} />
    </>
  );
}

/** A small green disc with a white arrow down: "an update", laid over the bottom-right corner. */
export function updateBadge(cx = 11.5, cy = 11.5) {
  return (
    <>
      <circle cx={cx} cy={cy} r="3.5" fill={INK.green} stroke={INK.greenLine} />
      <path d={`M${cx} ${cy - 2}v3.5M${cx - 2} ${cy}l2 2 2-2`} fill="none" stroke="#fff" strokeLinecap="square" />
    </>
  );
}

/** A magnifying glass, lens centred on (cx, cy). */
function magnifier(cx = 10.5, cy = 9.5) {
  return (
    <>
      <path d={`M${cx + 1.5} ${cy + 1.5}l3 3`} stroke={INK.greyLine} strokeWidth="2.2" strokeLinecap="round" />
      <circle cx={cx} cy={cy} r="2.5" fill={INK.blueLight} stroke={INK.blueLine} />
    </>
  );
}

/** Lines of text on a sheet, starting at y and one every two pixels. */
function textLines(y: number, lengths: number[], color: string = INK.text, x = 4) {
  return (
    <path
      d={lengths.map((length, index) => `M${x} ${y + index * 2 + 0.5}h${length}`).join('')}
      stroke={color}
      {...CRISP}
    />
  );
}

/** A gear: four crossing teeth under a disc with a hole. */
function gear(cx = 11.5, cy = 11.5) {
  return (
    <>
      <g fill={INK.greyLine}>
        {[0, 45, 90, 135].map((angle) => (
          <rect key={angle} x={cx - 1} y={cy - 4} width="2" height="8" transform={`rotate(${angle} ${cx} ${cy})`} />
        ))}
      </g>
      <circle cx={cx} cy={cy} r="2.5" fill="#b8c4d1" stroke={INK.greyLine} />
      <circle cx={cx} cy={cy} r="1" fill="#fff" />
    </>
  );
}

/** A server tower with drive bays and a green light. */
function tower(x: number, y: number, height: number, body: string = INK.grey, line: string = INK.greyLine) {
  return (
    <>
      <rect
        className="ic-o"
        x={x + 0.5}
        y={y + 0.5}
        width="5"
        height={height - 1}
        fill={body}
        stroke={line}
        {...CRISP}
      />
      <path d={`M${x + 2} ${y + 2.5}h2M${x + 2} ${y + 4.5}h2`} stroke={line} {...CRISP} />
      <rect x={x + 2} y={y + height - 3} width="1" height="1" fill="#2fae2a" {...CRISP} />
    </>
  );
}

/** A megaphone pointing right. */
function megaphone() {
  return (
    <>
      <path d="M5.5 10.5l1 4h2l-1-4" fill={INK.grey} stroke={INK.greyLine} strokeLinejoin="round" />
      <rect className="ic-o" x="1.5" y="5.5" width="3" height="5" fill={INK.grey} stroke={INK.greyLine} {...CRISP} />
      <path className="ic-o" d="M4.5 5.5l8-4v13l-8-4z" fill="#f08a3c" stroke="#8a3d0c" strokeLinejoin="round" />
      <rect className="ic-o" x="12.5" y="1.5" width="2" height="13" fill="#f6c08f" stroke="#8a3d0c" {...CRISP} />
    </>
  );
}

/** A flag on its pole. */
function flag() {
  return (
    <>
      <path className="ic-o" d="M3.5 1v14" stroke={INK.greyLine} {...CRISP} />
      <rect className="ic-o" x="1.5" y="13.5" width="4" height="1" fill={INK.grey} stroke={INK.greyLine} {...CRISP} />
      <path className="ic-o" d="M4.5 2.5h9l-2 3 2 3h-9z" fill={INK.red} stroke={INK.redLine} strokeLinejoin="round" />
    </>
  );
}

/** A flat-screen monitor, screen w × h, at (x, y). */
function monitor(x: number, y: number, w: number, h: number) {
  const foot = x + Math.floor(w / 2);
  return (
    <>
      <path
        className="ic-o"
        d={`M${foot - 1} ${y + h + 0.5}h2M${foot - 2} ${y + h + 1.5}h4`}
        stroke={INK.greyLine}
        {...CRISP}
      />
      <rect
        className="ic-o"
        x={x + 0.5}
        y={y + 0.5}
        width={w - 1}
        height={h - 1}
        fill="#5b9be0"
        stroke={INK.blueLine}
        {...CRISP}
      />
      <rect x={x + 2} y={y + 2} width={w - 5} height="1" fill="#a9cdf4" {...CRISP} />
    </>
  );
}

/** The glyphs shared by node and object icons, by name. */
export const GLYPHS = {
  console: (
    <>
      <rect className="ic-o" x="1.5" y="2.5" width="13" height="11" fill="#fff" stroke={INK.blueLine} {...CRISP} />
      <rect x="2" y="3" width="12" height="2" fill={INK.blue} {...CRISP} />
      <rect x="2" y="5" width="4" height="8" fill={INK.blueLight} {...CRISP} />
      <path d="M6.5 5v8" stroke={INK.blueLine} {...CRISP} />
      <path d="M3 6.5h2M4 8.5h2M4 10.5h2" stroke={INK.blueLine} {...CRISP} />
      <path d="M8 7.5h5M8 9.5h5M8 11.5h3" stroke={INK.text} {...CRISP} />
    </>
  ),
  database: (
    <>
      <path className="ic-o" d="M2.5 4v8.5c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V4" fill="#f1dc8f" stroke="#8f6d12" />
      <path d="M2.5 8.5c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2" fill="none" stroke="#b28a23" />
      <ellipse className="ic-o" cx="8" cy="4" rx="5.5" ry="2.5" fill="#f8ecbd" stroke="#8f6d12" />
    </>
  ),
  folder: folder(),
  computers: (
    <>
      {monitor(6, 1, 9, 7)}
      {monitor(1, 6, 9, 7)}
    </>
  ),
  box: box(),
  updates: (
    <>
      <circle className="ic-o" cx="8" cy="8" r="6.5" fill={INK.green} stroke={INK.greenLine} />
      <path d="M3.8 6.2a4.6 4.6 0 0 1 8.4 0" fill="none" stroke="#8fd08a" />
      <path d="M7 3.5h2v4.5h2.5l-3.5 4-3.5-4h3z" fill="#fff" stroke="#fff" strokeWidth=".5" strokeLinejoin="round" />
    </>
  ),
  repository: (
    <>
      {folder()}
      {updateBadge()}
    </>
  ),
  searchFolders: (
    <>
      {folder()}
      {magnifier()}
    </>
  ),
  searchFolder: (
    <>
      {folder('#7fa9da', '#c4dbf5', INK.blueLine)}
      {magnifier()}
    </>
  ),
  classificationFolder: (
    <>
      {folder()}
      <path d="M7.5 9.5h5l2 2-2 2h-5z" fill={INK.red} stroke={INK.redLine} strokeLinejoin="round" />
      <rect x="12" y="11" width="1" height="1" fill="#fff" {...CRISP} />
    </>
  ),
  vendorFolder: (
    <>
      {folder()}
      <rect x="9.5" y="7.5" width="5" height="8" fill="#c9d6e6" stroke={INK.greyLine} {...CRISP} />
      <path d="M11 9.5h1M13 9.5h1M11 11.5h1M13 11.5h1" stroke={INK.blueLine} {...CRISP} />
      <rect x="11" y="13" width="2" height="2" fill={INK.greyLine} {...CRISP} />
    </>
  ),
  productFolder: (
    <>
      {folder()}
      <circle cx="11.5" cy="11.5" r="3.5" fill="#e4e9f0" stroke={INK.greyLine} />
      <path d="M9.2 10a2.8 2.8 0 0 1 3.5-1.3" fill="none" stroke="#4aa0e8" />
      <circle cx="11.5" cy="11.5" r="1" fill="#fff" stroke={INK.greyLine} strokeWidth=".7" />
    </>
  ),
  updateList: (
    <>
      {sheet()}
      <path d="M4 5h2v2h-2zM4 8h2v2h-2zM4 11h2v2h-2z" fill={INK.green} {...CRISP} />
      <path d="M7 5.5h4M7 8.5h4M7 11.5h3" stroke={INK.paperLine} {...CRISP} />
    </>
  ),
  // One update list (a node under Update Lists): its sheet of updates, without the node's check boxes.
  updateListItem: (
    <>
      {sheet()}
      <path d="M4 5.5h7M4 8.5h7M4 11.5h5" stroke={INK.paperLine} {...CRISP} />
      <path d="M4.5 5.5h1M4.5 8.5h1M4.5 11.5h1" stroke={INK.green} {...CRISP} />
    </>
  ),
  template: (
    <>
      {sheet()}
      <path d="M4.5 4.5h3v2h-3z" fill={INK.blueLight} stroke={INK.blue} {...CRISP} />
      <path d="M4 8.5h4M4 10.5h3" stroke={INK.text} strokeDasharray="1 1" {...CRISP} />
      {gear()}
    </>
  ),
  deployment: (
    <>
      {box(1, 7, 9, 8)}
      <path
        className="ic-o"
        d="M5.5 6.5v-2h5v-3l4.5 4-4.5 4v-3h-3v1z"
        fill={INK.green}
        stroke={INK.greenLine}
        strokeLinejoin="round"
      />
    </>
  ),
  megaphone: megaphone(),
  // One deployment (a sheet sent on its way), and its Software Updates (the update, with the arrow of a deployment).
  oneDeployment: (
    <>
      {sheet()}
      <path
        className="ic-o"
        d="M6.5 10.5v-2h4v-3l4.5 4.5-4.5 4.5v-3h-3v-1z"
        fill={INK.green}
        stroke={INK.greenLine}
        strokeLinejoin="round"
      />
    </>
  ),
  deploymentUpdates: (
    <>
      <circle className="ic-o" cx="7" cy="7" r="5.5" fill={INK.green} stroke={INK.greenLine} />
      <path d="M6 3.5h2v3.5h2l-3 3-3-3h2z" fill="#fff" />
      <path d="M10.5 12.5v-2h2v-2l3 3-3 3v-2z" fill={INK.green} stroke={INK.greenLine} strokeLinejoin="round" />
    </>
  ),
  // Deployment packages: one package, its Access Accounts, Distribution Points and Software Updates, a migrated
  // advertisement; and the rows of the first two.
  deploymentPackage: (
    <>
      {box(1, 4, 14, 11)}
      <path d="M7 .5h2v2.5h2l-3 3-3-3h2z" fill={INK.green} stroke={INK.greenLine} strokeLinejoin="round" />
    </>
  ),
  accessAccounts: (
    <>
      {folder()}
      <circle cx="11.5" cy="9.5" r="1.5" fill={INK.blue} stroke={INK.blueLine} />
      <path d="M9 14.5a2.5 2.5 0 0 1 5 0z" fill={INK.blue} stroke={INK.blueLine} strokeLinejoin="round" />
    </>
  ),
  accessAccount: (
    <>
      <circle className="ic-o" cx="8" cy="4.5" r="3" fill={INK.blue} stroke={INK.blueLine} />
      <path className="ic-o" d="M2.5 14.5a5.5 5 0 0 1 11 0z" fill={INK.blueLight} stroke={INK.blueLine} />
    </>
  ),
  distributionPoints: (
    <>
      {folder()}
      {tower(9, 5, 11)}
      <rect x="3.5" y="8.5" width="3" height="3" fill={INK.box} stroke={INK.boxLine} {...CRISP} />
    </>
  ),
  distributionPoint: (
    <>
      {tower(2, 1, 14)}
      <rect className="ic-o" x="9.5" y="8.5" width="5" height="5" fill={INK.box} stroke={INK.boxLine} {...CRISP} />
    </>
  ),
  packageUpdates: (
    <>
      <circle className="ic-o" cx="7" cy="7" r="5.5" fill={INK.green} stroke={INK.greenLine} />
      <path d="M6 3.5h2v3.5h2l-3 3-3-3h2z" fill="#fff" />
      <rect x="10.5" y="10.5" width="5" height="5" fill={INK.box} stroke={INK.boxLine} {...CRISP} />
    </>
  ),
  sms2003Advertisement: (
    <>
      {megaphone()}
      <circle cx="4" cy="12.5" r="2.5" fill={INK.green} stroke={INK.greenLine} />
    </>
  ),
  flag: flag(),
  updatePackage: (
    <>
      {box(0, 2, 13, 11)}
      {updateBadge()}
    </>
  ),
  site: (
    <>
      <circle className="ic-o" cx="6.5" cy="7.5" r="5" fill={INK.blue} stroke={INK.blueLine} />
      <ellipse cx="6.5" cy="7.5" rx="2" ry="5" fill="none" stroke={INK.blueLight} />
      <path d="M2 7.5h9" stroke={INK.blueLight} {...CRISP} />
      {tower(9, 4, 11)}
    </>
  ),
  smsServers: (
    <>
      {tower(1, 3, 12, '#ede2c6', '#6e5d3a')}
      {tower(5, 1, 14, '#ede2c6', '#6e5d3a')}
      <rect className="ic-o" x="10.5" y="6.5" width="4" height="8" fill="#ede2c6" stroke="#6e5d3a" {...CRISP} />
      <path d="M11.5 8.5h2" stroke="#6e5d3a" {...CRISP} />
    </>
  ),
  log: (
    <>
      {sheet()}
      {textLines(5, [6, 7, 5, 7, 6], '#6b7885')}
    </>
  ),
  report: (
    <>
      {sheet()}
      <rect x="4" y="9" width="2" height="4" fill={INK.blue} {...CRISP} />
      <rect x="7" y="6" width="2" height="7" fill={INK.green} {...CRISP} />
      <rect x="10" y="8" width="1.5" height="5" fill="#e8912c" {...CRISP} />
      <path d="M3.5 13.5h8" stroke={INK.paperLine} {...CRISP} />
    </>
  ),
  logLine: (
    <>
      <rect className="ic-o" x="1.5" y="3.5" width="13" height="9" fill="#fff" stroke={INK.paperLine} {...CRISP} />
      <rect x="3" y="5" width="2" height="2" fill={INK.blue} {...CRISP} />
      <path d="M6 5.5h7M3 8.5h9M3 10.5h6" stroke="#6b7885" {...CRISP} />
    </>
  ),
  reportRow: (
    <>
      <rect className="ic-o" x="1.5" y="2.5" width="13" height="11" fill="#fff" stroke={INK.paperLine} {...CRISP} />
      <rect x="2" y="3" width="12" height="2" fill={INK.blueLight} {...CRISP} />
      <path d="M2 5.5h12M2 8.5h12M2 11.5h12M6.5 3v10" stroke="#a9b6c4" {...CRISP} />
      <rect x="8" y="9" width="5" height="2" fill={INK.green} {...CRISP} />
      <rect x="8" y="6" width="3" height="2" fill={INK.blue} {...CRISP} />
    </>
  ),
  // Reporting > Reports: a folder holding a bar chart.
  reports: (
    <>
      {folder()}
      <rect x="4" y="10" width="2" height="3" fill={INK.blue} {...CRISP} />
      <rect x="7" y="8" width="2" height="5" fill={INK.green} {...CRISP} />
      <rect x="10" y="9" width="2" height="4" fill="#e8912c" {...CRISP} />
    </>
  ),
  // One report of the Reports node: a sheet with a line chart.
  reportItem: (
    <>
      {sheet()}
      <path d="M4 12l2.5-3 2 1.5L11 6" fill="none" stroke={INK.blue} strokeWidth="1.5" strokeLinejoin="round" />
      <path d="M3.5 13.5h8" stroke={INK.paperLine} {...CRISP} />
    </>
  ),
  smsUpdates: (
    <>
      <path
        className="ic-o"
        d="M8 1.5l5.5 2v4c0 3.4-2.4 5.9-5.5 7-3.1-1.1-5.5-3.6-5.5-7v-4z"
        fill={INK.blue}
        stroke={INK.blueLine}
        strokeLinejoin="round"
      />
      <path d="M8 1.5v13" stroke="#6fa0dc" />
      <path d="M7 4.5h2v3.5h2l-3 3.5-3-3.5h2z" fill="#fff" />
    </>
  ),
  collection: (
    <>
      <rect x="0.5" y="1.5" width="15" height="13" rx="2" fill="#eef4fb" stroke={INK.blueLine} className="ic-o" />
      {monitor(2, 3, 7, 5)}
      {monitor(7, 7, 7, 5)}
    </>
  ),
  client: (
    <>
      {monitor(1, 1, 14, 10)}
      <rect className="ic-o" x="2.5" y="13.5" width="11" height="1" fill={INK.grey} stroke={INK.greyLine} {...CRISP} />
    </>
  ),
  advertisement: (
    <>
      <path className="ic-o" d="M2.5 1v14" stroke={INK.greyLine} {...CRISP} />
      <path
        className="ic-o"
        d="M3.5 1.5h9l-2 2.5 2 2.5h-9z"
        fill={INK.blue}
        stroke={INK.blueLine}
        strokeLinejoin="round"
      />
      {box(6, 8, 9, 7)}
    </>
  ),
  siteNode: (
    <>
      <path className="ic-o" d="M1.5 6.5l6.5-5 6.5 5z" fill={INK.blue} stroke={INK.blueLine} strokeLinejoin="round" />
      <rect className="ic-o" x="2.5" y="6.5" width="11" height="8" fill="#dbe6f3" stroke={INK.blueLine} {...CRISP} />
      <path d="M4 8h2v2h-2zM7 8h2v2h-2zM10 8h2v2h-2zM4 11h2v2h-2zM10 11h2v2h-2z" fill={INK.blue} {...CRISP} />
      <rect x="7" y="11" width="2" height="3" fill={INK.blueLine} {...CRISP} />
    </>
  ),
  siteSystems: (
    <>
      {folder()}
      {tower(9, 5, 11)}
    </>
  ),
  siteSystem: (
    <>
      {tower(2, 1, 14)}
      {gear(11.5, 10.5)}
    </>
  ),
  systemStatus: (
    <>
      <rect className="ic-o" x="1.5" y="2.5" width="13" height="11" fill="#1d2b3a" stroke={INK.greyLine} {...CRISP} />
      <path d="M2 8.5h3l1.5-3 2 6 1.5-3h4" fill="none" stroke="#5fe35a" strokeLinejoin="round" />
    </>
  ),
  statusMessages: (
    <>
      {sheet()}
      <circle cx="5" cy="5.5" r="1.3" fill={INK.blue} />
      <circle cx="5" cy="8.5" r="1.3" fill="#e8b92c" />
      <circle cx="5" cy="11.5" r="1.3" fill={INK.red} />
      <path d="M7 5.5h4M7 8.5h4M7 11.5h3" stroke={INK.paperLine} {...CRISP} />
    </>
  ),
  statusMessage: (
    <>
      <path
        className="ic-o"
        d="M1.5 2.5h13v8h-7l-3 3v-3h-3z"
        fill="#fff"
        stroke={INK.paperLine}
        strokeLinejoin="round"
      />
      <circle cx="8" cy="4.5" r="1" fill={INK.blue} />
      <rect x="7" y="6" width="2" height="3" fill={INK.blue} {...CRISP} />
    </>
  ),
  securityRight: (
    <>
      <circle className="ic-o" cx="4.5" cy="8" r="3" fill="#e8b92c" stroke="#8a6a10" />
      <circle cx="4.5" cy="8" r="1" fill="#fff" />
      <path
        className="ic-o"
        d="M7.5 7h7v2h-1v2.5h-2v-2.5h-1v1.5h-1.5v-1.5h-1.5z"
        fill="#e8b92c"
        stroke="#8a6a10"
        strokeLinejoin="round"
      />
    </>
  ),
  securityRights: (
    <>
      {folder()}
      <circle cx="9.5" cy="11" r="2" fill="#e8b92c" stroke="#8a6a10" />
      <path d="M11.5 10.5h4v2h-1.5v1.5h-1.5v-1.5h-1z" fill="#e8b92c" stroke="#8a6a10" strokeLinejoin="round" />
    </>
  ),
  auditLog: (
    <>
      <rect className="ic-o" x="2.5" y="2.5" width="11" height="12" fill="#b98a4a" stroke={INK.boxLine} {...CRISP} />
      <rect x="4" y="4" width="8" height="9" fill={INK.paper} {...CRISP} />
      <rect className="ic-o" x="5.5" y="1.5" width="5" height="2" fill="#9aa5b1" stroke={INK.greyLine} {...CRISP} />
      <path d="M5 6.5h1M7 6.5h4M5 9h1M7 9h4M5 11.5h1M7 11.5h3" stroke={INK.paperLine} {...CRISP} />
    </>
  ),
  auditEntry: (
    <>
      {sheet()}
      <path d="M4.5 5.5h5M4.5 7.5h5" stroke={INK.paperLine} {...CRISP} />
      <circle className="ic-o" cx="11" cy="11.5" r="3.5" fill={INK.blueLight} stroke={INK.blueLine} />
      <path d="M11 9.5v2h1.5" fill="none" stroke={INK.blueLine} strokeLinecap="square" />
    </>
  ),
  hiddenUpdates: (
    <>
      {folder()}
      <circle cx="11.5" cy="11.5" r="3.5" fill="#9aa5b1" stroke={INK.greyLine} />
      <path d="M11.5 9.5v3.5M9.5 11.5l2 2 2-2" fill="none" stroke="#fff" strokeLinecap="square" />
      <path d="M8 15l7-7" stroke={INK.red} strokeWidth="1.5" strokeLinecap="round" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type GlyphName = keyof typeof GLYPHS;

/** Which glyph each node of the console tree shows. */
export const NODE_GLYPH: Record<NodeKind, GlyphName> = {
  root: 'console',
  'site-database': 'database',
  container: 'folder',
  collections: 'computers',
  packages: 'box',
  'software-updates': 'updates',
  'update-repository': 'repository',
  'search-folders': 'searchFolders',
  'search-folder': 'searchFolder',
  'classification-folder': 'classificationFolder',
  'vendor-folder': 'vendorFolder',
  'product-folder': 'productFolder',
  'update-lists': 'updateList',
  'update-list': 'updateListItem',
  'deployment-templates': 'template',
  'deployment-management': 'deployment',
  deployment: 'oneDeployment',
  'deployment-software-updates': 'deploymentUpdates',
  'sms2003-advertisements': 'megaphone',
  'deployment-packages': 'updatePackage',
  'deployment-package': 'deploymentPackage',
  'deployment-package-access-accounts': 'accessAccounts',
  'deployment-package-distribution-points': 'distributionPoints',
  'deployment-package-software-updates': 'packageUpdates',
  'sms2003-advertisement': 'sms2003Advertisement',
  'site-management': 'site',
  'setup-log': 'log',
  'migration-report': 'report',
  'sms2003-root': 'smsServers',
  'sms2003-software-updates': 'smsUpdates',
  'sms2003-advertisements-list': 'flag',
  collection: 'collection',
  advertisements: 'advertisement',
  site: 'siteNode',
  'site-systems': 'siteSystems',
  'system-status': 'systemStatus',
  'status-messages': 'statusMessages',
  'audit-log': 'auditLog',
  'hidden-software-updates': 'hiddenUpdates',
  'security-rights': 'securityRights',
  reports: 'reports',
};

/** A 16 × 16 glyph, decorative: the label beside it says what it is. */
export function Glyph({ name, className = '' }: { name: GlyphName; className?: string }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className={`ic shrink-0 ${className}`.trim()}
      data-glyph={name}
    >
      {GLYPHS[name]}
    </svg>
  );
}

/** The icon of a console tree node by its kind; an unknown kind shows a plain folder. */
export function NodeIcon({ kind }: { kind: string }) {
  const name = (NODE_GLYPH as Record<string, GlyphName | undefined>)[kind] ?? 'folder';
  return <Glyph name={name} />;
}
