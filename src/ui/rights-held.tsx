/** A Properties dialog's Security page: the rights the connected administrator holds on the object. */
export function RightsHeld({ who, what, rights }: { who: string; what: string; rights: readonly string[] }) {
  return (
    <div className="space-y-2">
      <p>
        Rights of <strong>{who}</strong> on this {what}:
      </p>
      <ul aria-label="Rights held" className="win-listbox">
        {rights.map((right) => (
          <li key={right}>{right}</li>
        ))}
      </ul>
    </div>
  );
}
