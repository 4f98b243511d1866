/**
 * Messages for the person at the terminal (the start address, CLI results and failures). They
 * are plain text on purpose, not JSON log records, and never contain personal data: only
 * addresses, counts, migration names and error messages of our own. Everything else goes through
 * the structured logger.
 */
export function tell(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function warn(text: string): void {
  process.stderr.write(`${text}\n`);
}
