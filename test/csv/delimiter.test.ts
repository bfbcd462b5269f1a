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

describe("delimiter detection with a bad line", () => {
  /** Returns a header of `width` fields and 19 data rows, one line each. */
  const linesOf = (width: number, separator = ",") => {
    const fields = (row: number) =>
      Array.from({ length: width }, (_, index) => row * 10 + index);
    return [
      Array.from({ length: width }, (_, index) => `c${index}`).join(separator),
      ...Array.from({ length: 19 }, (_, row) => fields(row).join(separator)),
    ];
  };

  it("names a short line of a comma file", () => {
    // 20 lines: the header and 19 rows of 5 fields, then line 10 loses one.
    const lines = linesOf(5);
    lines[9] = "1,2,3,4";
    const content = `${lines.join("\n")}\n`;
    const error = invalidInputFrom(() => parseCsv(content, "data.csv"));
    expect(error.message).toContain(
      "data.csv: line 10 has 4 fields, expected 5 " +
        "(delimiter detected as comma",
    );
    // The other 19 of the 20 lines have 5 fields.
    expect(error.message).toContain("splits 19 of the first 20 records");
    expect(error.message).toContain("--delimiter");
    expect(error.message).not.toContain("cannot detect");
  });

  it("names a long line of a semicolon file", () => {
    const lines = linesOf(3, ";");
    lines[14] = "1;2;3;4";
    const content = `${lines.join("\r\n")}\r\n`;
    const error = invalidInputFrom(() => parseCsv(content, "data.csv"));
    expect(error.message).toContain(
      "line 15 has 4 fields, expected 3 (delimiter detected as semicolon",
    );
  });

  it("names a header that differs from the rows", () => {
    const lines = linesOf(4);
    lines[0] = "a,b,c";
    const error = invalidInputFrom(() =>
      parseCsv(lines.join("\n"), "header.csv"),
    );
    expect(error.message).toContain("line 1 has 3 fields, expected 4");
  });

  it("names comma when spaces follow the commas", () => {
    // The space also splits every line into 4 fields and line 8 into 3, so
    // both find the same bad line and the tie goes to comma.
    const lines = linesOf(4, ", ");
    lines[7] = "1, 2, 3";
    const error = invalidInputFrom(() =>
      parseCsv(lines.join("\n"), "spaced.csv"),
    );
    expect(error.message).toContain(
      "line 8 has 3 fields, expected 4 (delimiter detected as comma",
    );
  });

  it("counts the line of a record after quoted newlines", () => {
    // Row 2 spans lines 3-4, so the short row 7 is on line 9.
    const lines = linesOf(3);
    lines[2] = '"x\ny",2,3';
    lines[7] = "1,2";
    const error = invalidInputFrom(() =>
      parseCsv(lines.join("\n"), "multiline.csv"),
    );
    expect(error.message).toContain("line 9 has 2 fields, expected 3");
  });

  it("does not guess when candidates disagree", () => {
    // Every line is "x,y;z": comma and semicolon each split it into 2
    // fields. Line 5 is bad only for comma and line 12 only for semicolon.
    const lines = Array.from({ length: 20 }, (_, row) => `${row},a;b`);
    lines[4] = "p,q,r;s";
    lines[11] = "p,q;r;s";
    const error = invalidInputFrom(() =>
      parseCsv(lines.join("\n"), "ambiguous.csv"),
    );
    expect(error.message).toContain("cannot detect the field delimiter");
    expect(error.message).toContain("comma (line 5 has 3 fields, expected 2)");
    expect(error.message).toContain(
      "semicolon (line 12 has 3 fields, expected 2)",
    );
  });

  it("does not guess when more than a tenth of lines differ", () => {
    // 3 of 20 lines differ, so comma splits only 85% of them alike.
    const lines = linesOf(5);
    lines[3] = "1,2,3,4";
    lines[9] = "1,2,3,4";
    lines[15] = "1,2,3,4";
    const error = invalidInputFrom(() =>
      parseCsv(lines.join("\n"), "ragged.csv"),
    );
    expect(error.message).toContain("cannot detect the field delimiter");
    expect(error.message).toContain("comma (line 4 has 4 fields, expected 5)");
  });
});
