import type {
  ClassificationResult,
  DatasetSummary,
  EvaluationResult,
  EvaluationSummary,
  ModelSummary,
} from "../../shared/contract";

const integerFormat = new Intl.NumberFormat("en-US");

/** Formats a count with its noun, singular for exactly one: "1 row", "2 rows". */
function formatCount(count: number, noun: string): string {
  return `${integerFormat.format(count)} ${count === 1 ? noun : `${noun}s`}`;
}

function formatMetric(
  value: number | null,
  reason: string | undefined,
): string {
  if (value === null) {
    return `not defined (${reason ?? "no reason recorded"})`;
  }
  return Number.isInteger(value) ? String(value) : value.toFixed(6);
}

/** Formats an evaluation as text for people, one fact per line. */
export function formatEvaluation(result: EvaluationResult): string {
  const lines = [
    `Evaluated ${result.model.name}@${result.model.version} on ` +
      `${result.dataset.name}@${result.dataset.version}: ` +
      `${formatCount(result.rows, "row")}, ${result.task}`,
    `  model   sha256 ${result.model.sha256}`,
    `  dataset sha256 ${result.dataset.sha256}`,
  ];
  if (result.task === "classification") {
    const threshold =
      result.threshold === null
        ? "not applied (the model outputs labels only)"
        : String(result.threshold);
    lines.push(
      `  label ${result.labelColumn}, positive '${result.positiveLabel}' ` +
        `(model class ${result.positiveClass}), threshold ${threshold}`,
    );
  } else {
    lines.push(`  label ${result.labelColumn}`);
  }

  lines.push("");
  for (const [name, value] of Object.entries(result.metrics)) {
    if (name === "confusionMatrix") {
      continue;
    }
    lines.push(
      `  ${name.padEnd(10)} ${formatMetric(value as number | null, result.undefinedMetrics[name])}`,
    );
  }
  if (result.task === "classification") {
    lines.push("", ...formatConfusionMatrix(result));
  }
  lines.push(
    "",
    `Evaluation ${result.evaluationId} recorded, run by ${result.actor}.`,
  );
  return `${lines.join("\n")}\n`;
}

/**
 * Lays out the confusion matrix with the labels as written in the data,
 * each column as wide as its longest text, so that long labels stay aligned.
 */
function formatConfusionMatrix(result: ClassificationResult): string[] {
  const negative = result.negativeLabel ?? "(other)";
  const labels = [negative, result.positiveLabel];
  const rowHeaders = labels.map((label) => `true ${label}`);
  const columnHeaders = labels.map((label) => `predicted ${label}`);
  const counts = result.metrics.confusionMatrix.map((row) =>
    row.map((count) => integerFormat.format(count)),
  );
  const headerWidth = Math.max(...rowHeaders.map((text) => text.length));
  const columnWidths = columnHeaders.map((header, column) =>
    Math.max(header.length, ...counts.map((row) => row[column]?.length ?? 0)),
  );
  const line = (header: string, cells: string[]) =>
    [
      `    ${header.padEnd(headerWidth)}`,
      ...cells.map((cell, column) => cell.padStart(columnWidths[column] ?? 0)),
    ]
      .join("  ")
      .trimEnd();
  return [
    "  confusion matrix (rows: true label, columns: predicted)",
    line("", columnHeaders),
    ...counts.map((row, index) => line(rowHeaders[index] ?? "", row)),
  ];
}

export function formatModels(models: ModelSummary[]): string {
  if (models.length === 0) {
    return "No models yet. Evaluate one with: dossier evaluate --model FILE.onnx --data FILE.csv --label COLUMN\n";
  }
  const lines = models.flatMap((model) =>
    model.versions.map(
      (version) =>
        `${model.name}@${version.version}  ${version.sha256}  ` +
        `${formatCount(version.sizeBytes, "byte")}  ${version.producer ?? "unknown producer"}`,
    ),
  );
  return `${lines.join("\n")}\n`;
}

export function formatDatasets(datasets: DatasetSummary[]): string {
  if (datasets.length === 0) {
    return "No datasets yet. Evaluate a model on one with: dossier evaluate --model FILE.onnx --data FILE.csv --label COLUMN\n";
  }
  const lines = datasets.flatMap((dataset) =>
    dataset.versions.map(
      (version) =>
        `${dataset.name}@${version.version}  ${version.sha256}  ` +
        `${formatCount(version.rowCount, "row")}  ${formatCount(version.columnCount, "column")}  ${version.path}`,
    ),
  );
  return `${lines.join("\n")}\n`;
}

export function formatEvaluations(evaluations: EvaluationSummary[]): string {
  if (evaluations.length === 0) {
    return "No evaluations yet. Run one with: dossier evaluate --model FILE.onnx --data FILE.csv --label COLUMN\n";
  }
  const lines = evaluations.map(
    (evaluation) =>
      `${evaluation.finishedAt}  ${evaluation.id}  ` +
      `${evaluation.modelName}@${evaluation.modelVersion} on ` +
      `${evaluation.datasetName}@${evaluation.datasetVersion}  ${evaluation.task}  ` +
      `${evaluation.headlineMetric.name} ${formatMetric(evaluation.headlineMetric.value, "not defined")}`,
  );
  return `${lines.join("\n")}\n`;
}
