import { expect } from "vitest";
import {
  categoryAt,
  findColumn,
  type CategoricalColumn,
  type NumericColumn,
  type Table,
} from "../../electron/engine/data/table";
import { DossierError } from "../../electron/engine/errors";

export function numericColumn(table: Table, name: string): NumericColumn {
  const column = findColumn(table, name);
  if (column?.kind !== "numeric") {
    throw new Error(`expected a numeric column "${name}", got ${column?.kind}`);
  }
  return column;
}

export function categoricalColumn(
  table: Table,
  name: string,
): CategoricalColumn {
  const column = findColumn(table, name);
  if (column?.kind !== "categorical") {
    throw new Error(
      `expected a categorical column "${name}", got ${column?.kind}`,
    );
  }
  return column;
}

/** Returns the cells of a categorical column as texts, null when missing. */
export function cellTexts(column: CategoricalColumn): (string | null)[] {
  return Array.from(
    { length: column.codes.length },
    (_, row) => categoryAt(column, row) ?? null,
  );
}

/** Runs `action`, expects an `invalidInput` DossierError and returns it. */
export function invalidInputFrom(action: () => unknown): DossierError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    const dossierError = error as DossierError;
    expect(dossierError.code).toBe("invalidInput");
    return dossierError;
  }
  throw new Error("expected an invalidInput error, but nothing was thrown");
}
