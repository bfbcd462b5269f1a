import type { ErrorCode, Task } from "./api/client";

export const languages = ["en", "tr"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "en";

/** Every visible string of the renderer, in one language. */
export type Strings = {
  languageName: string;
  appTitle: string;
  appSubtitle: string;
  language: string;
  refresh: string;
  refreshing: string;
  loading: string;
  sections: string;
  models: string;
  datasets: string;
  evaluations: string;
  name: string;
  version: string;
  sha256: string;
  producer: string;
  size: string;
  registeredAt: string;
  rows: string;
  columns: string;
  path: string;
  finishedAt: string;
  model: string;
  dataset: string;
  task: string;
  labelColumn: string;
  headlineMetric: string;
  unknownProducer: string;
  undefinedMetric: string;
  noVersions: string;
  taskNames: Record<Task, string>;
  /** Display names of the metric names that the store returns. */
  metricNames: Readonly<Record<string, string>>;
  modelsCaption: string;
  datasetsCaption: string;
  evaluationsCaption: string;
  emptyModels: string;
  emptyDatasets: string;
  emptyEvaluations: string;
  emptyHint: string;
  emptyRefreshHint: string;
  loadFailed: string;
  errorCode: (code: ErrorCode) => string;
  fullHash: (hash: string) => string;
  exactSize: (bytes: string) => string;
};

const en: Strings = {
  languageName: "English",
  appTitle: "Dossier",
  appSubtitle: "Models, datasets and evaluations recorded on this computer",
  language: "Language",
  refresh: "Refresh",
  refreshing: "Refreshing…",
  loading: "Loading…",
  sections: "Sections",
  models: "Models",
  datasets: "Datasets",
  evaluations: "Evaluations",
  name: "Name",
  version: "Version",
  sha256: "SHA-256",
  producer: "Producer",
  size: "Size",
  registeredAt: "Registered",
  rows: "Rows",
  columns: "Columns",
  path: "Path",
  finishedAt: "Finished",
  model: "Model",
  dataset: "Dataset",
  task: "Task",
  labelColumn: "Label column",
  headlineMetric: "Headline metric",
  unknownProducer: "unknown",
  undefinedMetric: "not defined",
  noVersions: "no versions",
  taskNames: { classification: "Classification", regression: "Regression" },
  metricNames: { accuracy: "Accuracy", r2: "R²" },
  modelsCaption: "Registered models, one row per version",
  datasetsCaption: "Registered datasets, one row per version",
  evaluationsCaption: "Evaluations, newest first",
  emptyModels: "No models are registered yet.",
  emptyDatasets: "No datasets are registered yet.",
  emptyEvaluations: "No evaluations are recorded yet.",
  emptyHint:
    "Evaluate a model from the command line, and Dossier registers the model, the dataset and the evaluation:",
  emptyRefreshHint: "Then select Refresh.",
  loadFailed: "This list could not be loaded.",
  errorCode: (code) => `Error code: ${code}`,
  fullHash: (hash) => `SHA-256 ${hash}`,
  exactSize: (bytes) => `${bytes} bytes`,
};

const tr: Strings = {
  languageName: "Türkçe",
  appTitle: "Dossier",
  appSubtitle:
    "Bu bilgisayarda kayıtlı modeller, veri kümeleri ve değerlendirmeler",
  language: "Dil",
  refresh: "Yenile",
  refreshing: "Yenileniyor…",
  loading: "Yükleniyor…",
  sections: "Bölümler",
  models: "Modeller",
  datasets: "Veri kümeleri",
  evaluations: "Değerlendirmeler",
  name: "Ad",
  version: "Sürüm",
  sha256: "SHA-256",
  producer: "Üreten araç",
  size: "Boyut",
  registeredAt: "Kayıt zamanı",
  rows: "Satır",
  columns: "Sütun",
  path: "Dosya yolu",
  finishedAt: "Bitiş",
  model: "Model",
  dataset: "Veri kümesi",
  task: "Görev",
  labelColumn: "Etiket sütunu",
  headlineMetric: "Ana ölçüt",
  unknownProducer: "bilinmiyor",
  undefinedMetric: "tanımsız",
  noVersions: "sürüm yok",
  taskNames: { classification: "Sınıflandırma", regression: "Regresyon" },
  metricNames: { accuracy: "Doğruluk", r2: "R²" },
  modelsCaption: "Kayıtlı modeller, her sürüm bir satır",
  datasetsCaption: "Kayıtlı veri kümeleri, her sürüm bir satır",
  evaluationsCaption: "Değerlendirmeler, en yenisi önce",
  emptyModels: "Henüz kayıtlı model yok.",
  emptyDatasets: "Henüz kayıtlı veri kümesi yok.",
  emptyEvaluations: "Henüz kayıtlı değerlendirme yok.",
  emptyHint:
    "Komut satırından bir model değerlendirin; Dossier modeli, veri kümesini ve değerlendirmeyi kaydeder:",
  emptyRefreshHint: "Ardından Yenile düğmesine basın.",
  loadFailed: "Bu liste yüklenemedi.",
  errorCode: (code) => `Hata kodu: ${code}`,
  fullHash: (hash) => `SHA-256 ${hash}`,
  exactSize: (bytes) => `${bytes} bayt`,
};

export const strings: Readonly<Record<Language, Strings>> = { en, tr };

/** BCP 47 tags for Intl number and date formats. */
export const locales: Readonly<Record<Language, string>> = {
  en: "en-GB",
  tr: "tr-TR",
};

export function isLanguage(value: unknown): value is Language {
  return languages.some((language) => language === value);
}
