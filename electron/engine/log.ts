import pino from "pino";

/**
 * The root logger writes JSON lines to standard error, so that the command
 * line's standard output carries only its result. DOSSIER_LOG_LEVEL sets the
 * level (default "warn"). Log records carry ids, counts and durations, never
 * cell values from a dataset, which may hold personal data.
 */
const rootLogger = pino(
  {
    name: "dossier",
    level: process.env.DOSSIER_LOG_LEVEL ?? "warn",
  },
  pino.destination({ fd: 2, sync: true }),
);

export type Logger = pino.Logger;

export function createLogger(module: string): Logger {
  return rootLogger.child({ module });
}
