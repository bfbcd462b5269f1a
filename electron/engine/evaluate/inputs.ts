import { constants } from "node:fs";
import { access, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ParsedEvaluateRequest } from "../../../shared/contract";
import { readCsvFile, type CsvTable } from "../csv";
import { findColumn, type Column } from "../data/table";
import { invalidInput, type DossierError } from "../errors";
import { sha256Hex } from "../hash";
import { inspectModel, type ModelInspection } from "../onnx/inspect";
import type { DatasetArtifact, ModelArtifact } from "../store";

/** The data and model as read, before the model runs. */
export type Inputs = {
  request: ParsedEvaluateRequest;
  modelPath: string;
  modelBytes: Uint8Array;
  model: ModelInspection;
  modelArtifact: ModelArtifact;
  table: CsvTable;
  datasetArtifact: DatasetArtifact;
  labelColumn: Column;
};

export async function readInputs(
  request: ParsedEvaluateRequest,
): Promise<Inputs> {
  const modelPath = path.resolve(request.modelPath);
  const dataPath = path.resolve(request.dataPath);
  await assertRegularFile(modelPath, "--model");
  await assertRegularFile(dataPath, "--data");
  const modelBytes = await readInputFile(modelPath, "--model");
  const model = inspectModel(modelBytes, modelPath);
  const modelArtifact: ModelArtifact = {
    name: request.modelName ?? baseName(modelPath),
    sha256: sha256Hex(modelBytes),
    sizeBytes: modelBytes.length,
    sourcePath: modelPath,
    producerName: model.producerName,
    producerVersion: model.producerVersion,
    irVersion: model.irVersion,
    opsets: model.opsets,
    inputs: model.inputs,
    outputs: model.outputs,
    metadata: model.metadata,
  };

  const { table, sha256, sizeBytes } = await readCsvFile(dataPath, {
    ...(request.columns === undefined ? {} : { columns: request.columns }),
    ...(request.delimiter === undefined
      ? {}
      : { delimiter: request.delimiter }),
    ...(request.missingValues === undefined
      ? {}
      : { missingValues: request.missingValues }),
  });
  const datasetArtifact: DatasetArtifact = {
    name: request.datasetName ?? baseName(dataPath),
    sha256,
    sizeBytes,
    sourcePath: dataPath,
    rowCount: table.rowCount,
    columns: table.columns.map((column) => ({
      name: column.name,
      kind: column.kind,
      missingCount: column.missingCount,
    })),
    delimiter: table.delimiter,
    hasHeader: table.hasHeader,
  };

  const labelColumn = findColumn(table, request.labelColumn);
  if (labelColumn === undefined) {
    throw invalidInput(
      `The data ${dataPath} has no column ${request.labelColumn} for --label; its columns are: ` +
        `${table.columns.map((column) => column.name).join(", ")}.`,
    );
  }
  return {
    request,
    modelPath,
    modelBytes,
    model,
    modelArtifact,
    table,
    datasetArtifact,
    labelColumn,
  };
}

/** Reads a whole input file, turning a missing or unreadable file into bad input. */
async function readInputFile(
  filePath: string,
  option: string,
): Promise<Uint8Array> {
  try {
    return await readFile(filePath);
  } catch (error) {
    throw unreadableFile(filePath, option, error);
  }
}

/**
 * Rejects a path that is not a readable regular file. A folder, a FIFO or a
 * device like /dev/zero is rejected because reading it whole could block or
 * exhaust memory.
 */
async function assertRegularFile(
  filePath: string,
  option: string,
): Promise<void> {
  let isFile: boolean;
  let isFolder: boolean;
  try {
    const stats = await stat(filePath);
    isFile = stats.isFile();
    isFolder = stats.isDirectory();
    await access(filePath, constants.R_OK);
  } catch (error) {
    throw unreadableFile(filePath, option, error);
  }
  if (isFolder) {
    throw invalidInput(
      `The file ${filePath} given as ${option} is a folder, not a file.`,
    );
  }
  if (!isFile) {
    throw invalidInput(
      `The file ${filePath} given as ${option} is not a regular file; ` +
        "pass the path of a file on disk, not a device, pipe or socket.",
    );
  }
}

function unreadableFile(
  filePath: string,
  option: string,
  error: unknown,
): DossierError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? "does not exist"
      : `cannot be read (${code ?? String(error)})`;
  return invalidInput(
    `The file ${filePath} given as ${option} ${reason}.`,
    error,
  );
}

/** Returns the file name without its extension, a new artifact's default name. */
function baseName(filePath: string): string {
  return path.basename(filePath, path.extname(filePath));
}
