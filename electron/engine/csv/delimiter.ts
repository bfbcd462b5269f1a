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

/**
 * Share of the sampled records that a candidate must split into its usual
 * field count for a bad record to be reported as such, instead of as a
 * delimiter that cannot be detected.
 */
const nearlyConsistentShare = 0.9;

/** Records of the sample that have one field count. */
type FieldCountGroup = { records: number; firstLine: number };

/** Result of parsing the sample with one candidate. */
type Trial = {
  delimiter: Delimiter;
  /** Field count of the first non-blank record. */
  firstFieldCount: number | undefined;
  /** Number of non-blank records read. */
  records: number;
  groups: Map<number, FieldCountGroup>;
  /** True when csv-parse stopped at a quoting error. */
  quotingFailed: boolean;
};

/** A record whose field count differs from the one expected. */
type Mismatch = { line: number; fieldCount: number; expected: number };

type UsualFieldCount = { fieldCount: number; records: number };

/** The first bad record of a candidate that splits nearly every record alike. */
type BadRecord = { trial: Trial; usual: UsualFieldCount; mismatch: Mismatch };

/**
 * Detects the field delimiter: the candidate that splits every non-blank
 * record of the sample into the same number of fields, more than one. Each
 * candidate is tried with a real, quote-aware parse. When none qualifies,
 * throws `invalidInput`: for the first bad record when one candidate splits
 * nearly every record alike (see `findBadRecord`), and otherwise
 * listing each candidate's problem.
 */
export function detectDelimiter(content: Buffer, source: string): Delimiter {
  const trials = candidates.map((delimiter) =>
    tryDelimiter(content, source, delimiter),
  );

  const consistent = trials.filter(
    (trial) =>
      findFirstMismatch(trial) === undefined &&
      (trial.firstFieldCount ?? 0) > 1,
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

  const badRecord = findBadRecord(trials);
  if (badRecord !== undefined) {
    throw describeBadRecord(badRecord, source);
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
    firstFieldCount: undefined,
    records: 0,
    groups: new Map(),
    quotingFailed: false,
  };
  const visit = (fields: string[], line: number, isBlank: boolean) => {
    if (isBlank) {
      return;
    }
    trial.records++;
    trial.firstFieldCount ??= fields.length;
    const group = trial.groups.get(fields.length);
    if (group === undefined) {
      trial.groups.set(fields.length, { records: 1, firstLine: line });
    } else {
      group.records++;
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

/**
 * Returns the first record whose field count differs from `expected`, by
 * default the field count of the first non-blank record.
 */
function findFirstMismatch(
  trial: Trial,
  expected = trial.firstFieldCount,
): Mismatch | undefined {
  let first: Mismatch | undefined;
  for (const [fieldCount, group] of trial.groups) {
    if (expected === undefined || fieldCount === expected) {
      continue;
    }
    if (first === undefined || group.firstLine < first.line) {
      first = { line: group.firstLine, fieldCount, expected };
    }
  }
  return first;
}

/** Returns the field count of most records and how many records have it. */
function findUsualFieldCount(trial: Trial): UsualFieldCount {
  let usual: UsualFieldCount = { fieldCount: 0, records: 0 };
  for (const [fieldCount, group] of trial.groups) {
    if (group.records > usual.records) {
      usual = { fieldCount, records: group.records };
    }
  }
  return usual;
}

/**
 * Finds the first bad record of a candidate that splits at least 90% of the
 * sampled records into the same field count, more than one. When several
 * candidates qualify, they must find the same first bad line, because that
 * line is then bad whichever of them is the delimiter. The tie order picks
 * the candidate to name. A comma file with a space after each comma is such
 * a case, because the space delimiter splits its lines alike.
 */
function findBadRecord(trials: readonly Trial[]): BadRecord | undefined {
  const found: BadRecord[] = [];
  for (const trial of trials) {
    const usual = findUsualFieldCount(trial);
    const mismatch = findFirstMismatch(trial, usual.fieldCount);
    const isNearlyConsistent =
      usual.fieldCount > 1 &&
      usual.records >= nearlyConsistentShare * trial.records;
    if (isNearlyConsistent && mismatch !== undefined) {
      found.push({ trial, usual, mismatch });
    }
  }
  const firstLines = new Set(found.map((bad) => bad.mismatch.line));
  return firstLines.size === 1 ? found[0] : undefined;
}

function describeBadRecord(bad: BadRecord, source: string): DossierError {
  const { trial, usual, mismatch } = bad;
  return invalidInput(
    `${source}: line ${mismatch.line} has ${mismatch.fieldCount} fields, ` +
      `expected ${usual.fieldCount} (delimiter detected as ` +
      `${delimiterNames[trial.delimiter]}, which splits ${usual.records} of ` +
      `the first ${trial.records} records into ${usual.fieldCount} fields). ` +
      `Check the quoting on that line, or pass the delimiter with ` +
      `--delimiter (",", ";", "\\t" or " ").`,
  );
}

function describeTrial(trial: Trial): string {
  const name = delimiterNames[trial.delimiter];
  const mismatch = findFirstMismatch(trial);
  if (mismatch !== undefined) {
    return (
      `${name} (line ${mismatch.line} has ${mismatch.fieldCount} fields, ` +
      `expected ${mismatch.expected})`
    );
  }
  if (trial.quotingFailed) {
    return `${name} (invalid quoting)`;
  }
  if (trial.firstFieldCount === 1) {
    return `${name} (1 field per line)`;
  }
  return `${name} (no line to split)`;
}
