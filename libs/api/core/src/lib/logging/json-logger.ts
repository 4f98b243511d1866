import { LoggerService } from '@nestjs/common';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Structured one-line JSON logs. Callers pass only technical facts (route patterns, status codes,
 * durations, ids of sessions or requests); never names, e-mail addresses, note text or client ids.
 * Error messages are logged without request bodies for the same reason.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly minLevel: Level = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  private emit(level: Level, message: unknown, context?: string, extra?: Record<string, unknown>) {
    if (ORDER[level] < ORDER[this.minLevel]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level };
    if (context) entry.context = context;
    if (message && typeof message === 'object' && !(message instanceof Error))
      Object.assign(entry, message);
    else entry.msg = message instanceof Error ? message.message : String(message);
    if (extra) Object.assign(entry, extra);
    this.write(JSON.stringify(entry));
  }

  log(message: unknown, context?: string) {
    this.emit('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string) {
    const hasStack = context !== undefined;
    this.emit(
      'error',
      message,
      hasStack ? context : stackOrContext,
      hasStack && stackOrContext ? { stack: stackOrContext } : undefined,
    );
  }
  warn(message: unknown, context?: string) {
    this.emit('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.emit('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.emit('debug', message, context);
  }
}
