import * as ort from "onnxruntime-node";
import { DossierError, invalidInput } from "../errors";
import { createLogger } from "../log";
import type { BoundInput, InputBinding } from "./bind";
import {
  allocateTensorData,
  isTensorDataType,
  type TensorData,
} from "./tensor-data";

const log = createLogger("onnx");

// onnxruntime-node 1.31 writes a device id and hardware facts under
// ~/.cache/Microsoft and uploads them to Microsoft's telemetry service, unless
// ORT_DISABLE_TELEMETRY is set when it creates its environment (at the first
// session). Dossier runs offline and sends nothing anywhere.
process.env.ORT_DISABLE_TELEMETRY = "1";

/** Returns the version of the onnxruntime that runs the models. */
export function onnxruntimeVersion(): string {
  return ort.env.versions.node ?? ort.env.versions.common;
}

/** One model output for every row, flattened row by row. */
export type OutputColumn = {
  name: string;
  type: ort.Tensor.Type;
  /** Values per row. */
  width: number;
  data: TensorData;
};

export type InferenceRun = {
  outputs: Map<string, OutputColumn>;
  /** Time spent inside onnxruntime's `run`, summed over batches. */
  runMs: number;
  batchCount: number;
};

/**
 * Creates an onnxruntime session from the model's bytes. Using the bytes that
 * were hashed, not the path, makes the recorded SHA-256 that of the model run.
 */
export async function createSession(
  bytes: Uint8Array,
  source: string,
): Promise<ort.InferenceSession> {
  try {
    // Severity 4 (fatal) keeps onnxruntime's own log lines off standard
    // error, because its errors reach the user in Dossier's messages.
    return await ort.InferenceSession.create(bytes, { logSeverityLevel: 4 });
  } catch (error) {
    throw invalidInput(
      `onnxruntime cannot load ${source}: ${(error as Error).message}`,
      error,
    );
  }
}

/** Runs the model over all rows in batches of `batchSize` rows. */
export async function runInBatches(
  session: ort.InferenceSession,
  binding: InputBinding,
  rowCount: number,
  batchSize: number,
  outputNames: string[],
): Promise<InferenceRun> {
  const chunks = new Map<string, ort.Tensor[]>(
    outputNames.map((name) => [name, []]),
  );
  let runMs = 0;
  let batchCount = 0;

  for (let start = 0; start < rowCount; start += batchSize) {
    const end = Math.min(start + batchSize, rowCount);
    const feeds = Object.fromEntries(
      binding.inputs.map((input) => [input.name, sliceFeed(input, start, end)]),
    );
    const started = performance.now();
    const results = await runBatch(session, feeds, outputNames, start);
    runMs += performance.now() - started;
    batchCount += 1;
    for (const name of outputNames) {
      const tensor = results[name];
      if (tensor === undefined) {
        throw new DossierError(
          "internal",
          `onnxruntime returned no output ${name}`,
        );
      }
      chunks.get(name)?.push(tensor);
    }
  }

  log.info({ rowCount, batchCount, runMs }, "inference finished");
  const outputs = new Map<string, OutputColumn>();
  for (const [name, tensors] of chunks) {
    outputs.set(name, concatenate(name, tensors, rowCount));
  }
  return { outputs, runMs, batchCount };
}

async function runBatch(
  session: ort.InferenceSession,
  feeds: Record<string, ort.Tensor>,
  outputNames: string[],
  firstRow: number,
): Promise<ort.InferenceSession.ReturnType> {
  try {
    return await session.run(feeds, outputNames);
  } catch (error) {
    throw invalidInput(
      `onnxruntime failed on the batch starting at data row ${firstRow + 1}: ${(error as Error).message}`,
      error,
    );
  }
}

function sliceFeed(input: BoundInput, start: number, end: number): ort.Tensor {
  const rows = end - start;
  const dims = input.isMatrix ? [rows, input.width] : [rows];
  const from = start * input.width;
  const to = end * input.width;
  if (Array.isArray(input.data)) {
    return new ort.Tensor("string", input.data.slice(from, to), dims);
  }
  return new ort.Tensor(input.type, input.data.subarray(from, to), dims);
}

function concatenate(
  name: string,
  tensors: ort.Tensor[],
  rowCount: number,
): OutputColumn {
  const [first] = tensors;
  if (first === undefined) {
    return { name, type: "float32", width: 1, data: new Float32Array(0) };
  }
  const width = first.dims
    .slice(1)
    .reduce((product, size) => product * size, 1);
  const length = rowCount * width;
  // Checked before copying, because more values than rows would write past
  // the end of the allocated column.
  const returnedLength = tensors.reduce(
    (total, tensor) => total + (tensor.data as TensorData).length,
    0,
  );
  if (returnedLength !== length) {
    const returnedRows = returnedLength / width;
    throw invalidInput(
      `The model output ${name} returned ${returnedRows} ${returnedRows === 1 ? "row" : "rows"} ` +
        `for ${rowCount} input ${rowCount === 1 ? "row" : "rows"}; ` +
        "Dossier evaluates models that return one output row per input row.",
    );
  }
  const data = allocateLike(first, length);

  let offset = 0;
  for (const tensor of tensors) {
    const values = tensor.data as TensorData;
    if (Array.isArray(data)) {
      for (let index = 0; index < values.length; index += 1) {
        data[offset + index] = (values as string[])[index] ?? "";
      }
    } else {
      data.set(values as never, offset);
    }
    offset += values.length;
  }
  return { name, type: first.type, width, data };
}

function allocateLike(tensor: ort.Tensor, length: number): TensorData {
  if (!isTensorDataType(tensor.type)) {
    throw invalidInput(
      `The model output has ${tensor.type} tensors, which Dossier does not read; ` +
        "it reads float, double, int32, int64 and string outputs.",
    );
  }
  return allocateTensorData(tensor.type, length);
}
