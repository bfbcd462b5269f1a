import type {
  ClassificationResult,
  RegressionResult,
} from "../../shared/contract";

/**
 * Hand-written evaluation results. The classification metrics belong to 650
 * rows with three score levels, computed with scikit-learn 1.2:
 *
 *   neg = [0.9]*45 + [0.6]*90 + [0.2]*315     # 450 negatives
 *   pos = [0.9]*100 + [0.6]*60 + [0.2]*40     # 200 positives
 *   y = [0]*450 + [1]*200; s = neg + pos; p = [v >= 0.5 for v in s]
 *   confusion_matrix(y, p)  -> [[315, 135], [40, 160]]
 *   accuracy_score(y, p)    -> 0.7307692307692307
 *   precision_score(y, p)   -> 0.5423728813559322
 *   recall_score(y, p)      -> 0.8
 *   f1_score(y, p)          -> 0.6464646464646464
 *   roc_auc_score(y, s)     -> 0.785
 *   log_loss(y, s)          -> 0.5568243372407511
 *   brier_score_loss(y, s)  -> 0.18100000000000005
 *   roc_curve(y, s)         -> fpr [0, 0.1, 0.3, 1], tpr [0, 0.5, 0.8, 1]
 */
export const classificationResult: ClassificationResult = {
  task: "classification",
  evaluationId: "ev_01JQ7ZK3M4N5P6Q7R8S9T0V1W2",
  rows: 650,
  model: {
    id: "mdl_01JQ7Z8A2B3C4D5E6F7G8H9J0K",
    name: "churn-gbm",
    version: 3,
    sha256: "9f2c4e8a1b7d3f6051c2e9a8b4d7f0e3a6c1b5d8e2f4a7c0b3d6e9f1a4c7b0d2",
    sizeBytes: 2_483_117,
    path: "/home/analyst/models/churn-gbm-v3.onnx",
  },
  dataset: {
    id: "ds_01JQ7Z9B3C4D5E6F7G8H9J0K1L",
    name: "churn-holdout",
    version: 2,
    sha256: "04b7e1c9d3a6f8052e4c7b9a1d3f6e8c0a2b5d7f9e1c3a5b7d9f0e2c4a6b8d1f",
    sizeBytes: 58_204,
    path: "/home/analyst/data/churn-holdout-2025-03.csv",
    rowCount: 650,
    missingValues: { tenure: 3, region: 1200 },
  },
  labelColumn: "churned",
  positiveLabel: "yes",
  negativeLabel: "no",
  positiveClass: "1",
  threshold: 0.5,
  hasProbabilities: true,
  startedAt: "2025-03-14T09:26:51.250Z",
  finishedAt: "2025-03-14T09:26:53.125Z",
  dossierVersion: "0.1.0",
  actor: "analyst",
  featureColumns: ["age", "income", "tenure"],
  runtime: { onnxruntime: "1.31.1", node: "20.20.2", platform: "linux-x64" },
  undefinedMetrics: {},
  warnings: [],
  timings: { readMs: 412, inferenceMs: 1203, totalMs: 1875 },
  metrics: {
    accuracy: 0.7307692307692307,
    precision: 0.5423728813559322,
    recall: 0.8,
    f1: 0.6464646464646464,
    rocAuc: 0.785,
    logLoss: 0.5568243372407511,
    brier: 0.18100000000000005,
    confusionMatrix: [
      [315, 135],
      [40, 160],
    ],
  },
  rocCurve: {
    falsePositiveRate: [0, 0.1, 0.3, 1],
    truePositiveRate: [0, 0.5, 0.8, 1],
  },
};

/**
 * The same evaluation for a model that outputs labels only, so the metrics
 * that need scores are not defined and there is no ROC curve.
 */
export const labelsOnlyResult: ClassificationResult = {
  ...classificationResult,
  evaluationId: "ev_01JQ80A1B2C3D4E5F6G7H8J9K0",
  threshold: null,
  hasProbabilities: false,
  undefinedMetrics: {
    rocAuc: "the model outputs labels only, without probabilities",
    logLoss: "the model outputs labels only, without probabilities",
    // A reason that matches no template is printed as it is.
    brier: "the model outputs labels without probabilities",
  },
  metrics: {
    ...classificationResult.metrics,
    rocAuc: null,
    logLoss: null,
    brier: null,
  },
  rocCurve: null,
};

/**
 * A regression on five rows, with references from scikit-learn 1.2:
 *
 *   y_true = [3.0, -0.5, 2.0, 7.0, 4.2]; y_pred = [2.5, 0.0, 2.0, 8.0, 3.9]
 *   mean_absolute_error        -> 0.4600000000000001
 *   mean_squared_error ** 0.5  -> 0.5639148871948674
 *   r2_score                   -> 0.9480256276150627
 */
export const regressionResult: RegressionResult = {
  task: "regression",
  evaluationId: "ev_01JQ81B2C3D4E5F6G7H8J9K0L1",
  rows: 5,
  model: {
    id: "mdl_01JQ80C1D2E3F4G5H6J7K8L9M0",
    name: "house-price-ridge",
    version: 1,
    sha256: "c3a1f7e9b2d4068a5c7e9f1b3d5a7c9e0f2b4d6a8c1e3f5a7b9d0c2e4f6a8b1c",
    sizeBytes: 912,
    path: "/srv/models/house-price-ridge.onnx",
  },
  dataset: {
    id: "ds_01JQ80D2E3F4G5H6J7K8L9M0N1",
    name: "house-prices-sample",
    version: 1,
    sha256: "7e5d3c1b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d",
    sizeBytes: 161,
    path: "/srv/data/house-prices-sample.csv",
    rowCount: 5,
    missingValues: {},
  },
  labelColumn: "price",
  startedAt: "2025-03-14T10:02:00.000Z",
  finishedAt: "2025-03-14T10:02:00.040Z",
  dossierVersion: "0.1.0",
  actor: "analyst",
  featureColumns: ["rooms", "area"],
  runtime: { onnxruntime: "1.31.1", node: "20.20.2", platform: "linux-x64" },
  undefinedMetrics: {},
  warnings: [],
  timings: { readMs: 3, inferenceMs: 21, totalMs: 40 },
  metrics: {
    mae: 0.4600000000000001,
    rmse: 0.5639148871948674,
    r2: 0.9480256276150627,
  },
};
