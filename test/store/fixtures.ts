import { randomUUID } from "node:crypto";
import type {
  DatasetArtifact,
  EvaluationRecord,
  ModelArtifact,
} from "../../electron/engine/store";

export function modelArtifact(
  overrides: Partial<ModelArtifact> = {},
): ModelArtifact {
  return {
    name: "credit-scorer",
    sha256: "a".repeat(64),
    sizeBytes: 1024,
    sourcePath: "/models/credit-scorer.onnx",
    producerName: "skl2onnx",
    producerVersion: "1.16.0",
    irVersion: 8,
    opsets: [{ domain: "", version: 13 }],
    inputs: [{ name: "age", elementType: "float", shape: [null, 1] }],
    outputs: [{ name: "label", elementType: "int64", shape: [null] }],
    metadata: {},
    ...overrides,
  };
}

export function datasetArtifact(
  overrides: Partial<DatasetArtifact> = {},
): DatasetArtifact {
  return {
    name: "applicants",
    sha256: "b".repeat(64),
    sizeBytes: 2048,
    sourcePath: "/data/applicants.csv",
    rowCount: 10,
    columns: [
      { name: "age", kind: "numeric", missingCount: 0 },
      { name: "approved", kind: "categorical", missingCount: 0 },
    ],
    delimiter: ",",
    hasHeader: true,
    ...overrides,
  };
}

export function evaluationRecord(
  overrides: Partial<EvaluationRecord> = {},
): EvaluationRecord {
  return {
    id: randomUUID(),
    task: "classification",
    labelColumn: "approved",
    positiveLabel: "yes",
    positiveClass: "1",
    threshold: 0.5,
    rowCount: 10,
    metrics: { accuracy: 0.9 },
    undefinedMetrics: {},
    curves: {},
    warnings: [],
    options: {},
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:00:01.000Z",
    dossierVersion: "0.0.0-test",
    ...overrides,
  };
}
