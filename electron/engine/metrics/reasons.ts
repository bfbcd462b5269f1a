/**
 * Reasons a metric is not defined, as English templates. Results carry the
 * filled English text under `undefinedMetrics`; reports match it against
 * these templates to print the reason in their own language.
 */
export const undefinedMetricReasons = {
  noRows: "the evaluation has zero rows",
  labelsOnly: "the model outputs labels only, without probabilities",
  noPredictedPositive: "the model predicted no positive row, so tp + fp = 0",
  noPositiveRow: "the data contains no positive row, so tp + fn = 0",
  noPositiveRowOrPrediction:
    "the data contains no positive row and the model predicted none, so 2tp + fp + fn = 0",
  onlyNegative:
    "the data contains only negative rows, so ROC AUC has no (positive, negative) pair to rank",
  onlyPositive:
    "the data contains only positive rows, so ROC AUC has no (positive, negative) pair to rank",
  constantLabel:
    "every true value is {value}, so the total sum of squares is 0",
} as const;

export type UndefinedMetricReason = keyof typeof undefinedMetricReasons;

/** Fills a reason's `{name}` placeholders. */
export function describeReason(
  reason: UndefinedMetricReason,
  params: Record<string, string> = {},
): string {
  return undefinedMetricReasons[reason].replace(
    /\{(\w+)\}/g,
    (placeholder, name: string) => params[name] ?? placeholder,
  );
}

/**
 * Finds which reason template produced `text`, and the values of its
 * placeholders. Returns null for text no template matches.
 */
export function parseReason(
  text: string,
): { reason: UndefinedMetricReason; params: Record<string, string> } | null {
  for (const [reason, template] of Object.entries(undefinedMetricReasons)) {
    const names: string[] = [];
    const pattern = template
      .split(/(\{\w+\})/)
      .map((part) => {
        const placeholder = /^\{(\w+)\}$/.exec(part);
        if (placeholder?.[1] !== undefined) {
          names.push(placeholder[1]);
          return "(.+)";
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("");
    const match = new RegExp(`^${pattern}$`).exec(text);
    if (match !== null) {
      const params = Object.fromEntries(
        names.map((name, index) => [name, match[index + 1] ?? ""]),
      );
      return { reason: reason as UndefinedMetricReason, params };
    }
  }
  return null;
}
