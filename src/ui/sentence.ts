/**
 * A message as a sentence to show: without the "field: " prefix a 400 answer starts with (the field is shown beside
 * it), capitalised, and ending with a full stop.
 */
export function asSentence(message: string): string {
  const text = message.replace(/^[\w.]+: /, '').trim();
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}
