/**
 * Builds small ONNX models in memory for tests: IR version 8, opsets 13 of
 * the default domain and 3 of ai.onnx.ml, with ops that onnxruntime-node's
 * CPU provider runs.
 */
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/** ONNX TensorProto.DataType codes of the element types tests use. */
export const elementTypes = {
  float: onnx.TensorProto.DataType.FLOAT,
  double: onnx.TensorProto.DataType.DOUBLE,
  int32: onnx.TensorProto.DataType.INT32,
  int64: onnx.TensorProto.DataType.INT64,
  string: onnx.TensorProto.DataType.STRING,
  bool: onnx.TensorProto.DataType.BOOL,
} as const;

export type ElementType = keyof typeof elementTypes;

/** A dimension: a fixed size, a named dynamic size (dim_param), or unknown. */
export type Dimension = number | string | null;

export type TensorSpec = {
  name: string;
  type: ElementType;
  shape: readonly Dimension[];
};

/**
 * A sequence of maps from class label to probability, the output type of
 * ai.onnx.ml ZipMap: seq(map(int64, float)) or seq(map(string, float)).
 */
export type SequenceOfMapsSpec = {
  name: string;
  sequenceOfMaps: { keyType: "int64" | "string" };
};

export type OutputSpec = TensorSpec | SequenceOfMapsSpec;

export type AttributeSpec =
  | { name: string; int: number }
  | { name: string; float: number }
  | { name: string; string: string }
  | { name: string; ints: number[] }
  | { name: string; floats: number[] }
  | { name: string; strings: string[] };

export type NodeSpec = {
  opType: string;
  /** "" (the default) for standard ops, "ai.onnx.ml" for ML ops. */
  domain?: string;
  inputs: string[];
  outputs: string[];
  attributes?: AttributeSpec[];
};

/** A constant tensor of the graph, stored in the typed data field. */
export type InitializerSpec = {
  name: string;
  type: "float" | "int64";
  dims: number[];
  values: number[];
};

export type ModelSpec = {
  inputs: TensorSpec[];
  outputs: OutputSpec[];
  nodes: NodeSpec[];
  initializers?: InitializerSpec[];
  metadata?: Record<string, string>;
  producerName?: string;
  producerVersion?: string;
};

export const mlDomain = "ai.onnx.ml";

/** Encodes the model as ONNX protobuf bytes. */
export function buildModel(spec: ModelSpec): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: spec.producerName ?? "dossier-tests",
    producerVersion: spec.producerVersion ?? "1",
    opsetImport: [
      { domain: "", version: 13 },
      { domain: mlDomain, version: 3 },
    ],
    metadataProps: Object.entries(spec.metadata ?? {}).map(([key, value]) => ({
      key,
      value,
    })),
    graph: {
      name: "test_graph",
      node: spec.nodes.map(toNodeProto),
      input: spec.inputs.map(toValueInfo),
      output: spec.outputs.map(toValueInfo),
      initializer: (spec.initializers ?? []).map(toTensorProto),
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function toValueInfo(value: OutputSpec): onnxProto.onnx.IValueInfoProto {
  if ("sequenceOfMaps" in value) {
    return {
      name: value.name,
      type: {
        sequenceType: {
          elemType: {
            mapType: {
              keyType: elementTypes[value.sequenceOfMaps.keyType],
              valueType: { tensorType: { elemType: elementTypes.float } },
            },
          },
        },
      },
    };
  }
  const tensor = value;
  return {
    name: tensor.name,
    type: {
      tensorType: {
        elemType: elementTypes[tensor.type],
        shape: { dim: tensor.shape.map(toDimension) },
      },
    },
  };
}

function toDimension(
  dimension: Dimension,
): onnxProto.onnx.TensorShapeProto.IDimension {
  if (typeof dimension === "number") {
    return { dimValue: dimension };
  }
  return dimension === null ? {} : { dimParam: dimension };
}

function toNodeProto(node: NodeSpec, index: number): onnxProto.onnx.INodeProto {
  return {
    name: `${node.opType}_${index}`,
    opType: node.opType,
    domain: node.domain ?? "",
    input: node.inputs,
    output: node.outputs,
    attribute: (node.attributes ?? []).map(toAttributeProto),
  };
}

const AttributeType = onnx.AttributeProto.AttributeType;

function toAttributeProto(
  attribute: AttributeSpec,
): onnxProto.onnx.IAttributeProto {
  const encoder = new TextEncoder();
  const { name } = attribute;
  if ("int" in attribute) {
    return { name, type: AttributeType.INT, i: attribute.int };
  }
  if ("float" in attribute) {
    return { name, type: AttributeType.FLOAT, f: attribute.float };
  }
  if ("string" in attribute) {
    return {
      name,
      type: AttributeType.STRING,
      s: encoder.encode(attribute.string),
    };
  }
  if ("ints" in attribute) {
    return { name, type: AttributeType.INTS, ints: attribute.ints };
  }
  if ("floats" in attribute) {
    return { name, type: AttributeType.FLOATS, floats: attribute.floats };
  }
  return {
    name,
    type: AttributeType.STRINGS,
    strings: attribute.strings.map((text) => encoder.encode(text)),
  };
}

function toTensorProto(
  initializer: InitializerSpec,
): onnxProto.onnx.ITensorProto {
  const common = {
    name: initializer.name,
    dims: initializer.dims,
    dataType: elementTypes[initializer.type],
  };
  return initializer.type === "float"
    ? { ...common, floatData: initializer.values }
    : { ...common, int64Data: initializer.values };
}

/** A model input fed from one data column, with its conversion to float. */
export type ColumnInputSpec = TensorSpec & {
  /** For a string input: the float each category maps to (others map to 0). */
  categories?: Record<string, number>;
};

type GraphPart = {
  nodes: NodeSpec[];
  initializers: InitializerSpec[];
};

/**
 * Turns column inputs into one float [N, k] tensor named `output`, in input
 * order: floats [N, 1] pass through, [N] vectors are reshaped, doubles and
 * integers are cast, strings go through a LabelEncoder.
 */
export function columnsToFeatureMatrix(
  inputs: ColumnInputSpec[],
  output: string,
): GraphPart {
  const nodes: NodeSpec[] = [];
  const initializers: InitializerSpec[] = [];
  const columns = inputs.map((input) => {
    let current = input.name;
    if (input.type === "string") {
      nodes.push(labelEncoderNode(input, `${input.name}_encoded`));
      current = `${input.name}_encoded`;
    } else if (input.type !== "float") {
      nodes.push({
        opType: "Cast",
        inputs: [current],
        outputs: [`${input.name}_float`],
        attributes: [{ name: "to", int: elementTypes.float }],
      });
      current = `${input.name}_float`;
    }
    if (input.shape.length === 1) {
      if (initializers.length === 0) {
        initializers.push(columnShape);
      }
      nodes.push({
        opType: "Reshape",
        inputs: [current, columnShape.name],
        outputs: [`${input.name}_column`],
      });
      current = `${input.name}_column`;
    }
    return current;
  });
  nodes.push({
    opType: "Concat",
    inputs: columns,
    outputs: [output],
    attributes: [{ name: "axis", int: 1 }],
  });
  return { nodes, initializers };
}

const columnShape: InitializerSpec = {
  name: "column_shape",
  type: "int64",
  dims: [2],
  values: [-1, 1],
};

function labelEncoderNode(input: ColumnInputSpec, output: string): NodeSpec {
  const entries = Object.entries(input.categories ?? {});
  return {
    opType: "LabelEncoder",
    domain: mlDomain,
    inputs: [input.name],
    outputs: [output],
    attributes: [
      { name: "keys_strings", strings: entries.map(([key]) => key) },
      { name: "values_floats", floats: entries.map(([, value]) => value) },
      { name: "default_float", float: 0 },
    ],
  };
}

export type LinearClassifierSpec = {
  /** One 2-D float input, or several column inputs concatenated in order. */
  inputs: ColumnInputSpec[];
  /** Weights of the positive (second) class, one per feature. */
  coefficients: number[];
  intercept: number;
  classLabels: number[] | string[];
  /**
   * The graph outputs: the label and probability tensors by default, or the
   * label alone. With "labelAndZipMap", a ZipMap turns the probabilities into
   * `output_probability`, a sequence of maps, as skl2onnx exports classifiers.
   */
  outputs?: "labelAndProbabilities" | "labelOnly" | "labelAndZipMap";
  metadata?: Record<string, string>;
};

/**
 * Builds a binary logistic model: P(second class) = sigmoid(w·x + b), output
 * as `probabilities` [N, 2] (first class, second class) and `label` [N].
 */
export function linearClassifierModel(spec: LinearClassifierSpec): Uint8Array {
  const features = featureMatrix(spec.inputs);
  const labelType: ElementType =
    typeof spec.classLabels[0] === "string" ? "string" : "int64";
  const classAttribute: AttributeSpec =
    labelType === "string"
      ? { name: "classlabels_strings", strings: spec.classLabels as string[] }
      : { name: "classlabels_ints", ints: spec.classLabels as number[] };
  const classifier: NodeSpec = {
    opType: "LinearClassifier",
    domain: mlDomain,
    inputs: [features.name],
    outputs: ["label", "probabilities"],
    attributes: [
      { name: "coefficients", floats: spec.coefficients },
      { name: "intercepts", floats: [spec.intercept] },
      classAttribute,
      { name: "post_transform", string: "LOGISTIC" },
    ],
  };
  const outputs: OutputSpec[] = [
    { name: "label", type: labelType, shape: ["N"] },
  ];
  const nodes = [...features.nodes, classifier];
  if (spec.outputs === "labelAndZipMap") {
    nodes.push({
      opType: "ZipMap",
      domain: mlDomain,
      inputs: ["probabilities"],
      outputs: ["output_probability"],
      attributes: [
        labelType === "string"
          ? {
              name: "classlabels_strings",
              strings: spec.classLabels as string[],
            }
          : { name: "classlabels_int64s", ints: spec.classLabels as number[] },
      ],
    });
    outputs.push({
      name: "output_probability",
      sequenceOfMaps: { keyType: labelType === "string" ? "string" : "int64" },
    });
  } else if (spec.outputs !== "labelOnly") {
    outputs.push({ name: "probabilities", type: "float", shape: ["N", 2] });
  }
  return buildModel({
    inputs: spec.inputs.map(({ name, type, shape }) => ({ name, type, shape })),
    outputs,
    nodes,
    initializers: features.initializers,
    ...(spec.metadata === undefined ? {} : { metadata: spec.metadata }),
  });
}

export type SigmoidModelSpec = {
  /** A float input [N, k]. */
  input: TensorSpec;
  coefficients: number[];
  intercept: number;
  metadata?: Record<string, string>;
  /** Whether to add `label` int64 [N, 1] = (probability > 0.5). */
  withLabel: boolean;
};

/**
 * Builds a model without an ML estimator node whose only probability output
 * is `probability` [N, 1] = sigmoid(x·w + b) from MatMul, Add and Sigmoid.
 */
export function sigmoidModel(spec: SigmoidModelSpec): Uint8Array {
  const count = spec.coefficients.length;
  const nodes: NodeSpec[] = [
    { opType: "MatMul", inputs: [spec.input.name, "w"], outputs: ["z0"] },
    { opType: "Add", inputs: ["z0", "b"], outputs: ["z"] },
    { opType: "Sigmoid", inputs: ["z"], outputs: ["probability"] },
  ];
  const outputs: OutputSpec[] = [
    { name: "probability", type: "float", shape: ["N", 1] },
  ];
  const initializers: InitializerSpec[] = [
    { name: "w", type: "float", dims: [count, 1], values: spec.coefficients },
    { name: "b", type: "float", dims: [1], values: [spec.intercept] },
  ];
  if (spec.withLabel) {
    initializers.push({
      name: "half",
      type: "float",
      dims: [1],
      values: [0.5],
    });
    nodes.push(
      { opType: "Greater", inputs: ["probability", "half"], outputs: ["gt"] },
      {
        opType: "Cast",
        inputs: ["gt"],
        outputs: ["label"],
        attributes: [{ name: "to", int: elementTypes.int64 }],
      },
    );
    outputs.unshift({ name: "label", type: "int64", shape: ["N", 1] });
  }
  return buildModel({
    inputs: [spec.input],
    outputs,
    nodes,
    initializers,
    ...(spec.metadata === undefined ? {} : { metadata: spec.metadata }),
  });
}

export type LinearRegressorSpec = {
  inputs: ColumnInputSpec[];
  coefficients: number[];
  intercept: number;
  /** `[N, 1]` from LinearRegressor itself, or `[N]` after a Reshape. */
  outputShape: "column" | "vector";
};

/** Builds y = w·x + b with ai.onnx.ml LinearRegressor, output `variable`. */
export function linearRegressorModel(spec: LinearRegressorSpec): Uint8Array {
  const features = featureMatrix(spec.inputs);
  const isVector = spec.outputShape === "vector";
  const nodes: NodeSpec[] = [
    ...features.nodes,
    {
      opType: "LinearRegressor",
      domain: mlDomain,
      inputs: [features.name],
      outputs: [isVector ? "variable_column" : "variable"],
      attributes: [
        { name: "coefficients", floats: spec.coefficients },
        { name: "intercepts", floats: [spec.intercept] },
        { name: "targets", int: 1 },
      ],
    },
  ];
  const initializers = [...features.initializers];
  if (isVector) {
    initializers.push(vectorShape);
    nodes.push({
      opType: "Reshape",
      inputs: ["variable_column", vectorShape.name],
      outputs: ["variable"],
    });
  }
  return buildModel({
    inputs: spec.inputs.map(({ name, type, shape }) => ({ name, type, shape })),
    outputs: [
      { name: "variable", type: "float", shape: isVector ? ["N"] : ["N", 1] },
    ],
    nodes,
    initializers,
  });
}

const vectorShape: InitializerSpec = {
  name: "vector_shape",
  type: "int64",
  dims: [1],
  values: [-1],
};

/**
 * Uses a single float [N, k] input as the feature matrix as it is, and
 * concatenates column inputs otherwise.
 */
function featureMatrix(inputs: ColumnInputSpec[]): GraphPart & {
  name: string;
} {
  const [only] = inputs;
  const isMatrix =
    inputs.length === 1 &&
    only !== undefined &&
    only.type === "float" &&
    only.shape.length === 2 &&
    only.shape[1] !== 1;
  if (isMatrix) {
    return { name: only.name, nodes: [], initializers: [] };
  }
  return { name: "features", ...columnsToFeatureMatrix(inputs, "features") };
}
