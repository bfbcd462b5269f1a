import { invariant } from "../errors";

/**
 * Every visible text of the evaluation report, in each supported language.
 * A `{name}` placeholder is replaced by the parameter of that name.
 */
export const reportLocales = ["en", "tr"] as const;
export type ReportLocale = (typeof reportLocales)[number];

const en = {
  title: "Model evaluation report",
  generated: "Generated {date} by Dossier {version}",
  footerEvaluation: "Evaluation {id}",
  pageNumber: "Page {page} of {count}",
  pdfSubject: "Evaluation {id} of model {model} on dataset {dataset}",

  sectionEvaluation: "Evaluation",
  sectionModel: "Model",
  sectionDataset: "Dataset",
  sectionTask: "Task",
  sectionMetrics: "Metrics",
  sectionConfusionMatrix: "Confusion matrix",
  sectionRocCurve: "ROC curve",

  fieldEvaluationId: "Evaluation ID",
  fieldDossierVersion: "Dossier version",
  fieldRuntime: "Runtime",
  runtimeVersions: "onnxruntime {onnxruntime}, Node.js {node}, {platform}",
  fieldFeatureColumns: "Feature columns",
  fieldMissingValues: "Missing values",
  missingValuesNone: "none",
  missingValuesCells: "{total} cells ({columns})",
  fieldStarted: "Started",
  fieldFinished: "Finished",
  fieldDuration: "Duration",
  fieldRowsEvaluated: "Rows evaluated",
  fieldActor: "Run by",
  fieldWarning: "Warning",
  warningRocAucBelowChance:
    "ROC AUC is {auc}, below the 0.5 of a random guess, so the positive label '{label}' " +
    "probably does not correspond to the model's class '{class}'; check --positive and --positive-class.",
  fieldNameVersion: "Name and version",
  fieldSha256: "SHA-256",
  fieldSize: "Size",
  fieldPath: "Path",
  fieldRowCount: "Rows",
  fieldTaskType: "Type",
  fieldLabelColumn: "Label column",
  fieldPositiveLabel: "Positive label",
  fieldPositiveClass: "Model's positive class",
  fieldThreshold: "Decision threshold",
  thresholdNotApplied: "not applied (the model outputs labels only)",

  taskClassification: "Binary classification",
  taskRegression: "Regression",
  sizeBytes: "{bytes} bytes",
  sizeBytesWithUnit: "{bytes} bytes ({size})",
  durationSeconds: "{seconds} s",

  columnMetric: "Metric",
  columnValue: "Value",
  columnNote: "Note",
  notDefined: "not defined",
  metricAccuracy: "Accuracy",
  metricPrecision: "Precision",
  metricRecall: "Recall",
  metricF1: "F1 score",
  metricRocAuc: "ROC AUC",
  metricLogLoss: "Log loss",
  metricBrier: "Brier score",
  metricMae: "MAE (mean absolute error)",
  metricRmse: "RMSE (root mean squared error)",
  metricR2: "R² (coefficient of determination)",

  axisPredicted: "Predicted label",
  axisActual: "True label",
  classNegative: "Negative: {label}",
  classNegativeAbsent: "Negative (none in the data)",
  classPositive: "Positive: {label}",
  cellTrueNegative: "true negatives",
  cellFalsePositive: "false positives",
  cellFalseNegative: "false negatives",
  cellTruePositive: "true positives",
  confusionNote:
    "Rows are true labels and columns are labels predicted at the decision threshold {threshold}.",
  confusionNoteLabelsOnly:
    "Rows are true labels and columns are the labels that the model output.",

  axisFalsePositiveRate: "False positive rate",
  axisTruePositiveRate: "True positive rate",
  legendModel: "Model",
  legendChance: "Random guess (AUC = {auc})",
  rocCaption: "ROC curve, AUC = {auc}",
  rocCaptionNoAuc: "ROC curve, AUC not defined",
  rocUnavailable: "This evaluation has no ROC curve.",
  rocUnavailableReason: "This evaluation has no ROC curve: {reason}",

  reasonNoRows: "the evaluation has zero rows",
  reasonLabelsOnly: "the model outputs labels only, without probabilities",
  reasonNoPredictedPositive:
    "the model predicted no positive row, so tp + fp = 0",
  reasonNoPositiveRow: "the data contains no positive row, so tp + fn = 0",
  reasonNoPositiveRowOrPrediction:
    "the data contains no positive row and the model predicted none, so 2tp + fp + fn = 0",
  reasonOnlyNegative:
    "the data contains only negative rows, so ROC AUC has no (positive, negative) pair to rank",
  reasonOnlyPositive:
    "the data contains only positive rows, so ROC AUC has no (positive, negative) pair to rank",
  reasonConstantLabel:
    "every true value is {value}, so the total sum of squares is 0",
} as const;

export type StringId = keyof typeof en;

const tr: Record<StringId, string> = {
  title: "Model değerlendirme raporu",
  generated: "Oluşturulma: {date}, Dossier {version}",
  footerEvaluation: "Değerlendirme {id}",
  pageNumber: "Sayfa {page} / {count}",
  pdfSubject:
    "{model} modelinin {dataset} veri kümesindeki değerlendirmesi ({id})",

  sectionEvaluation: "Değerlendirme",
  sectionModel: "Model",
  sectionDataset: "Veri kümesi",
  sectionTask: "Görev",
  sectionMetrics: "Metrikler",
  sectionConfusionMatrix: "Karışıklık matrisi",
  sectionRocCurve: "ROC eğrisi",

  fieldEvaluationId: "Değerlendirme kimliği",
  fieldDossierVersion: "Dossier sürümü",
  fieldRuntime: "Çalışma ortamı",
  runtimeVersions: "onnxruntime {onnxruntime}, Node.js {node}, {platform}",
  fieldFeatureColumns: "Öznitelik sütunları",
  fieldMissingValues: "Eksik değerler",
  missingValuesNone: "yok",
  missingValuesCells: "{total} hücre ({columns})",
  fieldStarted: "Başlangıç",
  fieldFinished: "Bitiş",
  fieldDuration: "Süre",
  fieldRowsEvaluated: "Değerlendirilen satır",
  fieldActor: "Çalıştıran",
  fieldWarning: "Uyarı",
  warningRocAucBelowChance:
    "ROC AUC {auc}, rastgele tahminin 0,5 değerinin altında; bu yüzden '{label}' pozitif etiketi " +
    "büyük olasılıkla modelin '{class}' sınıfına karşılık gelmiyor. --positive ve --positive-class seçeneklerini denetleyin.",
  fieldNameVersion: "Ad ve sürüm",
  fieldSha256: "SHA-256",
  fieldSize: "Boyut",
  fieldPath: "Dosya yolu",
  fieldRowCount: "Satır sayısı",
  fieldTaskType: "Tür",
  fieldLabelColumn: "Etiket sütunu",
  fieldPositiveLabel: "Pozitif etiket",
  fieldPositiveClass: "Modeldeki pozitif sınıf",
  fieldThreshold: "Karar eşiği",
  thresholdNotApplied: "uygulanmadı (model yalnızca etiket veriyor)",

  taskClassification: "İkili sınıflandırma",
  taskRegression: "Regresyon",
  sizeBytes: "{bytes} bayt",
  sizeBytesWithUnit: "{bytes} bayt ({size})",
  durationSeconds: "{seconds} sn",

  columnMetric: "Metrik",
  columnValue: "Değer",
  columnNote: "Not",
  notDefined: "tanımsız",
  metricAccuracy: "Doğruluk",
  metricPrecision: "Kesinlik",
  metricRecall: "Duyarlılık",
  metricF1: "F1 skoru",
  metricRocAuc: "ROC AUC",
  metricLogLoss: "Log kaybı",
  metricBrier: "Brier skoru",
  metricMae: "MAE (ortalama mutlak hata)",
  metricRmse: "RMSE (kök ortalama kare hata)",
  metricR2: "R² (belirlilik katsayısı)",

  axisPredicted: "Tahmin edilen etiket",
  axisActual: "Gerçek etiket",
  classNegative: "Negatif: {label}",
  classNegativeAbsent: "Negatif (veride yok)",
  classPositive: "Pozitif: {label}",
  cellTrueNegative: "doğru negatif",
  cellFalsePositive: "yanlış pozitif",
  cellFalseNegative: "yanlış negatif",
  cellTruePositive: "doğru pozitif",
  confusionNote:
    "Satırlar gerçek etiketleri, sütunlar {threshold} karar eşiğinde tahmin edilen etiketleri gösterir.",
  confusionNoteLabelsOnly:
    "Satırlar gerçek etiketleri, sütunlar modelin verdiği etiketleri gösterir.",

  axisFalsePositiveRate: "Yanlış pozitif oranı",
  axisTruePositiveRate: "Doğru pozitif oranı",
  legendModel: "Model",
  legendChance: "Rastgele tahmin (AUC = {auc})",
  rocCaption: "ROC eğrisi, AUC = {auc}",
  rocCaptionNoAuc: "ROC eğrisi, AUC tanımsız",
  rocUnavailable: "Bu değerlendirmenin ROC eğrisi yok.",
  rocUnavailableReason: "Bu değerlendirmenin ROC eğrisi yok: {reason}",

  reasonNoRows: "değerlendirmede hiç satır yok",
  reasonLabelsOnly: "model olasılık değil, yalnızca etiket veriyor",
  reasonNoPredictedPositive:
    "model hiçbir satırı pozitif tahmin etmedi, bu yüzden tp + fp = 0",
  reasonNoPositiveRow: "veride pozitif satır yok, bu yüzden tp + fn = 0",
  reasonNoPositiveRowOrPrediction:
    "veride pozitif satır yok ve model de pozitif tahmin etmedi, bu yüzden 2tp + fp + fn = 0",
  reasonOnlyNegative:
    "veride yalnızca negatif satırlar var, bu yüzden ROC AUC için sıralanacak (pozitif, negatif) çifti yok",
  reasonOnlyPositive:
    "veride yalnızca pozitif satırlar var, bu yüzden ROC AUC için sıralanacak (pozitif, negatif) çifti yok",
  reasonConstantLabel:
    "tüm gerçek değerler {value}, bu yüzden toplam kareler toplamı 0",
};

const stringTables: Record<ReportLocale, Record<StringId, string>> = {
  en,
  tr,
};

/** BCP 47 tags for number formatting and the PDF's language entry. */
export const languageTags: Record<ReportLocale, string> = {
  en: "en-US",
  tr: "tr-TR",
};

export function isReportLocale(value: unknown): value is ReportLocale {
  return reportLocales.some((locale) => locale === value);
}

/** Looks up `id` in `locale` and fills its `{name}` placeholders. */
export function translate(
  locale: ReportLocale,
  id: StringId,
  params: Record<string, string> = {},
): string {
  return stringTables[locale][id].replace(
    /\{(\w+)\}/g,
    (_placeholder, name: string) => {
      const value = params[name];
      invariant(value !== undefined, `string ${id} needs parameter ${name}`);
      return value;
    },
  );
}
