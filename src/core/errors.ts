/**
 * A problem with the user's input (a file, a row, a key, a ticker, a range).
 * The CLI prints `message` as one line on stderr and exits with code 1, without a stack trace
 * unless `--debug` is given. The message must name the place (file and line, or field) and say
 * what was expected.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(message: string) {
    super(message);
  }
}

/** A wrong command or flag: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(message);
  }
}
