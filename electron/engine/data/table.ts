/**
 * A dataset held in memory by column. Numeric columns are Float64Arrays with
 * NaN for a missing value; categorical columns are dictionary-encoded, with
 * code -1 for a missing value.
 */
export type NumericColumn = {
  name: string;
  kind: "numeric";
  values: Float64Array;
  missingCount: number;
};

export type CategoricalColumn = {
  name: string;
  kind: "categorical";
  codes: Int32Array;
  categories: string[];
  missingCount: number;
};

export type Column = NumericColumn | CategoricalColumn;

export type ColumnKind = Column["kind"];

export type Table = {
  rowCount: number;
  columns: Column[];
  /**
   * The 1-based physical line of the source file where each data row starts,
   * for error messages. Absent for tables that do not come from a file.
   */
  rowLines?: Int32Array;
};

/** Describes where data row `row` (0-based) is, as "line N" when known. */
export function describeRow(table: Table, row: number): string {
  const line = table.rowLines?.[row];
  return line === undefined ? `data row ${row + 1}` : `line ${line}`;
}

export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((column) => column.name === name);
}

/** Returns the text of a categorical cell, or undefined when it is missing. */
export function categoryAt(
  column: CategoricalColumn,
  row: number,
): string | undefined {
  const code = column.codes[row] ?? -1;
  return code < 0 ? undefined : column.categories[code];
}
