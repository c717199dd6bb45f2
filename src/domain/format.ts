/**
 * How the console writes values, in the en-US style the product used in 2008. The find bar matches what is shown, so
 * the server searches the same text these functions produce.
 */
export function formatDate(isoDate: string): string {
  let shown = FORMATTED_DATES.get(isoDate);
  if (shown === undefined) {
    // A 50,000-update site holds a few thousand distinct dates: each is written once, not once per update and column.
    if (FORMATTED_DATES.size >= MAX_FORMATTED_DATES) FORMATTED_DATES.clear();
    shown = writeDate(isoDate);
    FORMATTED_DATES.set(isoDate, shown);
  }
  return shown;
}

const FORMATTED_DATES = new Map<string, string>();
const MAX_FORMATTED_DATES = 10_000;

function writeDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${Number(month)}/${Number(day)}/${year}`;
}

export function formatDateTime(isoDateTime: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(isoDateTime);
  if (!match) return formatDate(isoDateTime);
  const [, year, month, day, hours, minutes] = match;
  const hour = Number(hours);
  const suffix = hour < 12 ? 'AM' : 'PM';
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${Number(month)}/${Number(day)}/${year} ${hour12}:${minutes} ${suffix}`;
}

export function formatYesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

/**
 * One formatter for every count: `Number.prototype.toLocaleString` builds a new one per call, which costs about 13 µs
 * in Chromium (1.7 s for the 50,000-update migration report, 5 s for the first search over every column).
 */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  // Whole numbers, all the counts there are, are grouped here: the same text Intl gives, without its cost (a site of
  // 50,000 updates formats hundreds of thousands of counts for its migration report and search text).
  if (Number.isSafeInteger(value)) return groupedInteger(value);
  return COUNT_FORMAT.format(value);
}

/** Counts below 65,536 written once each: compliance counts repeat across thousands of updates. */
const SMALL_COUNT_LIMIT = 65_536;
const SMALL_COUNTS = new Array<string | undefined>(SMALL_COUNT_LIMIT);

/** "-1,234,567": en-US digit grouping of a safe integer (as Intl.NumberFormat('en-US') writes it). */
function groupedInteger(value: number): string {
  // -0 reads "0", as it always did here (Intl would write "-0").
  if (value > -1000 && value < 1000) return String(value);
  if (value > 0 && value < SMALL_COUNT_LIMIT) return (SMALL_COUNTS[value] ??= groupDigits(String(value)));
  return value < 0 ? `-${groupDigits(String(-value))}` : groupDigits(String(value));
}

/** "1234567" -> "1,234,567". */
function groupDigits(digits: string): string {
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return grouped;
}
