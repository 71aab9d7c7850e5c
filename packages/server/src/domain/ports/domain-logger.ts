/**
 * Where the domain reports what an operator should know but no caller can act on: a best-effort step that
 * failed and was left for later. pino's `logger.warn(details, message)` fits as is.
 */
export interface DomainLogger {
  warn(details: Record<string, unknown>, message: string): void;
}
