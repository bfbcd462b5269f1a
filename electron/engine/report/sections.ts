import type {
  ClassificationMetrics,
  ClassificationResult,
  EvaluationResult,
  RegressionMetrics,
} from "../../../shared/contract";
import type { Localizer } from "./format";
import {
  drawFields,
  drawHeading,
  drawParagraph,
  drawTitle,
  endSection,
  colors,
  type Doc,
  type Field,
} from "./layout";
import { drawRocChart, rocChartHeight } from "./roc-chart";
import type { StringId } from "./strings";
import {
  confusionMatrixHeight,
  drawConfusionMatrix,
  drawMetricsTable,
  type ConfusionMatrixText,
  type MetricRow,
} from "./tables";
import { parseReason } from "../metrics";
import { parseRocAucBelowChance } from "../evaluate/warnings";

/**
 * Draws the report's sections in reading order. The confusion matrix and the ROC
 * curve appear for classification results only.
 */
export function composeReport(
  doc: Doc,
  result: EvaluationResult,
  localizer: Localizer,
  generatedAt: Date,
): void {
  const { text } = localizer;
  drawTitle(
    doc,
    text("title"),
    text("generated", {
      date: localizer.timestamp(generatedAt),
      version: result.dossierVersion,
    }),
  );
  drawSection(
    doc,
    text("sectionEvaluation"),
    evaluationFields(result, localizer),
  );
  drawSection(doc, text("sectionModel"), modelFields(result, localizer));
  drawSection(doc, text("sectionDataset"), datasetFields(result, localizer));
  drawSection(doc, text("sectionTask"), taskFields(result, localizer));

  drawHeading(doc, text("sectionMetrics"));
  drawMetricsTable(
    doc,
    {
      metric: text("columnMetric"),
      value: text("columnValue"),
      note: text("columnNote"),
    },
    metricRows(result, localizer),
  );
  endSection(doc);

  if (result.task === "classification") {
    drawConfusionMatrixSection(doc, result, localizer);
    drawRocSection(doc, result, localizer);
  }
}

/** Returns `name@version`, the notation Dossier uses for a registered item. */
export function nameAtVersion(item: { name: string; version: number }): string {
  return `${item.name}@${item.version}`;
}

function drawSection(doc: Doc, heading: string, fields: Field[]): void {
  drawHeading(doc, heading);
  drawFields(doc, fields);
  endSection(doc);
}

function evaluationFields(
  result: EvaluationResult,
  localizer: Localizer,
): Field[] {
  return [
    { label: localizer.text("fieldEvaluationId"), value: result.evaluationId },
    {
      label: localizer.text("fieldDossierVersion"),
      value: result.dossierVersion,
    },
    {
      label: localizer.text("fieldStarted"),
      value: localizer.timestamp(result.startedAt),
    },
    {
      label: localizer.text("fieldFinished"),
      value: localizer.timestamp(result.finishedAt),
    },
    {
      label: localizer.text("fieldDuration"),
      value: localizer.duration(result.startedAt, result.finishedAt),
    },
    {
      label: localizer.text("fieldRowsEvaluated"),
      value: localizer.count(result.rows),
    },
    { label: localizer.text("fieldActor"), value: result.actor },
    {
      label: localizer.text("fieldRuntime"),
      value: localizer.text("runtimeVersions", result.runtime),
    },
    ...result.warnings.map((warning) => ({
      label: localizer.text("fieldWarning"),
      value: localizeWarning(warning, localizer),
    })),
  ];
}

/**
 * Translates a warning written by the evaluation. Text that matches no
 * known warning is printed as it is, in English.
 */
function localizeWarning(text: string, localizer: Localizer): string {
  const parsed = parseRocAucBelowChance(text);
  if (parsed === null) {
    return text;
  }
  const auc = Number(parsed.auc);
  return localizer.text("warningRocAucBelowChance", {
    ...parsed,
    auc: Number.isFinite(auc) ? localizer.metric(auc) : parsed.auc,
  });
}

function modelFields(result: EvaluationResult, localizer: Localizer): Field[] {
  const { model } = result;
  return [
    { label: localizer.text("fieldNameVersion"), value: nameAtVersion(model) },
    { label: localizer.text("fieldSha256"), value: model.sha256, hash: true },
    {
      label: localizer.text("fieldSize"),
      value: localizer.bytes(model.sizeBytes),
    },
    { label: localizer.text("fieldPath"), value: model.path },
  ];
}

function datasetFields(
  result: EvaluationResult,
  localizer: Localizer,
): Field[] {
  const { dataset } = result;
  return [
    {
      label: localizer.text("fieldNameVersion"),
      value: nameAtVersion(dataset),
    },
    { label: localizer.text("fieldSha256"), value: dataset.sha256, hash: true },
    {
      label: localizer.text("fieldRowCount"),
      value: localizer.count(dataset.rowCount),
    },
    {
      label: localizer.text("fieldMissingValues"),
      value: describeMissingValues(dataset.missingValues, localizer),
    },
    {
      label: localizer.text("fieldSize"),
      value: localizer.bytes(dataset.sizeBytes),
    },
    { label: localizer.text("fieldPath"), value: dataset.path },
  ];
}

/** Writes the total of missing cells, then the count of each column. */
function describeMissingValues(
  missingValues: Record<string, number>,
  localizer: Localizer,
): string {
  const counts = Object.entries(missingValues);
  if (counts.length === 0) {
    return localizer.text("missingValuesNone");
  }
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  const columns = counts
    .map(([column, count]) => `${column} ${localizer.count(count)}`)
    .join(", ");
  return localizer.text("missingValuesCells", {
    total: localizer.count(total),
    columns,
  });
}

function taskFields(result: EvaluationResult, localizer: Localizer): Field[] {
  const labelColumn = {
    label: localizer.text("fieldLabelColumn"),
    value: result.labelColumn,
  };
  const featureColumns = {
    label: localizer.text("fieldFeatureColumns"),
    value: result.featureColumns.join(", "),
  };
  if (result.task === "regression") {
    return [
      {
        label: localizer.text("fieldTaskType"),
        value: localizer.text("taskRegression"),
      },
      labelColumn,
      featureColumns,
    ];
  }
  return [
    {
      label: localizer.text("fieldTaskType"),
      value: localizer.text("taskClassification"),
    },
    labelColumn,
    featureColumns,
    {
      label: localizer.text("fieldPositiveLabel"),
      value: result.positiveLabel,
    },
    {
      label: localizer.text("fieldPositiveClass"),
      value: result.positiveClass,
    },
    {
      label: localizer.text("fieldThreshold"),
      value:
        result.threshold === null
          ? localizer.text("thresholdNotApplied")
          : localizer.decimal(result.threshold),
    },
  ];
}

const classificationMetricNames: Record<
  Exclude<keyof ClassificationMetrics, "confusionMatrix">,
  StringId
> = {
  accuracy: "metricAccuracy",
  precision: "metricPrecision",
  recall: "metricRecall",
  f1: "metricF1",
  rocAuc: "metricRocAuc",
  logLoss: "metricLogLoss",
  brier: "metricBrier",
};

const regressionMetricNames: Record<keyof RegressionMetrics, StringId> = {
  mae: "metricMae",
  rmse: "metricRmse",
  r2: "metricR2",
};

/**
 * Lists the metrics in a fixed order. A `null` metric shows "not defined" and
 * the reason from `undefinedMetrics`.
 */
function metricRows(
  result: EvaluationResult,
  localizer: Localizer,
): MetricRow[] {
  const rows = (
    names: Record<string, StringId>,
    values: Record<string, unknown>,
  ) =>
    Object.entries(names).map(([key, nameId]): MetricRow => {
      const value = values[key];
      if (typeof value === "number") {
        return {
          name: localizer.text(nameId),
          value: localizer.metric(value),
          defined: true,
          note: "",
        };
      }
      return {
        name: localizer.text(nameId),
        value: localizer.text("notDefined"),
        defined: false,
        note: localizeReason(result.undefinedMetrics[key] ?? "", localizer),
      };
    });
  return result.task === "classification"
    ? rows(classificationMetricNames, result.metrics)
    : rows(regressionMetricNames, result.metrics);
}

function drawConfusionMatrixSection(
  doc: Doc,
  result: ClassificationResult,
  localizer: Localizer,
): void {
  const [[tn, fp], [fn, tp]] = result.metrics.confusionMatrix;
  const matrixText: ConfusionMatrixText = {
    predictedAxis: localizer.text("axisPredicted"),
    actualAxis: localizer.text("axisActual"),
    negativeClass:
      result.negativeLabel === null
        ? localizer.text("classNegativeAbsent")
        : localizer.text("classNegative", { label: result.negativeLabel }),
    positiveClass: localizer.text("classPositive", {
      label: result.positiveLabel,
    }),
    cellCaptions: [
      [localizer.text("cellTrueNegative"), localizer.text("cellFalsePositive")],
      [localizer.text("cellFalseNegative"), localizer.text("cellTruePositive")],
    ],
  };
  drawHeading(
    doc,
    localizer.text("sectionConfusionMatrix"),
    confusionMatrixHeight(doc, matrixText),
  );
  drawConfusionMatrix(
    doc,
    [
      [localizer.count(tn), localizer.count(fp)],
      [localizer.count(fn), localizer.count(tp)],
    ],
    matrixText,
  );
  doc.y += 8;
  drawParagraph(
    doc,
    result.threshold === null
      ? localizer.text("confusionNoteLabelsOnly")
      : localizer.text("confusionNote", {
          threshold: localizer.decimal(result.threshold),
        }),
    colors.muted,
  );
  endSection(doc);
}

function drawRocSection(
  doc: Doc,
  result: ClassificationResult,
  localizer: Localizer,
): void {
  if (result.rocCurve === null) {
    drawHeading(doc, localizer.text("sectionRocCurve"));
    const reason = result.undefinedMetrics["rocAuc"];
    drawParagraph(
      doc,
      reason === undefined
        ? localizer.text("rocUnavailable")
        : localizer.text("rocUnavailableReason", {
            reason: localizeReason(reason, localizer),
          }),
    );
    return;
  }
  const auc = result.metrics.rocAuc;
  drawHeading(doc, localizer.text("sectionRocCurve"), rocChartHeight);
  drawRocChart(doc, result.rocCurve, {
    xAxis: localizer.text("axisFalsePositiveRate"),
    yAxis: localizer.text("axisTruePositiveRate"),
    modelLegend: `${localizer.text("legendModel")} ${nameAtVersion(result.model)}`,
    chanceLegend: localizer.text("legendChance", {
      auc: localizer.decimal(0.5),
    }),
    caption:
      auc === null
        ? localizer.text("rocCaptionNoAuc")
        : localizer.text("rocCaption", { auc: localizer.metric(auc) }),
    tick: (value) => localizer.decimal(value, 1),
  });
}

/**
 * Translates a reason written by the metrics module. Text that matches none
 * of its templates is printed as it is, in English.
 */
function localizeReason(text: string, localizer: Localizer): string {
  const parsed = parseReason(text);
  if (parsed === null) {
    return text;
  }
  const id = `reason${parsed.reason[0]?.toUpperCase()}${parsed.reason.slice(1)}`;
  return localizer.text(id as StringId, parsed.params);
}
