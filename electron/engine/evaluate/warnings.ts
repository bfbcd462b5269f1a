import type { ClassificationMetrics } from "../../../shared/contract";

/**
 * The English text of the warning for a ROC AUC below 0.5. The report
 * translates it, so its placeholders must stay recoverable by
 * `parseRocAucBelowChance`.
 */
export const rocAucBelowChanceTemplate =
  "ROC AUC is {auc}, below the 0.5 of a random guess, so the positive label '{label}' " +
  "probably does not correspond to the model's class '{class}'; check --positive and --positive-class.";

/** Values that fill the placeholders of `rocAucBelowChanceTemplate`. */
export type RocAucBelowChance = { auc: string; label: string; class: string };

/**
 * Lists the warnings about a classification that succeeded but whose metrics
 * look wrong. A ROC AUC below 0.5 ranks negatives above positives, which
 * usually means that the positive label and the model's class disagree.
 */
export function classificationWarnings(
  metrics: ClassificationMetrics,
  positiveLabel: string,
  positiveClass: string,
): string[] {
  const auc = metrics.rocAuc;
  if (auc === null || auc >= 0.5) {
    return [];
  }
  return [
    describeRocAucBelowChance({
      auc: formatAuc(auc),
      label: positiveLabel,
      class: positiveClass,
    }),
  ];
}

export function describeRocAucBelowChance(values: RocAucBelowChance): string {
  // One pass, so that a label containing "{class}" is not filled in again.
  return rocAucBelowChanceTemplate.replace(
    /\{(auc|label|class)\}/g,
    (_placeholder, name: keyof RocAucBelowChance) => values[name],
  );
}

/** Recovers the values of a low-AUC warning, or returns null for other text. */
export function parseRocAucBelowChance(text: string): RocAucBelowChance | null {
  const pattern = escapeRegExp(rocAucBelowChanceTemplate)
    .replace("\\{auc\\}", "(?<auc>.+)")
    .replace("\\{label\\}", "(?<label>.*)")
    .replace("\\{class\\}", "(?<class>.*)");
  const groups = new RegExp(`^${pattern}$`, "s").exec(text)?.groups;
  if (groups === undefined) {
    return null;
  }
  return {
    auc: groups.auc ?? "",
    label: groups.label ?? "",
    class: groups.class ?? "",
  };
}

/**
 * Formats with the six decimals of the metrics output, but with all digits
 * when rounding would show 0.500000 for a value below 0.5.
 */
function formatAuc(auc: number): string {
  const rounded = auc.toFixed(6);
  return Number(rounded) >= 0.5 ? String(auc) : rounded;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
