/** `problem` fails the doctor (exit 1); `warning` is worth reading but does not block production. */
export type DoctorStatus = 'ok' | 'warning' | 'problem';

/** What one check found, and, for a warning or a problem, how to fix it. */
export interface DoctorFinding {
  readonly check: string;
  readonly status: DoctorStatus;
  readonly message: string;
  readonly fix?: string;
}

export function ok(check: string, message: string): DoctorFinding {
  return { check, status: 'ok', message };
}

export function warning(check: string, message: string, fix?: string): DoctorFinding {
  return { check, status: 'warning', message, ...(fix === undefined ? {} : { fix }) };
}

export function problem(check: string, message: string, fix: string): DoctorFinding {
  return { check, status: 'problem', message, fix };
}
