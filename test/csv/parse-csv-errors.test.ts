import { describe, expect, it } from "vitest";
import { parseCsv } from "../../electron/engine/csv";
import { invalidInputFrom } from "./helpers";

describe("parseCsv field count errors", () => {
  it("names the line of a short row", () => {
    const content = "a,b,c,d,e\n1,2,3,4,5\n1,2,3,4,5\n1,2,3,4\n";
    const error = invalidInputFrom(() =>
      parseCsv(content, "short.csv", { delimiter: "," }),
    );
    expect(error.message).toContain(
      "short.csv: line 4 has 4 fields, expected 5.",
    );
    expect(error.message).toContain("--delimiter");
    expect(error.message).not.toContain("\n");
  });

  it("names the line of a long row", () => {
    const content = "a,b\n1,2\n1,2,3\n";
    const error = invalidInputFrom(() =>
      parseCsv(content, "long.csv", { delimiter: "," }),
    );
    expect(error.message).toContain("line 3 has 3 fields, expected 2");
  });

  it("counts quoted newlines in line numbers", () => {
    // Line 1 is the header. The record on lines 2-4 has a quoted field over
    // three lines, and line 5 is the short row.
    const content = 'a,b\n1,"x\ny\nz"\n2\n';
    const error = invalidInputFrom(() =>
      parseCsv(content, "multiline.csv", { delimiter: "," }),
    );
    expect(error.message).toContain("line 5 has 1 fields, expected 2");
  });

  it("counts quoted CRLF line breaks once", () => {
    // Same layout as above with CRLF inside and between records.
    const content = 'a,b\r\n1,"x\r\ny\r\nz"\r\n2,3,4\r\n';
    const error = invalidInputFrom(() =>
      parseCsv(content, "multiline-crlf.csv", { delimiter: "," }),
    );
    expect(error.message).toContain("line 5 has 3 fields, expected 2");
  });

  it("names the line after a byte order mark", () => {
    const content = "\ufeffa,b\n1,2\n3\n";
    const error = invalidInputFrom(() =>
      parseCsv(content, "bom.csv", { delimiter: "," }),
    );
    expect(error.message).toContain("line 3 has 1 fields, expected 2");
  });
});

describe("parseCsv quoting errors", () => {
  it("names where an unclosed quote opens", () => {
    const content = 'a,b,c\n1,2,3\n4,"five,6\n7,8,9\n';
    const error = invalidInputFrom(() =>
      parseCsv(content, "unclosed.csv", { delimiter: "," }),
    );
    expect(error.message).toContain("unclosed.csv: line 3, column 2");
    expect(error.message).toContain("no closing quote");
    expect(error.message).not.toContain("\n");
  });

  it("names the quote line after quoted newlines", () => {
    // The record starts on line 2. Its first field spans lines 2-3, so the
    // unclosed quote of column 3 opens on line 3.
    const content = 'a,b,c\n"p\nq",x,"r""s\n5,6,7\n';
    const error = invalidInputFrom(() =>
      parseCsv(content, "unclosed-late.csv", { delimiter: "," }),
    );
    expect(error.message).toContain("line 3, column 3");
  });

  it("reports an unclosed quote when detecting the delimiter", () => {
    const content = 'a,b\n1,2\n3,"4\n5,6\n';
    const error = invalidInputFrom(() => parseCsv(content, "detect.csv"));
    expect(error.message).toContain("line 3, column 2");
    expect(error.message).toContain("no closing quote");
  });

  it("names text after a closing quote", () => {
    const content = 'a,b\r\n1,2\r\n3,"x"y\r\n';
    const error = invalidInputFrom(() =>
      parseCsv(content, "after-quote.csv", { delimiter: "," }),
    );
    expect(error.message).toContain("after-quote.csv: line 3, column 2");
    expect(error.message).toContain("text follows the closing quote");
  });
});

describe("parseCsv blank line errors", () => {
  it("names a blank line in the middle", () => {
    const content = "a,b\n1,2\n\n3,4\n";
    const error = invalidInputFrom(() => parseCsv(content, "gap.csv"));
    expect(error.message).toContain("gap.csv: line 3 is blank");
  });

  it("names the first of several blank lines", () => {
    const content = "a,b\r\n1,2\r\n\r\n  \r\n3,4\r\n";
    const error = invalidInputFrom(() => parseCsv(content, "gaps.csv"));
    expect(error.message).toContain("line 3 is blank");
  });

  it("names a blank line before the header", () => {
    const content = "\na,b\n1,2\n";
    const error = invalidInputFrom(() =>
      parseCsv(content, "leading.csv", { delimiter: "," }),
    );
    expect(error.message).toContain("line 1 is blank");
  });
});

describe("parseCsv header errors", () => {
  it("names an empty header name", () => {
    const error = invalidInputFrom(() =>
      parseCsv("a,  ,c\n1,2,3\n", "empty-name.csv"),
    );
    expect(error.message).toContain("column 2 of the header line");
    expect(error.message).toContain("is empty");
  });

  it("names a repeated header name", () => {
    const error = invalidInputFrom(() =>
      parseCsv("a,b, a\n1,2,3\n", "repeated.csv"),
    );
    expect(error.message).toContain("column 3 of the header line");
    expect(error.message).toContain('repeats the name "a" of column 1');
  });

  it("names an empty given column name", () => {
    const error = invalidInputFrom(() =>
      parseCsv("1,2\n", "given.csv", { columns: ["a", " "] }),
    );
    expect(error.message).toContain("name 2 of --columns is empty");
  });

  it("names a repeated given column name", () => {
    const error = invalidInputFrom(() =>
      parseCsv("1,2\n", "given.csv", { columns: ["a", "a"] }),
    );
    expect(error.message).toContain("name 2 of --columns repeats");
  });

  it("names both counts when given columns do not match", () => {
    const error = invalidInputFrom(() =>
      parseCsv("1,2,3\n4,5,6\n", "given.csv", { columns: ["a", "b"] }),
    );
    expect(error.message).toContain("--columns gives 2 names");
    expect(error.message).toContain("line 1 has 3 fields");
  });
});

describe("parseCsv empty content errors", () => {
  it.each([
    ["no bytes", ""],
    ["blank lines", "\n\n  \r\n"],
    ["a byte order mark", "\ufeff"],
  ])("rejects a file of %s", (_, content) => {
    const error = invalidInputFrom(() => parseCsv(content, "empty.csv"));
    expect(error.message).toContain("empty.csv: the file is empty");
  });

  it("rejects a header without data rows", () => {
    const error = invalidInputFrom(() =>
      parseCsv("a,b,c\n\n", "header-only.csv"),
    );
    expect(error.message).toContain("header line but no data rows");
  });
});
