export {
  computeClassificationMetrics,
  type ClassificationInput,
  type ClassificationOutcome,
} from "./classification";
export {
  computeRegressionMetrics,
  type RegressionInput,
  type RegressionOutcome,
} from "./regression";
export { rocCurveMaxPoints } from "./roc";
export type { UndefinedMetrics } from "./types";
export {
  describeReason,
  parseReason,
  undefinedMetricReasons,
  type UndefinedMetricReason,
} from "./reasons";
