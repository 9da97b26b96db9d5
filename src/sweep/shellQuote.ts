/**
 * Quoting for POSIX shells (bash, dash): a word is left bare when it holds only characters no
 * shell treats specially, and is otherwise wrapped in single quotes, a single quote inside
 * becoming '\'' (close, escaped quote, reopen). POSIX.1-2017, Shell Command Language §2.2.2:
 * "Enclosing characters in single-quotes shall preserve the literal value of each character".
 */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(word: string): string {
  if (SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Words quoted and joined by spaces: a command line that a shell splits back into `words`. */
export function shellJoin(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
