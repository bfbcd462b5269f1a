import pino from "pino";

const defaultLevel = "warn";

/** pino's level names, from most to least verbose, and "silent" for none. */
const validLevels = [...Object.keys(pino.levels.values), "silent"];

/**
 * The root logger writes JSON lines to standard error, so that the command
 * line's standard output carries only its result. DOSSIER_LOG_LEVEL sets the
 * level (default "warn"). An unknown level falls back to "warn" with one
 * warning, because pino throws on it. Log records carry ids, counts and
 * durations, never cell values from a dataset, which may hold personal data.
 */
const requestedLevel = process.env.DOSSIER_LOG_LEVEL?.trim() ?? "";
const isValidLevel = validLevels.includes(requestedLevel.toLowerCase());

const rootLogger = pino(
  {
    name: "dossier",
    level: isValidLevel ? requestedLevel.toLowerCase() : defaultLevel,
  },
  pino.destination({ fd: 2, sync: true }),
);

if (requestedLevel !== "" && !isValidLevel) {
  rootLogger.warn(
    { requestedLevel, validLevels, fallbackLevel: defaultLevel },
    `DOSSIER_LOG_LEVEL "${requestedLevel}" is not a log level; using "${defaultLevel}". Valid levels: ${validLevels.join(", ")}.`,
  );
}

export type Logger = pino.Logger;

export function createLogger(module: string): Logger {
  return rootLogger.child({ module });
}
