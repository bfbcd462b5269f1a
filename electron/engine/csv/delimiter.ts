import type { Delimiter } from "../../../shared/contract";
import { DossierError, invalidInput } from "../errors";
import { readRecords } from "./records";

/** Candidates in tie-break order: the first one that qualifies wins. */
const candidates = [",", ";", "\t", " "] as const satisfies Delimiter[];

export const delimiterNames = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  " ": "space",
} as const satisfies Record<Delimiter, string>;

// NOTE: detection reads only the first 1,000 records. A later line with a
// different field count is reported by the full parse, not here.
const sampleRecordCount = 1000;

/** Result of parsing the sample with one candidate. */
type Trial = {
  delimiter: Delimiter;
  /** Field count of the first non-blank record. */
  fieldCount: number | undefined;
  /** Reason the candidate does not split the sample consistently. */
  problem: string | undefined;
  /** True when csv-parse stopped at a quoting error. */
  quotingFailed: boolean;
};

/**
 * Detects the field delimiter: the candidate that splits every non-blank
 * record of the sample into the same number of fields, more than one. Each
 * candidate is tried with a real, quote-aware parse. Throws `invalidInput`
 * listing each candidate's problem when none qualifies.
 */
export function detectDelimiter(content: Buffer, source: string): Delimiter {
  const trials = candidates.map((delimiter) =>
    tryDelimiter(content, source, delimiter),
  );
  const consistent = trials.filter(
    (trial) => trial.problem === undefined && (trial.fieldCount ?? 0) > 1,
  );
  const clean = consistent.find((trial) => !trial.quotingFailed);
  if (clean !== undefined) {
    return clean.delimiter;
  }
  // A quoting error stops every candidate alike. A candidate that was
  // consistent up to it is chosen, so that the full parse reports the error
  // with its line instead of a failed detection.
  const beforeQuotingError = consistent[0];
  if (beforeQuotingError !== undefined) {
    return beforeQuotingError.delimiter;
  }
  throw invalidInput(
    `${source}: cannot detect the field delimiter. Tried ` +
      `${trials.map(describeTrial).join(", ")}, and none splits every ` +
      `line of the first ${sampleRecordCount} records into the same ` +
      `number of fields, more than one. Pass the delimiter with ` +
      `--delimiter (",", ";", "\\t" or " ").`,
  );
}

function tryDelimiter(
  content: Buffer,
  source: string,
  delimiter: Delimiter,
): Trial {
  const trial: Trial = {
    delimiter,
    fieldCount: undefined,
    problem: undefined,
    quotingFailed: false,
  };
  const visit = (fields: string[], line: number, isBlank: boolean) => {
    if (isBlank || trial.problem !== undefined) {
      return;
    }
    if (trial.fieldCount === undefined) {
      trial.fieldCount = fields.length;
    } else if (fields.length !== trial.fieldCount) {
      trial.problem =
        `line ${line} has ${fields.length} fields, ` +
        `expected ${trial.fieldCount}`;
    }
  };
  try {
    readRecords(content, source, delimiter, visit, {
      maxRecords: sampleRecordCount,
    });
  } catch (error) {
    if (!(error instanceof DossierError)) {
      throw error;
    }
    trial.quotingFailed = true;
  }
  return trial;
}

function describeTrial(trial: Trial): string {
  const name = delimiterNames[trial.delimiter];
  if (trial.problem !== undefined) {
    return `${name} (${trial.problem})`;
  }
  if (trial.quotingFailed) {
    return `${name} (invalid quoting)`;
  }
  if (trial.fieldCount === 1) {
    return `${name} (1 field per line)`;
  }
  return `${name} (no line to split)`;
}
