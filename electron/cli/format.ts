import type {
  DatasetSummary,
  EvaluationResult,
  EvaluationSummary,
  ModelSummary,
} from "../../shared/contract";

const integerFormat = new Intl.NumberFormat("en-US");

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
      `${integerFormat.format(result.rows)} rows, ${result.task}`,
    `  model   sha256 ${result.model.sha256}`,
    `  dataset sha256 ${result.dataset.sha256}`,
  ];
  if (result.task === "classification") {
    lines.push(
      `  label ${result.labelColumn}, positive '${result.positiveLabel}' ` +
        `(model class ${result.positiveClass}), threshold ${result.threshold}`,
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
    const [[tn, fp], [fn, tp]] = result.metrics.confusionMatrix;
    lines.push(
      "",
      "  confusion matrix (rows: true label, columns: predicted)",
      `               predicted 0  predicted 1`,
      `    true 0   ${pad(tn)}  ${pad(fp)}`,
      `    true 1   ${pad(fn)}  ${pad(tp)}`,
    );
  }
  lines.push("", `Evaluation ${result.evaluationId} recorded.`);
  return `${lines.join("\n")}\n`;
}

function pad(count: number): string {
  return integerFormat.format(count).padStart(11);
}

export function formatModels(models: ModelSummary[]): string {
  if (models.length === 0) {
    return "No models yet. Evaluate one with: dossier evaluate --model FILE.onnx --data FILE.csv --label COLUMN\n";
  }
  const lines = models.flatMap((model) =>
    model.versions.map(
      (version) =>
        `${model.name}@${version.version}  ${version.sha256}  ` +
        `${integerFormat.format(version.sizeBytes)} bytes  ${version.producer ?? "unknown producer"}`,
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
        `${integerFormat.format(version.rowCount)} rows  ${version.columnCount} columns  ${version.path}`,
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
