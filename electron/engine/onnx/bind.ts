import { invalidInput } from "../errors";
import { categoryAt, findColumn, type Column, type Table } from "../data/table";
import type { TensorSignature } from "../store/types";
import type { ModelInspection } from "./inspect";
import {
  allocateTensorData,
  type NumericTensorData,
  type TensorData,
  type TensorDataType,
} from "./tensor-data";

/** onnxruntime tensor types that Dossier can build from a column. */
export type FeedType = TensorDataType;

/** One model input filled for every row; batches are views into `data`. */
export type BoundInput = {
  name: string;
  type: FeedType;
  /** Values per row: 1 for a column input, the feature count for a 2-D input. */
  width: number;
  /** Whether the model declares the input as `[N, width]` rather than `[N]`. */
  isMatrix: boolean;
  data: TensorData;
};

export type InputBinding = {
  mode: "columnPerInput" | "featureMatrix";
  /** Data columns the model reads, in the order it reads them. */
  featureColumns: string[];
  inputs: BoundInput[];
};

const feedTypes: Record<string, FeedType> = {
  float: "float32",
  double: "float64",
  int32: "int32",
  int64: "int64",
  string: "string",
};

/**
 * Binds the table's columns to the model's inputs: one input per column by
 * name, or one 2-D input whose feature order comes from `features`, else
 * from the model's `feature_names` metadata (a JSON array of column names).
 *
 * @throws DossierError `invalidInput` naming the missing columns or the
 * column whose type the input cannot take.
 */
export function bindInputs(
  model: ModelInspection,
  table: Table,
  features: string[] | undefined,
  modelSource: string,
): InputBinding {
  const [onlyInput] = model.inputs;
  const matchesByName = model.inputs.every(
    (input) => findColumn(table, input.name) !== undefined,
  );

  if (features === undefined && matchesByName) {
    return {
      mode: "columnPerInput",
      featureColumns: model.inputs.map((input) => input.name),
      inputs: model.inputs.map((input) =>
        bindColumnInput(input, requireColumn(table, input.name), table),
      ),
    };
  }

  if (features !== undefined && model.inputs.length !== 1) {
    throw invalidInput(
      `--features applies to a model with one 2-D input, but ${modelSource} has ` +
        `${model.inputs.length} inputs (${model.inputs.map((input) => input.name).join(", ")}), ` +
        "which take the data's columns of the same names: drop --features.",
    );
  }
  const featureNames = features ?? readFeatureNames(model, modelSource);
  if (model.inputs.length === 1 && onlyInput && featureNames !== null) {
    return {
      mode: "featureMatrix",
      featureColumns: featureNames,
      inputs: [bindMatrixInput(onlyInput, featureNames, table, modelSource)],
    };
  }

  const missing = model.inputs
    .map((input) => input.name)
    .filter((name) => findColumn(table, name) === undefined);
  const hint =
    model.inputs.length === 1
      ? " The model has one input: pass --features a,b,… to name its columns in order."
      : "";
  throw invalidInput(
    `The data lacks columns the model ${modelSource} needs as inputs: ${missing.join(", ")}. ` +
      `The data's columns are: ${table.columns.map((column) => column.name).join(", ")}.${hint}`,
  );
}

function readFeatureNames(
  model: ModelInspection,
  modelSource: string,
): string[] | null {
  const text = model.metadata.feature_names;
  if (text === undefined) {
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const isNameList =
    Array.isArray(parsed) &&
    parsed.length > 0 &&
    parsed.every((name) => typeof name === "string" && name !== "");
  if (!isNameList) {
    throw invalidInput(
      `The metadata key feature_names of ${modelSource} is not a JSON array of column names; ` +
        "pass --features a,b,… instead.",
    );
  }
  return parsed as string[];
}

function requireColumn(table: Table, name: string): Column {
  const column = findColumn(table, name);
  if (column === undefined) {
    throw invalidInput(`The data has no column named ${name}.`);
  }
  return column;
}

function feedTypeOf(input: TensorSignature): FeedType {
  const type = feedTypes[input.elementType];
  if (type === undefined) {
    throw invalidInput(
      `The model input ${input.name} has element type ${input.elementType}; ` +
        "Dossier binds float, double, int32, int64 and string inputs.",
    );
  }
  return type;
}

function bindColumnInput(
  input: TensorSignature,
  column: Column,
  table: Table,
): BoundInput {
  const type = feedTypeOf(input);
  const isMatrix = input.shape.length === 2;
  const declaredWidth = isMatrix ? input.shape[1] : 1;
  if (typeof declaredWidth === "number" && declaredWidth !== 1) {
    throw invalidInput(
      `The model input ${input.name} has shape [N, ${declaredWidth}], but a column fills one value per row.`,
    );
  }

  const data =
    type === "string"
      ? columnAsStrings(column, table.rowCount)
      : columnAsNumbers(column, type, table.rowCount, input.name);
  return { name: input.name, type, width: 1, isMatrix, data };
}

function bindMatrixInput(
  input: TensorSignature,
  featureNames: string[],
  table: Table,
  modelSource: string,
): BoundInput {
  const type = feedTypeOf(input);
  if (type === "string") {
    throw invalidInput(
      `The model input ${input.name} is a string matrix; Dossier fills 2-D inputs from numeric columns only.`,
    );
  }
  const declaredWidth = input.shape[1];
  if (
    typeof declaredWidth === "number" &&
    declaredWidth !== featureNames.length
  ) {
    throw invalidInput(
      `The model input ${input.name} of ${modelSource} takes ${declaredWidth} features per row, ` +
        `but ${featureNames.length} were named (${featureNames.join(", ")}).`,
    );
  }
  const missing = featureNames.filter(
    (name) => findColumn(table, name) === undefined,
  );
  if (missing.length > 0) {
    throw invalidInput(
      `The data lacks feature columns of ${modelSource}: ${missing.join(", ")}. ` +
        `The data's columns are: ${table.columns.map((column) => column.name).join(", ")}.`,
    );
  }

  const width = featureNames.length;
  const data = allocateTensorData(type, table.rowCount * width);
  featureNames.forEach((name, featureIndex) => {
    const values = columnAsNumbers(
      requireColumn(table, name),
      type,
      table.rowCount,
      input.name,
    );
    for (let row = 0; row < table.rowCount; row += 1) {
      data[row * width + featureIndex] = values[row] as never;
    }
  });
  return { name: input.name, type, width, isMatrix: true, data };
}

function columnAsNumbers(
  column: Column,
  type: Exclude<FeedType, "string">,
  rowCount: number,
  inputName: string,
): NumericTensorData {
  if (column.kind !== "numeric") {
    throw invalidInput(
      `The column ${column.name} contains text, but the model input ${inputName} expects ${type} numbers; ` +
        "check the column names and the missing-value markers.",
    );
  }

  const values = allocateTensorData(type, rowCount);
  const isInteger = type === "int32" || type === "int64";
  for (let row = 0; row < rowCount; row += 1) {
    const value = column.values[row] ?? Number.NaN;
    if (isInteger && !Number.isInteger(value)) {
      const problem = Number.isNaN(value)
        ? "a missing value"
        : `the value ${value}`;
      throw invalidInput(
        `The column ${column.name} has ${problem} at data row ${row + 1}, but the model input ${inputName} takes integers only.`,
      );
    }
    // Float inputs receive NaN for a missing value, which imputers in the graph recognise.
    values[row] = (type === "int64" ? BigInt(value) : value) as never;
  }
  return values;
}

/**
 * Fills a string input. A missing cell becomes the empty string, which a
 * OneHotEncoder treats as an unknown category (all zeros).
 */
function columnAsStrings(column: Column, rowCount: number): string[] {
  const values = new Array<string>(rowCount);
  for (let row = 0; row < rowCount; row += 1) {
    if (column.kind === "categorical") {
      values[row] = categoryAt(column, row) ?? "";
    } else {
      const value = column.values[row] ?? Number.NaN;
      // NOTE: a numeric column is formatted by JavaScript ("1", not "1.0"), so
      // categories written otherwise in training data will not match.
      values[row] = Number.isNaN(value) ? "" : String(value);
    }
  }
  return values;
}
