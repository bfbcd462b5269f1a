import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../electron/engine/store/canonical-json";

describe("canonicalJson", () => {
  it("sorts keys by UTF-16 code units", () => {
    // RFC 8785 section 3.2.3 sorts "\u20ac" (0x20AC) after "\r" (0x000D)
    // and "1" (0x0031), and uppercase before lowercase.
    const value = { b: 1, a: 2, B: 3, "\u20ac": 4, "\r": 5, "1": 6 };

    expect(canonicalJson(value)).toBe(
      '{"\\r":5,"1":6,"B":3,"a":2,"b":1,"\u20ac":4}',
    );
  });

  it("writes numbers as ECMAScript does", () => {
    // RFC 8785 section 3.2.2.3: 1e21 stays exponential, 1e-7 too, and
    // -0 serialises as 0.
    expect(canonicalJson([1e21, 1e-7, -0, 0.1, 100])).toBe(
      "[1e+21,1e-7,0,0.1,100]",
    );
  });

  it("nests objects and arrays without whitespace", () => {
    expect(canonicalJson({ z: [true, null, "x"], y: { d: 1, c: 2 } })).toBe(
      '{"y":{"c":2,"d":1},"z":[true,null,"x"]}',
    );
  });

  it("rejects values JSON cannot hold", () => {
    expect(() => canonicalJson({ value: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
  });
});
