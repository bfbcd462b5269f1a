/** Number of hex digits shown for a SHA-256. The full hash is in the title. */
export const shortHashLength = 12;

export function shortHash(sha256: string): string {
  return sha256.slice(0, shortHashLength);
}

const byteUnits = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

/**
 * Formats a size in decimal units (1 kB = 1000 bytes), as Intl names them.
 * Bytes get the long unit name ("259 bytes"), larger units the symbol.
 */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unitIndex = 0;
  // Compare after rounding to the one decimal shown, so that 999,960 bytes
  // read "1 MB" and not "1,000 kB".
  while (
    Math.round(value * 10) / 10 >= 1000 &&
    unitIndex < byteUnits.length - 1
  ) {
    value /= 1000;
    unitIndex += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: byteUnits[unitIndex],
    unitDisplay: unitIndex === 0 ? "long" : "short",
    maximumFractionDigits: unitIndex === 0 ? 0 : 1,
  }).format(value);
}

export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(count);
}

/** Formats a metric value with four decimals, so that a column aligns. */
export function formatMetric(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 4,
    maximumFractionDigits: 4,
  }).format(value);
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "medium",
  }).format(new Date(iso));
}
