import { isUtf8 } from "node:buffer";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../electron/engine/csv";
import { findInvalidUtf8 } from "../../electron/engine/csv/encoding";
import { categoricalColumn, cellTexts, invalidInputFrom } from "./helpers";

/**
 * Returns the C0 and C1 control characters and U+FFFD replacement characters
 * in `text`, as code points, so that an assertion shows what it found.
 */
function findUnprintable(text: string): number[] {
  return Array.from(text, (char) => char.codePointAt(0) ?? 0).filter(
    (code) => code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffd,
  );
}

describe("parseCsv UTF-8 validation", () => {
  it("names the line and offset of a Latin-1 byte", () => {
    const content = Buffer.from(
      "name,city\nAnn,Paris\nJ\xd6rg,Wien\n",
      "latin1",
    );
    const error = invalidInputFrom(() => parseCsv(content, "latin1.csv"));
    // python3 -c "b = open('latin1.csv','rb').read(); b.decode('utf-8')"
    //   ->  UnicodeDecodeError ... byte 0xd6 in position 21
    // Bytes 0-9 are line 1 and bytes 10-19 line 2, so offset 21 is line 3.
    expect(error.message).toContain(
      "latin1.csv: line 3, byte offset 21: byte 0xD6 is not valid UTF-8.",
    );
    expect(error.message).toContain("iconv -f latin1 -t utf-8");
    expect(findUnprintable(error.message)).toEqual([]);
  });

  it("counts CRLF and quoted line breaks", () => {
    const content = Buffer.from('a,b\r\n1,"x\r\ny"\r\n2,\xe9\r\n', "latin1");
    const error = invalidInputFrom(() => parseCsv(content, "crlf.csv"));
    // Python: error at position 17. Lines: "a,b", '1,"x', 'y"', "2,\xe9".
    expect(error.message).toContain("line 4, byte offset 17: byte 0xE9");
  });

  it("rejects gzip-like binary without echoing it", () => {
    const content = Buffer.from([
      0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x0a, 0xff,
    ]);
    const error = invalidInputFrom(() => parseCsv(content, "data.csv.gz"));
    // Python: "invalid start byte" 0x8b at position 1.
    expect(error.message).toContain("line 1, byte offset 1: byte 0x8B");
    expect(error.message).toContain("gzip");
    expect(findUnprintable(error.message)).toEqual([]);
  });

  it("rejects a real gzip file", () => {
    const content = gzipSync(Buffer.from("a,b\n1,2\n"));
    const error = invalidInputFrom(() => parseCsv(content, "real.csv.gz"));
    expect(error.message).toContain("real.csv.gz: line 1, byte offset 1");
    expect(findUnprintable(error.message)).toEqual([]);
  });

  it("recognizes a ZIP archive", () => {
    const content = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x80]);
    const error = invalidInputFrom(() => parseCsv(content, "book.xlsx"));
    expect(error.message).toContain("byte offset 6: byte 0x80");
    expect(error.message).toContain("ZIP archive");
    expect(findUnprintable(error.message)).toEqual([]);
  });

  it("recognizes UTF-16 with a byte order mark", () => {
    const content = Buffer.from("\ufeffa,b\n1,2\n", "utf16le");
    const error = invalidInputFrom(() => parseCsv(content, "utf16.csv"));
    // Python: 0xff at position 0 is an invalid start byte.
    expect(error.message).toContain("line 1, byte offset 0: byte 0xFF");
    expect(error.message).toContain("iconv -f utf-16 -t utf-8");
  });

  it("reads UTF-8 Turkish text", () => {
    const content = Buffer.from("şehir,ad\nİstanbul,ığdır\nİzmir,Işık\n");
    const table = parseCsv(content, "turkish.csv");
    expect(table.columns.map((column) => column.name)).toEqual(["şehir", "ad"]);
    expect(cellTexts(categoricalColumn(table, "ad"))).toEqual([
      "ığdır",
      "Işık",
    ]);
  });

  it("reads a UTF-8 byte order mark", () => {
    const content = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("ğ,b\n1,2\n"),
    ]);
    expect(parseCsv(content, "bom.csv").columns[0]?.name).toBe("ğ");
  });
});

describe("findInvalidUtf8", () => {
  // Each offset comes from Python: b.decode("utf-8") raises
  // UnicodeDecodeError with that `start`.
  it.each([
    ["overlong two bytes", [0x61, 0x62, 0xc0, 0x80], 2],
    ["lead byte 0xC1", [0xc1, 0xbf], 0],
    ["overlong three bytes", [0xe0, 0x9f, 0xbf], 0],
    ["overlong four bytes", [0xf0, 0x8f, 0xbf, 0xbf], 0],
    ["surrogate", [0x61, 0x2c, 0xed, 0xa0, 0x80], 2],
    ["above U+10FFFF", [0x78, 0xf4, 0x90, 0x80, 0x80], 1],
    ["lead byte 0xF5", [0x6f, 0x6b, 0xf5, 0x80, 0x80, 0x80], 2],
    ["lone continuation", [0x80], 0],
    ["truncated at the end", [0x61, 0x62, 0x63, 0xe2, 0x82], 3],
    ["truncated before ASCII", [0x61, 0xe2, 0x82, 0x2c, 0x62], 1],
  ])("finds %s", (_, bytes, expected) => {
    expect(findInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
  });

  it("accepts the limits of each sequence length", () => {
    // U+1F600, U+10FFFF and U+D7FF, the last code point before surrogates.
    const bytes = [
      0xf0, 0x9f, 0x98, 0x80, 0xf4, 0x8f, 0xbf, 0xbf, 0xed, 0x9f, 0xbf,
    ];
    expect(findInvalidUtf8(Uint8Array.from(bytes))).toBe(bytes.length);
  });

  it("agrees with the native validator on random bytes", () => {
    // Each sample encodes random code points and, half of the time, replaces
    // one byte with a random byte. A fixed linear congruential generator
    // (Numerical Recipes constants) keeps the samples the same on every run.
    let state = 12345;
    const nextInt = (limit: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return Math.floor((state / 2 ** 32) * limit);
    };
    let validCount = 0;
    for (let sample = 0; sample < 5000; sample++) {
      const codePoints = Array.from({ length: 1 + nextInt(3) }, () =>
        nextInt(0x110000),
      );
      const bytes = Buffer.from(String.fromCodePoint(...codePoints));
      if (nextInt(2) === 0) {
        bytes[nextInt(bytes.length)] = nextInt(256);
      }
      const valid = isUtf8(bytes);
      validCount += valid ? 1 : 0;
      expect(
        findInvalidUtf8(bytes) === bytes.length,
        bytes.toString("hex"),
      ).toBe(valid);
    }
    // Both outcomes occur often enough for the comparison to mean something.
    expect(validCount).toBeGreaterThan(1000);
    expect(validCount).toBeLessThan(4000);
  });
});
