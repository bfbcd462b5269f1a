import { CsvError, parse, type Options } from "csv-parse/sync";
import type { Delimiter } from "../../../shared/contract";
import { invalidInput } from "../errors";

/**
 * Callback for one record, with its fields, the physical line (1-based)
 * where it starts, and whether that line contains only whitespace.
 */
export type RecordVisitor = (
  fields: string[],
  line: number,
  isBlank: boolean,
) => void;

export type ReadRecordsOptions = {
  /** Maximum number of records to read, blank lines included. */
  maxRecords?: number;
};

/** csv-parse 7.0.3 passes `{ record, raw }` to `on_record` when `raw` is on. */
type RawRecord = { record: string[]; raw: string };

/**
 * Options shared by delimiter detection and the full parse. The reasons:
 * - `trim` strips whitespace outside quotes and keeps it inside. csv-parse
 *   matches the delimiter before it trims, so the space and tab delimiters
 *   still split fields.
 * - `relax_quotes` keeps a quote inside an unquoted field (`5'10"`) as text.
 * - `relax_column_count` lets the caller check field counts, so that its
 *   message names the physical line.
 * - `raw` gives each record's text. Line numbers are counted from it because
 *   csv-parse's `info.lines` counts a CRLF inside quotes as two lines
 *   (csv-parse 7.0.3).
 * - `max_record_size: 0` lifts the 128,000-character record limit, so that an
 *   unclosed quote is reported as such instead of as an oversized record.
 * - `skip_empty_lines: false` passes blank lines on, so that the caller can
 *   ignore trailing ones and reject the others with their line number.
 */
const sharedOptions = {
  bom: true,
  trim: true,
  relax_quotes: true,
  relax_column_count: true,
  raw: true,
  max_record_size: 0,
  skip_empty_lines: false,
} as const satisfies Options;

/**
 * Parses `content` with csv-parse and calls `visit` for each record, in file
 * order. Throws `invalidInput` naming `source`, the line and the column for a
 * quoting error. Errors thrown by `visit` pass through unchanged.
 */
export function readRecords(
  content: Buffer,
  source: string,
  delimiter: Delimiter,
  visit: RecordVisitor,
  options: ReadRecordsOptions = {},
): void {
  let nextLine = 1;
  const onRecord = (record: string[]): null => {
    const { record: fields, raw } = record as unknown as RawRecord;
    const line = nextLine;
    nextLine += countLineBreaks(raw);
    visit(fields, line, raw.trim() === "");
    return null;
  };
  try {
    parse(content, {
      ...sharedOptions,
      delimiter,
      to: options.maxRecords,
      on_record: onRecord,
    });
  } catch (error) {
    throw translateCsvError(error, source, nextLine);
  }
}

/** Counts CRLF, LF and lone CR each as one line break. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      count++;
    } else if (code === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) {
        i++;
      }
    }
  }
  return count;
}

/**
 * Turns a csv-parse error into a one-line `invalidInput`. csv-parse's `raw`
 * is the text of the record read so far, which starts at `recordLine`.
 */
function translateCsvError(
  error: unknown,
  source: string,
  recordLine: number,
): unknown {
  if (!(error instanceof CsvError)) {
    return error;
  }
  const raw = typeof error.raw === "string" ? error.raw : "";
  const column = typeof error.column === "number" ? error.column + 1 : "?";
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED": {
      const opening = findUnclosedQuote(raw);
      const line = recordLine + countLineBreaks(raw.slice(0, opening));
      return invalidInput(
        `${source}: line ${line}, column ${column}: the quoted field that ` +
          `starts here has no closing quote. Add the closing quote, and ` +
          `write each quote inside a quoted field as two quotes ("").`,
        error,
      );
    }
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
    case "CSV_INVALID_CLOSING_QUOTE": {
      const line = recordLine + countLineBreaks(raw);
      return invalidInput(
        `${source}: line ${line}, column ${column}: text follows the ` +
          `closing quote of a quoted field. Quote the whole field, and ` +
          `write each quote inside it as two quotes ("").`,
        error,
      );
    }
    default: {
      const line = recordLine + countLineBreaks(raw);
      return invalidInput(
        `${source}: line ${line}: invalid CSV (${error.message}).`,
        error,
      );
    }
  }
}

/**
 * Returns the offset of the quote that opened the field still open at the
 * end of `raw`. After that quote, csv-parse has only seen quotes in doubled
 * pairs, so it is the first quote of the last run of odd length.
 */
function findUnclosedQuote(raw: string): number {
  let index = raw.length - 1;
  while (index >= 0) {
    if (raw[index] !== '"') {
      index--;
      continue;
    }
    const runEnd = index;
    while (index >= 0 && raw[index] === '"') {
      index--;
    }
    if ((runEnd - index) % 2 === 1) {
      return index + 1;
    }
  }
  return 0;
}
