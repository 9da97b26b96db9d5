/**
 * Escapes text for HTML element content and double- or single-quoted attribute values:
 * & < > " ' become entities. Every string that comes from a strategy file, a data file or a
 * report read back from disk goes through this before it is put into a page.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
