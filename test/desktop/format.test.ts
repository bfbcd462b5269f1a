import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatMetric,
  shortHash,
} from "../../renderer/src/format";

describe("formatBytes", () => {
  it.each([
    // Hand computations: 79,793 / 1000 = 79.793 -> 79.8 kB;
    // 3,974,305 / 1000^2 = 3.974 -> 4 MB; 999,960 / 1000 = 999.96 rounds
    // to 1000.0 kB, so it moves up: 0.99996 -> 1 MB.
    [259, "en-GB", "259 bytes"],
    [79_793, "en-GB", "79.8 kB"],
    [3_974_305, "en-GB", "4 MB"],
    [999_960, "en-GB", "1 MB"],
    [2_500_000_000, "en-GB", "2.5 GB"],
    [79_793, "tr-TR", "79,8 kB"],
    [259, "tr-TR", "259 bayt"],
  ])("formats %d bytes in %s as %s", (bytes, locale, expected) => {
    expect(formatBytes(bytes, locale)).toBe(expected);
  });
});

describe("formatMetric", () => {
  it("shows four decimals with the locale's separator", () => {
    expect(formatMetric(0.49794123, "en-GB")).toBe("0.4979");
    expect(formatMetric(0.49794123, "tr-TR")).toBe("0,4979");
    expect(formatMetric(0.848, "en-GB")).toBe("0.8480");
    expect(formatMetric(1, "en-GB")).toBe("1.0000");
  });
});

describe("shortHash", () => {
  it("keeps the first twelve hex digits", () => {
    const sha256 =
      "d46543ff878d55e969c8b704c416aa4b50424b71bf5db7988417de21b8bb8f3d";

    expect(shortHash(sha256)).toBe("d46543ff878d");
  });
});
