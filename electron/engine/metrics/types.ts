/** Metric name (as in the metrics object) to the reason that metric is `null`. */
export type UndefinedMetrics = Record<string, string>;
