/** Small glyphs for the console tree, drawn for this project as SVG so they stay crisp at any zoom. */
export function NodeIcon({ kind }: { kind: string }) {
  const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, className: 'shrink-0' } as const;
  switch (kind) {
    case 'root':
      return (
        <svg {...common}>
          <rect x="1.5" y="2.5" width="13" height="9" rx="1" fill="#dbe8f7" stroke="#3c6ea8" />
          <rect x="5" y="12" width="6" height="2" fill="#6d8fb8" />
          <path d="M4 5h8M4 7.5h5" stroke="#3c6ea8" />
        </svg>
      );
    case 'site-database':
    case 'site-management':
      return (
        <svg {...common}>
          <ellipse cx="8" cy="4" rx="5.5" ry="2" fill="#f3e7b3" stroke="#9a7b1c" />
          <path d="M2.5 4v8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V4" fill="#f3e7b3" stroke="#9a7b1c" />
          <path d="M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2" fill="none" stroke="#9a7b1c" />
        </svg>
      );
    case 'software-updates':
    case 'update-repository':
      return (
        <svg {...common}>
          <rect x="2" y="1.5" width="12" height="13" rx="1.5" fill="#fff" stroke="#2f7a2f" />
          <path d="M4 5h8M4 8h8M4 11h5" stroke="#3a9a3a" strokeWidth="1.4" />
        </svg>
      );
    case 'collections':
      return (
        <svg {...common}>
          <rect x="1.5" y="3.5" width="6" height="5" fill="#dbe8f7" stroke="#3c6ea8" />
          <rect x="8.5" y="7.5" width="6" height="5" fill="#dbe8f7" stroke="#3c6ea8" />
        </svg>
      );
    case 'search-folders':
    case 'search-folder':
      return (
        <svg {...common}>
          <path d="M1.5 4.5h5l1 1.5h7v7.5h-13z" fill="#f7dc7a" stroke="#b08a1a" />
          <circle cx="9" cy="9.5" r="2.2" fill="#fff" stroke="#3c6ea8" />
          <path d="M10.6 11.1l2 2" stroke="#3c6ea8" strokeWidth="1.4" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <path d="M1.5 4.5h5l1 1.5h7v7.5h-13z" fill="#f7dc7a" stroke="#b08a1a" />
          <path d="M1.5 7h13" stroke="#e3bd4a" />
        </svg>
      );
  }
}
