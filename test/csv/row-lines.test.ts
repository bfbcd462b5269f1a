import { describe, expect, it } from "vitest";
import { parseCsv } from "../../electron/engine/csv";
import { describeRow } from "../../electron/engine/data/table";

describe("parseCsv rowLines", () => {
  it("counts the header, quoted newlines and CRLF", () => {
    const content = [
      "id,text", // line 1: header
      "1,a", // line 2: row 1
      '2,"x', // line 3: row 2 starts, its quoted field spans lines 3-4
      'y"',
      "3,b", // line 5: row 3
      "4,c", // line 6: row 4
      "",
    ].join("\r\n");
    const table = parseCsv(content, "rows.csv");
    expect(table.rowLines).toBeInstanceOf(Int32Array);
    expect(Array.from(table.rowLines)).toEqual([2, 3, 5, 6]);
  });

  it("counts a quoted LF inside a CRLF file once", () => {
    // Lines: 1 header, 2-3 row 1 (quoted LF), 4 row 2.
    const content = 'a,b\r\n1,"x\ny"\r\n2,z\r\n';
    const table = parseCsv(content, "mixed.csv");
    expect(Array.from(table.rowLines)).toEqual([2, 4]);
  });

  it("starts at line 1 with given columns", () => {
    const table = parseCsv("1,x\n2,y\n3,z\n", "no-header.csv", {
      columns: ["n", "label"],
    });
    expect(Array.from(table.rowLines)).toEqual([1, 2, 3]);
  });

  it("ignores trailing blank lines", () => {
    const content = "a,b\n1,x\n2,y\n\n  \n\n";
    const table = parseCsv(content, "trailing.csv");
    expect(table.rowLines).toHaveLength(table.rowCount);
    expect(Array.from(table.rowLines)).toEqual([2, 3]);
  });

  it("ignores trailing blank CRLF lines", () => {
    const table = parseCsv("a,b\r\n1,x\r\n\r\n\r\n", "trailing-crlf.csv");
    expect(Array.from(table.rowLines)).toEqual([2]);
  });

  it("gives blank lines of one column their line", () => {
    // Lines: 1 header, 2 "1", 3 blank (a missing value), 4 "3", 5 trailing.
    const table = parseCsv("a\n1\n\n3\n\n", "one-column.csv", {
      delimiter: ",",
    });
    expect(Array.from(table.rowLines)).toEqual([2, 3, 4]);
  });

  it("counts lines after a byte order mark", () => {
    const table = parseCsv("\ufeffa,b\n1,2\n3,4\n", "bom.csv");
    expect(Array.from(table.rowLines)).toEqual([2, 3]);
  });

  it("keeps lines past the first buffer", () => {
    // Row k (0-based) of 3,000 one-line rows is on line k + 2.
    const rows = Array.from({ length: 3000 }, (_, index) => `${index},x`);
    const table = parseCsv(`n,c\n${rows.join("\n")}\n`, "long.csv");
    expect(table.rowLines).toHaveLength(3000);
    expect(table.rowLines[0]).toBe(2);
    expect(table.rowLines[1024]).toBe(1026);
    expect(table.rowLines[2999]).toBe(3001);
  });

  it("lets describeRow name the line", () => {
    const table = parseCsv('a,b\n1,"x\ny"\n2,z\n', "describe.csv");
    // Row 2 (index 1) starts after the header and the two-line row 1.
    expect(describeRow(table, 1)).toBe("line 4");
  });
});
