import type { Delimiter, Task } from "../../../shared/contract";
import type { ColumnKind } from "../data/table";

export type TensorSignature = {
  name: string;
  /** ONNX element type name, such as "float", "int64" or "string". */
  elementType: string;
  /** Dimensions; a string or null marks a dynamic dimension. */
  shape: (number | string | null)[];
};

/** An ONNX model file as registered: identity, signature and provenance. */
export type ModelArtifact = {
  name: string;
  sha256: string;
  sizeBytes: number;
  sourcePath: string;
  producerName: string | null;
  producerVersion: string | null;
  irVersion: number | null;
  opsets: { domain: string; version: number }[];
  inputs: TensorSignature[];
  outputs: TensorSignature[];
  metadata: Record<string, string>;
};

export type DatasetColumn = {
  name: string;
  kind: ColumnKind;
  missingCount: number;
};

/** A data file as registered: referenced by path and hash, never copied. */
export type DatasetArtifact = {
  name: string;
  sha256: string;
  sizeBytes: number;
  sourcePath: string;
  rowCount: number;
  columns: DatasetColumn[];
  delimiter: Delimiter;
  hasHeader: boolean;
};

export type EvaluationRecord = {
  id: string;
  task: Task;
  labelColumn: string;
  positiveLabel: string | null;
  positiveClass: string | null;
  threshold: number | null;
  rowCount: number;
  metrics: Record<string, unknown>;
  undefinedMetrics: Record<string, string>;
  curves: Record<string, unknown>;
  warnings: string[];
  options: Record<string, unknown>;
  startedAt: string;
  finishedAt: string;
  dossierVersion: string;
};

export type RegisteredVersion = {
  id: string;
  name: string;
  version: number;
  /** Whether this call created the version, rather than finding it by hash. */
  isNew: boolean;
};
