/**
 * Error codes of the engine. Each code has one exit status, so the command
 * line, the IPC handler and the browser-mode host report failures alike.
 */
export const errorCodes = {
  /** A check ran and failed, such as a gate rule or a verification. */
  checkFailed: 1,
  /** The command line was used wrongly, or an input file is invalid. */
  invalidInput: 2,
  /** A rule of the store rejected the change. */
  ruleViolation: 3,
  /** The store cannot be opened or read. */
  storeUnusable: 4,
  /** A defect in Dossier itself. */
  internal: 70,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class DossierError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DossierError";
    this.code = code;
  }

  get exitCode(): number {
    return errorCodes[this.code];
  }
}

export function invalidInput(message: string, cause?: unknown): DossierError {
  return new DossierError("invalidInput", message, { cause });
}

/** Throws an internal error unless `condition` holds. */
export function invariant(
  condition: unknown,
  message: string,
): asserts condition {
  if (!condition) {
    throw new DossierError("internal", `Invariant failed: ${message}`);
  }
}

export function assertNever(value: never, context: string): never {
  throw new DossierError(
    "internal",
    `Unexpected ${context}: ${JSON.stringify(value)}`,
  );
}

/** Wraps any thrown value as a DossierError, keeping DossierErrors as they are. */
export function toDossierError(error: unknown): DossierError {
  if (error instanceof DossierError) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DossierError("internal", message, { cause: error });
}
