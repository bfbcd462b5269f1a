import { describe, expect, it } from "vitest";
import { parseCsv } from "../../electron/engine/csv";
import { categoricalColumn, cellTexts, invalidInputFrom } from "./helpers";

describe("delimiter detection", () => {
  it.each([
    ["comma", "a,b,c\n1,2,3\n", ","],
    ["semicolon", "a;b;c\n1,5;2,5;3\n", ";"],
    ["tab", "a b\tc\n1 2\t3\n", "\t"],
    ["space", "a b c\n1 2 3\n", " "],
  ])("detects %s", (_, content, expected) => {
    expect(parseCsv(content, "detect.csv").delimiter).toBe(expected);
  });

  it("prefers comma when space also splits", () => {
    // Both split every line into 3 fields, so the tie goes to comma.
    const table = parseCsv("a, b, c\n1, 2, 3\n", "tie.csv");
    expect(table.delimiter).toBe(",");
  });

  it("prefers semicolon over tab and space", () => {
    const table = parseCsv("a;b c\n1;2 3\n", "tie.csv");
    expect(table.delimiter).toBe(";");
  });

  it("ignores delimiters inside quotes", () => {
    // Every line has one comma, so a count of raw characters would pick
    // comma. A quote-aware parse with comma fails on `"Doe, J";30`.
    const content = 'name,first;age\n"Doe, J";30\n"Roe, K";40\n';
    const table = parseCsv(content, "quoted.csv");
    expect(table.delimiter).toBe(";");
    expect(cellTexts(categoricalColumn(table, "name,first"))).toEqual([
      "Doe, J",
      "Roe, K",
    ]);
  });

  it("ignores trailing blank lines", () => {
    expect(parseCsv("a;b\n1;2\n\n\n", "trailing.csv").delimiter).toBe(";");
  });

  it("uses the given delimiter", () => {
    const table = parseCsv("a,b;c\n1,2;3\n", "given.csv", { delimiter: ";" });
    expect(table.delimiter).toBe(";");
    expect(table.columns.map((column) => column.name)).toEqual(["a,b", "c"]);
  });

  it("lists the candidates when none qualifies", () => {
    const content = "a,b\n1,2,3\n";
    const error = invalidInputFrom(() => parseCsv(content, "ragged.csv"));
    expect(error.message).toContain("ragged.csv: cannot detect");
    expect(error.message).toContain("comma (line 2 has 3 fields, expected 2)");
    expect(error.message).toContain("semicolon (1 field per line)");
    expect(error.message).toContain("tab (1 field per line)");
    expect(error.message).toContain("space (1 field per line)");
    expect(error.message).toContain("--delimiter");
  });

  it("rejects a single column without a delimiter", () => {
    const error = invalidInputFrom(() => parseCsv("a\n1\n", "single.csv"));
    expect(error.message).toContain("cannot detect the field delimiter");
  });

  it("reports a later inconsistent line after the sample", () => {
    // Detection reads the first 1,000 records, and line 1,502 is beyond them.
    const rows = Array.from({ length: 1500 }, () => "1,2");
    const content = `a,b\n${rows.join("\n")}\n1,2,3\n`;
    const error = invalidInputFrom(() => parseCsv(content, "late.csv"));
    expect(error.message).toContain("line 1502 has 3 fields, expected 2");
  });
});
