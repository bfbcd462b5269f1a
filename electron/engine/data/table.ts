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
};

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
