/** onnxruntime tensor types that Dossier reads and writes. */
export type TensorDataType =
  "float32" | "float64" | "int32" | "int64" | "string";

export type NumericTensorData =
  Float32Array | Float64Array | Int32Array | BigInt64Array;

export type TensorData = NumericTensorData | string[];

export function isTensorDataType(type: string): type is TensorDataType {
  return ["float32", "float64", "int32", "int64", "string"].includes(type);
}

export function allocateTensorData(
  type: Exclude<TensorDataType, "string">,
  length: number,
): NumericTensorData;
export function allocateTensorData(
  type: TensorDataType,
  length: number,
): TensorData;
export function allocateTensorData(
  type: TensorDataType,
  length: number,
): TensorData {
  switch (type) {
    case "float32":
      return new Float32Array(length);
    case "float64":
      return new Float64Array(length);
    case "int32":
      return new Int32Array(length);
    case "int64":
      return new BigInt64Array(length);
    case "string":
      return new Array<string>(length);
  }
}
