import { parseDecimal } from "../csv/infer-columns";
import {
  categoryAt,
  describeRow,
  findColumn,
  type CategoricalColumn,
  type Column,
  type Table,
} from "../data/table";
import { invalidInput } from "../errors";
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

export type BindOptions = {
  /** Feature order for a model with one 2-D input. */
  features: string[] | undefined;
  /** The label column, which must not be one of the features. */
  labelColumn: string;
  /** The model's file, named in error messages. */
  modelSource: string;
};

/**
 * Binds the table's columns to the model's inputs: one input per column by
 * name, or one 2-D input whose feature order comes from `features`, else
 * from the model's `feature_names` metadata (a JSON array of column names).
 *
 * @throws DossierError `invalidInput` naming the missing columns, the label
 * column when the model reads it as a feature, or the first cell that the
 * input's type cannot take.
 */
export function bindInputs(
  model: ModelInspection,
  table: Table,
  options: BindOptions,
): InputBinding {
  const { features, labelColumn, modelSource } = options;
  const [onlyInput] = model.inputs;
  const matchesByName = model.inputs.every(
    (input) => findColumn(table, input.name) !== undefined,
  );

  if (features === undefined && matchesByName) {
    const featureColumns = model.inputs.map((input) => input.name);
    if (featureColumns.includes(labelColumn)) {
      throw invalidInput(
        `The label column ${labelColumn} is also an input of the model ${modelSource}, ` +
          "so the model would read the true label (target leakage); " +
          "check --label, and export the model without the label among its inputs.",
      );
    }
    return {
      mode: "columnPerInput",
      featureColumns,
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
    if (featureNames.includes(labelColumn)) {
      const origin =
        features === undefined
          ? "the model's feature_names metadata"
          : "--features";
      throw invalidInput(
        `The label column ${labelColumn} is one of the features named by ${origin} for ${modelSource}, ` +
          "so the model would read the true label (target leakage); check --label and the feature list.",
      );
    }
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
      : columnAsNumbers(column, type, table, input.name);
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
      table,
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
  table: Table,
  inputName: string,
): NumericTensorData {
  const values = allocateTensorData(type, table.rowCount);
  if (column.kind === "categorical") {
    rejectTextColumn(column, type, table, inputName);
  }
  const isInteger = type === "int32" || type === "int64";
  for (let row = 0; row < table.rowCount; row += 1) {
    const value =
      column.kind === "numeric"
        ? (column.values[row] ?? Number.NaN)
        : Number.NaN;
    if (isInteger && !Number.isInteger(value)) {
      const problem = Number.isNaN(value)
        ? "a missing value"
        : `the value ${value}`;
      throw invalidInput(
        `The column ${column.name} has ${problem} at ${describeRow(table, row)}, ` +
          `but the model input ${inputName} takes integers only; fill or remove that row.`,
      );
    }
    // Float inputs receive NaN for a missing value, which imputers in the graph recognise.
    values[row] = (type === "int64" ? BigInt(value) : value) as never;
  }
  return values;
}

/**
 * Rejects a text column fed to a numeric input, naming its first cell that is
 * neither missing nor a number. A column whose every cell is missing passes,
 * to be bound as missing values.
 */
function rejectTextColumn(
  column: CategoricalColumn,
  type: Exclude<FeedType, "string">,
  table: Table,
  inputName: string,
): void {
  for (let row = 0; row < table.rowCount; row += 1) {
    const text = categoryAt(column, row);
    if (text === undefined || parseDecimal(text) !== undefined) {
      continue;
    }
    const value = JSON.stringify(text);
    const { problem, fix } = describeNonNumber(text);
    throw invalidInput(
      `The column ${column.name} has the value ${value} at ${describeRow(table, row)}${problem}, ` +
        `but the model input ${inputName} takes ${type} numbers; ${fix}`,
    );
  }
}

/** Says why a cell text is not a number, and how to fix it. */
function describeNonNumber(text: string): { problem: string; fix: string } {
  const trimmed = text.trim();
  if (Math.abs(Number(trimmed)) === Number.POSITIVE_INFINITY) {
    return {
      problem: ", which is not a finite number",
      fix: "write a finite number, or leave the cell empty for a missing value.",
    };
  }
  if (/^[+-]?\d{1,3}(?:\.\d{3})*,\d+$|^[+-]?\d+,\d+$/.test(trimmed)) {
    return {
      problem: ", which uses a decimal comma",
      fix: "write numbers with a decimal point, as in 0.5.",
    };
  }
  return {
    problem: "",
    fix:
      "check the column names, and if the value marks a missing value, " +
      "list it with --missing, which replaces the default markers ?, NA.",
  };
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
