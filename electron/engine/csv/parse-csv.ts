import type { Delimiter } from "../../../shared/contract";
import type { Table } from "../data/table";
import { invalidInput } from "../errors";
import { delimiterNames, detectDelimiter } from "./delimiter";
import { assertUtf8 } from "./encoding";
import { ColumnBuilder, defaultMissingValues } from "./infer-columns";
import { readRecords } from "./records";

export type CsvReadOptions = {
  /** Column names for a file without a header line: its first line is data. */
  columns?: string[];
  /** Field delimiter, detected when absent. */
  delimiter?: Delimiter;
  /**
   * Cell texts that mean a missing value, compared after trimming, quoted or
   * not (so a quoted "NA" is missing too). Default: "", "?", "NA". An empty
   * cell is missing whatever this list contains.
   */
  missingValues?: string[];
};

/** A parsed table. Its `rowLines` is always set. */
export type CsvTable = Table & {
  delimiter: Delimiter;
  hasHeader: boolean;
  rowLines: Int32Array;
};

/**
 * Parses CSV content into a columnar table. `source` is the file name used in
 * error messages. Throws `invalidInput` for bytes that are not UTF-8, an
 * empty file, a file without data rows, a delimiter that cannot be detected,
 * or invalid quoting. It also throws for a line whose field count differs
 * from the header's, and in a file of several columns for a blank line
 * before the last non-blank one.
 */
export function parseCsv(
  content: Buffer | string,
  source: string,
  options: CsvReadOptions = {},
): CsvTable {
  const bytes =
    typeof content === "string" ? Buffer.from(content, "utf8") : content;
  assertUtf8(bytes, source);
  if (isBlankContent(bytes)) {
    throw invalidInput(
      `${source}: the file is empty. Give a CSV file with a header line ` +
        `and at least one data row.`,
    );
  }
  const delimiter = options.delimiter ?? detectDelimiter(bytes, source);
  const assembler = new TableAssembler(source, delimiter, options);
  readRecords(bytes, source, delimiter, (fields, line, isBlank) =>
    assembler.add(fields, line, isBlank),
  );
  return assembler.finish();
}

/** Returns whether the content is only whitespace and a UTF-8 BOM. */
function isBlankContent(bytes: Buffer): boolean {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  for (let i = hasBom ? 3 : 0; i < bytes.length; i++) {
    const byte = bytes[i];
    const isWhitespace =
      byte === 0x20 || (byte !== undefined && byte >= 0x09 && byte <= 0x0d);
    if (!isWhitespace) {
      return false;
    }
  }
  return true;
}

/**
 * Turns records into columns: takes the header (or the caller's names),
 * checks each record's field count, and defers blank lines until a non-blank
 * record shows that they are not trailing.
 */
class TableAssembler {
  private readonly missingValues: ReadonlySet<string>;
  private readonly hasHeader: boolean;
  private names: string[] | undefined;
  private builders: ColumnBuilder[] | undefined;
  private pendingBlankLines: number[] = [];
  private rowCount = 0;
  private rowLines = new Int32Array(1024);

  constructor(
    private readonly source: string,
    private readonly delimiter: Delimiter,
    options: CsvReadOptions,
  ) {
    this.missingValues = new Set(
      (options.missingValues ?? defaultMissingValues).map((text) =>
        text.trim(),
      ),
    );
    this.hasHeader = options.columns === undefined;
    if (options.columns !== undefined) {
      this.names = validateNames(
        options.columns,
        (index) => `name ${index + 1} of --columns`,
        source,
      );
    }
  }

  add(fields: string[], line: number, isBlank: boolean): void {
    if (isBlank) {
      this.pendingBlankLines.push(line);
      return;
    }
    this.flushBlankLines(fields.length);
    this.addRecord(fields, line);
  }

  finish(): CsvTable {
    const { builders, names } = this;
    if (builders === undefined || names === undefined) {
      throw invalidInput(`${this.source}: the file has no data rows.`);
    }
    if (this.rowCount === 0) {
      throw invalidInput(
        `${this.source}: the file has a header line but no data rows. ` +
          `Add data rows, or pass --columns if the first line is data.`,
      );
    }
    return {
      rowCount: this.rowCount,
      columns: builders.map((builder, index) =>
        builder.finish(names[index] ?? ""),
      ),
      delimiter: this.delimiter,
      hasHeader: this.hasHeader,
      rowLines: this.rowLines.slice(0, this.rowCount),
    };
  }

  /**
   * Handles blank lines followed by a non-blank record. In a file of one
   * column a blank line is a missing value, but with more columns it is an
   * error.
   */
  private flushBlankLines(recordFieldCount: number): void {
    const firstBlankLine = this.pendingBlankLines[0];
    if (firstBlankLine === undefined) {
      return;
    }
    const columnCount = this.names?.length ?? recordFieldCount;
    if (columnCount > 1) {
      throw invalidInput(
        `${this.source}: line ${firstBlankLine} is blank. Remove the blank ` +
          `line; only blank lines at the end of the file are ignored.`,
      );
    }
    for (const line of this.pendingBlankLines) {
      this.addRecord([""], line);
    }
    this.pendingBlankLines = [];
  }

  private addRecord(fields: string[], line: number): void {
    const builders = this.builders ?? this.startColumns(fields, line);
    if (builders === undefined) {
      return;
    }
    if (fields.length !== builders.length) {
      throw invalidInput(
        `${this.source}: line ${line} has ${fields.length} fields, ` +
          `expected ${builders.length}. Check the quoting on that line, or ` +
          `the delimiter (${delimiterNames[this.delimiter]}; set it with ` +
          `--delimiter).`,
      );
    }
    for (let index = 0; index < fields.length; index++) {
      builders[index]?.push(fields[index] ?? "");
    }
    this.addRowLine(line);
  }

  private addRowLine(line: number): void {
    if (this.rowCount === this.rowLines.length) {
      const grown = new Int32Array(this.rowLines.length * 2);
      grown.set(this.rowLines);
      this.rowLines = grown;
    }
    this.rowLines[this.rowCount++] = line;
  }

  /**
   * Creates the column builders from the first record. Returns undefined when
   * that record is the header, and the builders when it is data.
   */
  private startColumns(
    fields: string[],
    line: number,
  ): ColumnBuilder[] | undefined {
    if (this.names === undefined) {
      this.names = validateNames(
        fields,
        (index) => `column ${index + 1} of the header line (line ${line})`,
        this.source,
      );
      this.builders = this.createBuilders(this.names.length);
      return undefined;
    }
    if (fields.length !== this.names.length) {
      throw invalidInput(
        `${this.source}: --columns gives ${this.names.length} names but ` +
          `line ${line} has ${fields.length} fields. Give one name per ` +
          `field, or check the delimiter ` +
          `(${delimiterNames[this.delimiter]}; set it with --delimiter).`,
      );
    }
    this.builders = this.createBuilders(this.names.length);
    return this.builders;
  }

  private createBuilders(count: number): ColumnBuilder[] {
    return Array.from(
      { length: count },
      () => new ColumnBuilder(this.missingValues),
    );
  }
}

/**
 * Trims column names and rejects an empty or repeated one, naming its place
 * with `describe(index)`.
 */
function validateNames(
  names: readonly string[],
  describe: (index: number) => string,
  source: string,
): string[] {
  const firstIndexByName = new Map<string, number>();
  return names.map((name, index) => {
    const trimmed = name.trim();
    if (trimmed === "") {
      throw invalidInput(
        `${source}: ${describe(index)} is empty. Give every column a name.`,
      );
    }
    const firstIndex = firstIndexByName.get(trimmed);
    if (firstIndex !== undefined) {
      throw invalidInput(
        `${source}: ${describe(index)} repeats the name "${trimmed}" of ` +
          `column ${firstIndex + 1}. Give every column a distinct name.`,
      );
    }
    firstIndexByName.set(trimmed, index);
    return trimmed;
  });
}
