/** "[Name]", "[email]", "+254 7XX XXX XXX", "TBD": contact text that stands in for a real one. */
const PLACEHOLDER = /\[[^\]]*\]|<[^>]*>|XX|\bTBD\b|\bTODO\b/;

/** Whether contact text stands in for a real one: the owner-placeholder rule reports it, pages and feeds mark it. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}
