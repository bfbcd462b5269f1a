import { describe, expect, it } from "vitest";
import {
  describeReason,
  parseReason,
  undefinedMetricReasons,
  type UndefinedMetricReason,
} from "../../electron/engine/metrics";
import { translate, type StringId } from "../../electron/engine/report/strings";

const reasons = Object.keys(undefinedMetricReasons) as UndefinedMetricReason[];

function stringIdOf(reason: UndefinedMetricReason): StringId {
  return `reason${reason[0]?.toUpperCase()}${reason.slice(1)}` as StringId;
}

describe("undefined-metric reasons", () => {
  it.each(reasons)("report strings match the %s template", (reason) => {
    const params = { value: "42" };

    const english = translate("en", stringIdOf(reason), params);
    const turkish = translate("tr", stringIdOf(reason), params);

    expect(english).toBe(describeReason(reason, params));
    expect(turkish).not.toBe(english);
  });

  it("recovers the reason and its value", () => {
    const text = describeReason("constantLabel", { value: "1169" });

    expect(parseReason(text)).toEqual({
      reason: "constantLabel",
      params: { value: "1169" },
    });
  });

  it("returns null for unknown text", () => {
    expect(parseReason("something else entirely")).toBeNull();
  });
});
