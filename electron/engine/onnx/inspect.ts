import onnxProto from "onnx-proto";
import { invalidInput } from "../errors";
import type { TensorSignature } from "../store/types";

const { onnx } = onnxProto;

export type EstimatorKind = "classifier" | "regressor";

/** Signature, metadata and estimator of an ONNX model, read before it runs. */
export type ModelInspection = {
  producerName: string | null;
  producerVersion: string | null;
  irVersion: number | null;
  opsets: { domain: string; version: number }[];
  inputs: TensorSignature[];
  outputs: TensorSignature[];
  metadata: Record<string, string>;
  /** From the graph's ai.onnx.ml estimator node, when it has one. */
  estimatorKind: EstimatorKind | null;
  /** The classifier's class labels in probability-column order. */
  classLabels: string[] | null;
};

const elementTypeNames = new Map<number, string>(
  Object.entries(onnx.TensorProto.DataType)
    .filter((entry): entry is [string, number] => typeof entry[1] === "number")
    .map(([name, code]) => [code, name.toLowerCase()]),
);

/**
 * Decodes an ONNX model's protobuf and reads its signature, metadata and
 * estimator.
 *
 * @throws DossierError `invalidInput` when the bytes are not an ONNX model.
 */
export function inspectModel(
  bytes: Uint8Array,
  source: string,
): ModelInspection {
  let model: onnxProto.onnx.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (error) {
    throw invalidInput(
      `${source} is not a valid ONNX model (${(error as Error).message}); ` +
        "pass a file exported by an ONNX converter such as skl2onnx.",
      error,
    );
  }
  const graph = model.graph;
  const nodes = graph?.node ?? [];
  if (graph === null || graph === undefined || nodes.length === 0) {
    throw invalidInput(
      `${source} has no ONNX graph; pass a model file exported by an ONNX converter.`,
    );
  }

  const initializerNames = new Set(
    (graph.initializer ?? []).map((tensor) => tensor.name),
  );
  const estimator = findEstimator(nodes);

  return {
    producerName: model.producerName || null,
    producerVersion: model.producerVersion || null,
    irVersion: toNumber(model.irVersion),
    opsets: model.opsetImport.map((opset) => ({
      domain: opset.domain ?? "",
      version: toNumber(opset.version) ?? 0,
    })),
    // Older exporters list initializers among the graph inputs; they are weights, not features.
    inputs: (graph.input ?? [])
      .filter((input) => !initializerNames.has(input.name))
      .map(toSignature),
    outputs: (graph.output ?? []).map(toSignature),
    metadata: Object.fromEntries(
      model.metadataProps.map((entry) => [entry.key, entry.value]),
    ),
    estimatorKind: estimator?.kind ?? null,
    classLabels: estimator?.classLabels ?? null,
  };
}

type NodeProto = onnxProto.onnx.INodeProto;

function findEstimator(
  nodes: NodeProto[],
): { kind: EstimatorKind; classLabels: string[] | null } | null {
  for (const node of nodes) {
    const opType = node.opType ?? "";
    if (node.domain !== "ai.onnx.ml") {
      continue;
    }
    if (opType.endsWith("Classifier")) {
      return { kind: "classifier", classLabels: readClassLabels(node) };
    }
    if (opType.endsWith("Regressor")) {
      return { kind: "regressor", classLabels: null };
    }
  }
  return null;
}

function readClassLabels(node: NodeProto): string[] | null {
  for (const attribute of node.attribute ?? []) {
    const ints = attribute.ints ?? [];
    const strings = attribute.strings ?? [];
    if (attribute.name === "classlabels_ints" && ints.length > 0) {
      return ints.map((value) => String(toNumber(value)));
    }
    if (attribute.name === "classlabels_strings" && strings.length > 0) {
      return strings.map((value) => new TextDecoder().decode(value));
    }
  }
  return null;
}

type ValueInfoProto = onnxProto.onnx.IValueInfoProto;

function toSignature(value: ValueInfoProto): TensorSignature {
  const type = value.type;
  if (type?.tensorType) {
    const elementType =
      elementTypeNames.get(type.tensorType.elemType ?? 0) ?? "undefined";
    const dimensions = type.tensorType.shape?.dim ?? [];
    return {
      name: value.name ?? "",
      elementType,
      shape: dimensions.map((dimension) => {
        // Unset oneof members read as defaults from the prototype.
        if (Object.hasOwn(dimension, "dimValue")) {
          return toNumber(dimension.dimValue);
        }
        if (Object.hasOwn(dimension, "dimParam") && dimension.dimParam) {
          return dimension.dimParam;
        }
        return null;
      }),
    };
  }
  const kind = type?.sequenceType
    ? "sequence"
    : type?.mapType
      ? "map"
      : "unknown";
  return { name: value.name ?? "", elementType: kind, shape: [] };
}

/** Converts protobufjs's int64 (a number or a Long) to a number. */
function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === "number") {
    return value;
  }
  return Number(String(value));
}
