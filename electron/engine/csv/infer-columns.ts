import type { Column } from "../data/table";

/** Cell texts that mean a missing value when the caller gives none. */
export const defaultMissingValues: readonly string[] = ["", "?", "NA"];

/**
 * A decimal number: optional sign, digits with an optional fraction (or a
 * fraction alone), optional exponent. Rejects `0x10`, `1,5`, `Infinity`.
 */
const decimalPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Returns the value of a finite decimal number, or undefined. */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!decimalPattern.test(trimmed)) {
    return undefined;
  }
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Collects the cells of one column, dictionary-encoded in order of first
 * appearance, then decides its type. Each distinct text is parsed as a number
 * once, at the end, instead of once per cell.
 */
export class ColumnBuilder {
  private readonly codeByText = new Map<string, number>();
  private readonly texts: string[] = [];
  private codes = new Int32Array(1024);
  private length = 0;
  private missingCount = 0;

  /**
   * @param missingValues cell texts, compared after trimming, that mean a
   *   missing value. An empty cell is always missing.
   */
  constructor(private readonly missingValues: ReadonlySet<string>) {}

  push(text: string): void {
    if (this.length === this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.length++] = this.encode(text);
  }

  /**
   * Builds the column: numeric when every non-missing cell is a finite
   * decimal number, otherwise categorical. A column with no value at all is
   * categorical, with no categories.
   */
  finish(name: string): Column {
    const codes = this.codes.slice(0, this.length);
    const numbers = this.parseTexts();
    if (numbers === undefined || this.texts.length === 0) {
      return {
        name,
        kind: "categorical",
        codes,
        categories: this.texts,
        missingCount: this.missingCount,
      };
    }
    const values = new Float64Array(codes.length);
    for (let row = 0; row < codes.length; row++) {
      const code = codes[row] ?? -1;
      values[row] = code < 0 ? NaN : (numbers[code] ?? NaN);
    }
    return {
      name,
      kind: "numeric",
      values,
      missingCount: this.missingCount,
    };
  }

  private encode(text: string): number {
    const trimmed = text.trim();
    if (trimmed === "" || this.missingValues.has(trimmed)) {
      this.missingCount++;
      return -1;
    }
    let code = this.codeByText.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.texts.push(text);
      this.codeByText.set(text, code);
    }
    return code;
  }

  /** Returns the number of each distinct text, or undefined if one is not. */
  private parseTexts(): number[] | undefined {
    const numbers: number[] = [];
    for (const text of this.texts) {
      const value = parseDecimal(text);
      if (value === undefined) {
        return undefined;
      }
      numbers.push(value);
    }
    return numbers;
  }
}
