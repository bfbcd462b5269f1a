import { describe, expect, it } from "vitest";
import { parseCsv } from "../../electron/engine/csv";
import { categoricalColumn, cellTexts, numericColumn } from "./helpers";

describe("parseCsv quoting", () => {
  it("keeps delimiters, newlines and doubled quotes in quoted fields", () => {
    const content = [
      "id,text",
      '1,"a, b"',
      '2,"line one',
      'line two"',
      '3,"he said ""hi"""',
      "",
    ].join("\n");
    const table = parseCsv(content, "quotes.csv");
    expect(table.rowCount).toBe(3);
    expect(cellTexts(categoricalColumn(table, "text"))).toEqual([
      "a, b",
      "line one\nline two",
      'he said "hi"',
    ]);
  });

  it("keeps a quote inside an unquoted field as text", () => {
    const table = parseCsv("name,height\nann,5'10\"\n", "height.csv");
    expect(cellTexts(categoricalColumn(table, "height"))).toEqual(["5'10\""]);
  });
});

describe("parseCsv encoding and line endings", () => {
  it("ignores a UTF-8 byte order mark", () => {
    const content = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("age,city\n30,Lyon\n"),
    ]);
    const table = parseCsv(content, "bom.csv");
    expect(table.columns.map((column) => column.name)).toEqual(["age", "city"]);
    expect(Array.from(numericColumn(table, "age").values)).toEqual([30]);
  });

  it("ignores a byte order mark in a string", () => {
    const table = parseCsv("\ufeffage,city\n30,Lyon\n", "bom.csv");
    expect(table.columns[0]?.name).toBe("age");
  });

  it("reads CRLF line endings", () => {
    const table = parseCsv("a,b\r\n1,x\r\n2,y\r\n", "crlf.csv");
    expect(table.rowCount).toBe(2);
    expect(Array.from(numericColumn(table, "a").values)).toEqual([1, 2]);
    expect(cellTexts(categoricalColumn(table, "b"))).toEqual(["x", "y"]);
  });

  it("reads a last line without a line break", () => {
    const table = parseCsv("a,b\n1,x\n2,y", "no-final-newline.csv");
    expect(table.rowCount).toBe(2);
  });
});

describe("parseCsv blank lines", () => {
  it("ignores blank lines at the end", () => {
    const table = parseCsv("a,b\n1,x\n2,y\n\n  \n\n", "trailing.csv");
    expect(table.rowCount).toBe(2);
  });

  it("ignores trailing blank lines with CRLF", () => {
    const table = parseCsv("a,b\r\n1,x\r\n\r\n", "trailing-crlf.csv");
    expect(table.rowCount).toBe(1);
  });

  it("reads a blank line of one column as missing", () => {
    const table = parseCsv("a\n1\n\n3\n\n", "one-column.csv", {
      delimiter: ",",
    });
    const values = numericColumn(table, "a").values;
    expect(table.rowCount).toBe(3);
    expect(Array.from(values)).toEqual([1, NaN, 3]);
    expect(numericColumn(table, "a").missingCount).toBe(1);
  });
});

describe("parseCsv header and column names", () => {
  it("reads and trims the header line", () => {
    const table = parseCsv(' id , "name " \n1,x\n', "header.csv");
    expect(table.hasHeader).toBe(true);
    expect(table.columns.map((column) => column.name)).toEqual(["id", "name"]);
  });

  it("reads the first line as data with given columns", () => {
    const table = parseCsv("1,x\n2,y\n", "no-header.csv", {
      columns: ["n", "label"],
    });
    expect(table.hasHeader).toBe(false);
    expect(table.rowCount).toBe(2);
    expect(Array.from(numericColumn(table, "n").values)).toEqual([1, 2]);
    expect(cellTexts(categoricalColumn(table, "label"))).toEqual(["x", "y"]);
  });
});

describe("parseCsv whitespace", () => {
  it("trims unquoted fields and keeps quoted whitespace", () => {
    const table = parseCsv('a,b\n  x , " y "\n\tz\t,"  "\n', "spaces.csv", {
      missingValues: [],
    });
    expect(cellTexts(categoricalColumn(table, "a"))).toEqual(["x", "z"]);
    // The second quoted value is blank, so it is missing.
    expect(cellTexts(categoricalColumn(table, "b"))).toEqual([" y ", null]);
  });

  it("trims after a comma followed by a space", () => {
    const table = parseCsv(
      "age, workclass\n39, State-gov\n50, Self-emp-not-inc\n",
      "adult-like.csv",
    );
    expect(table.delimiter).toBe(",");
    expect(categoricalColumn(table, "workclass").categories).toEqual([
      "State-gov",
      "Self-emp-not-inc",
    ]);
  });

  it("keeps every space delimiter with the space delimiter", () => {
    const table = parseCsv("a b c\n1 x 2\n3  4\n", "spaces.txt", {
      delimiter: " ",
    });
    // "3  4" has an empty middle field: two delimiters, not one trimmed gap.
    expect(cellTexts(categoricalColumn(table, "b"))).toEqual(["x", null]);
    expect(Array.from(numericColumn(table, "c").values)).toEqual([2, 4]);
  });

  it("keeps quoted spaces with the space delimiter", () => {
    const table = parseCsv('a b\n"x y" 1\n', "quoted-space.txt", {
      delimiter: " ",
    });
    expect(cellTexts(categoricalColumn(table, "a"))).toEqual(["x y"]);
  });

  it("trims around the tab delimiter", () => {
    const table = parseCsv("a\tb\n x \t 1 \n", "tabs.tsv");
    expect(table.delimiter).toBe("\t");
    expect(cellTexts(categoricalColumn(table, "a"))).toEqual(["x"]);
    expect(Array.from(numericColumn(table, "b").values)).toEqual([1]);
  });
});

describe("parseCsv missing values", () => {
  it("treats empty, ? and NA as missing by default", () => {
    const table = parseCsv('n,c\n1,x\n,?\n?,NA\nNA, \n5,"NA"\n', "missing.csv");
    const n = numericColumn(table, "n");
    expect(Array.from(n.values)).toEqual([1, NaN, NaN, NaN, 5]);
    expect(n.missingCount).toBe(3);
    const c = categoricalColumn(table, "c");
    // A quoted "NA" is missing too, as in pandas.read_csv.
    expect(cellTexts(c)).toEqual(["x", null, null, null, null]);
    expect(c.missingCount).toBe(4);
    expect(c.categories).toEqual(["x"]);
  });

  it("uses the given markers instead of the defaults", () => {
    const table = parseCsv("n,c\n-,NA\n2,?\n3,\n", "markers.csv", {
      missingValues: ["-"],
    });
    const n = numericColumn(table, "n");
    expect(Array.from(n.values)).toEqual([NaN, 2, 3]);
    expect(n.missingCount).toBe(1);
    // An empty cell stays missing with any markers.
    expect(cellTexts(categoricalColumn(table, "c"))).toEqual(["NA", "?", null]);
  });

  it("compares markers after trimming", () => {
    const table = parseCsv('n,m\n1, ?\n2," NA "\n', "trim-markers.csv");
    expect(categoricalColumn(table, "m").missingCount).toBe(2);
  });
});

describe("parseCsv column types", () => {
  it("infers numeric columns from decimal numbers", () => {
    const table = parseCsv(
      "n\n-1\n+2.5\n.5\n3.\n1e3\n-2.5E-2\n",
      "numbers.csv",
      { delimiter: "," },
    );
    expect(Array.from(numericColumn(table, "n").values)).toEqual([
      -1, 2.5, 0.5, 3, 1000, -0.025,
    ]);
  });

  it.each([
    ["hexadecimal", "0x10"],
    ["decimal comma", '"1,5"'],
    ["infinity", "Infinity"],
    ["not a number", "NaN"],
    ["overflow", "1e400"],
    ["digit separator", "1_000"],
    ["bare sign", "-"],
  ])("reads a column with %s as categorical", (_, text) => {
    const table = parseCsv(`n\n1\n${text}\n`, "types.csv", {
      delimiter: ",",
    });
    expect(table.columns[0]?.kind).toBe("categorical");
  });

  it("reads an all-missing column as categorical", () => {
    const table = parseCsv("a,b\n1,\n2,?\n", "empty-column.csv");
    const b = categoricalColumn(table, "b");
    expect(b.categories).toEqual([]);
    expect(Array.from(b.codes)).toEqual([-1, -1]);
    expect(b.missingCount).toBe(2);
  });

  it("encodes categories in order of first appearance", () => {
    const table = parseCsv("c\nb\na\nb\nc\n", "order.csv", {
      delimiter: ",",
    });
    const c = categoricalColumn(table, "c");
    expect(c.categories).toEqual(["b", "a", "c"]);
    expect(Array.from(c.codes)).toEqual([0, 1, 0, 2]);
    expect(c.missingCount).toBe(0);
  });

  it("reads a column of many rows", () => {
    // 3,000 rows outgrow the builder's first buffer of 1,024 codes.
    const rows = Array.from({ length: 3000 }, (_, index) => `${index},x`);
    const table = parseCsv(`n,c\n${rows.join("\n")}\n`, "long.csv");
    const values = numericColumn(table, "n").values;
    expect(table.rowCount).toBe(3000);
    expect(values[2999]).toBe(2999);
    // Sum of 0..2999 = 2999 * 3000 / 2.
    expect(values.reduce((sum, value) => sum + value, 0)).toBe(4498500);
  });
});
