import {
  languageTags,
  translate,
  type ReportLocale,
  type StringId,
} from "./strings";

/** The texts and number formats of one report language. */
export type Localizer = {
  locale: ReportLocale;
  languageTag: string;
  text: (id: StringId, params?: Record<string, string>) => string;
  /** A metric value with exactly six decimals and no grouping. */
  metric: (value: number) => string;
  /** A number with up to `maxDecimals` decimals, as short as possible. */
  decimal: (value: number, maxDecimals?: number) => string;
  /** An integer with the language's digit grouping. */
  count: (value: number) => string;
  bytes: (sizeBytes: number) => string;
  /** An ISO 8601 instant as `YYYY-MM-DD HH:MM:SS UTC`. */
  timestamp: (instant: Date | string) => string;
  duration: (startedAt: string, finishedAt: string) => string;
};

const decimalUnits = [
  { factor: 1e9, unit: "gigabyte" },
  { factor: 1e6, unit: "megabyte" },
  { factor: 1e3, unit: "kilobyte" },
] as const;

export function createLocalizer(locale: ReportLocale): Localizer {
  const languageTag = languageTags[locale];
  const metricFormat = new Intl.NumberFormat(languageTag, {
    minimumFractionDigits: 6,
    maximumFractionDigits: 6,
    useGrouping: false,
  });
  const countFormat = new Intl.NumberFormat(languageTag, {
    maximumFractionDigits: 0,
  });
  const text = (id: StringId, params?: Record<string, string>) =>
    translate(locale, id, params);
  const decimal = (value: number, maxDecimals = 6) =>
    new Intl.NumberFormat(languageTag, {
      maximumFractionDigits: maxDecimals,
      useGrouping: false,
    }).format(value);

  return {
    locale,
    languageTag,
    text,
    metric: (value) => metricFormat.format(value),
    decimal,
    count: (value) => countFormat.format(value),
    bytes: (sizeBytes) => {
      const bytes = countFormat.format(sizeBytes);
      const scale = decimalUnits.find(({ factor }) => sizeBytes >= factor);
      if (scale === undefined) {
        return text("sizeBytes", { bytes });
      }
      const size = new Intl.NumberFormat(languageTag, {
        style: "unit",
        unit: scale.unit,
        maximumFractionDigits: 1,
      }).format(sizeBytes / scale.factor);
      return text("sizeBytesWithUnit", { bytes, size });
    },
    timestamp: (instant) => formatUtcTimestamp(new Date(instant)),
    duration: (startedAt, finishedAt) => {
      const milliseconds = Date.parse(finishedAt) - Date.parse(startedAt);
      return text("durationSeconds", {
        seconds: decimal(milliseconds / 1000, 3),
      });
    },
  };
}

/** Formats in UTC so that the report reads the same in every time zone. */
function formatUtcTimestamp(instant: Date): string {
  const iso = instant.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
