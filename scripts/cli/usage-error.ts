/** Wrong usage: an unknown option, document, language or format. The CLI prints it in one line and exits with 2. */
export class UsageError extends Error {}
