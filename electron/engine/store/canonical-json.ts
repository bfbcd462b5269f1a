/**
 * Serialises a JSON value in the JSON Canonicalization Scheme (RFC 8785):
 * object keys sorted by UTF-16 code units, no whitespace, and strings and
 * numbers as ECMAScript's JSON.stringify writes them, which is how RFC 8785
 * defines them. Written here because the scheme is that short for the plain
 * JSON values that audit payloads hold.
 *
 * @throws TypeError for values JSON cannot represent (undefined, functions,
 * bigint, non-finite numbers).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean") {
    return JSON.stringify(value);
  }
  if (typeof value === "string") {
    return JSON.stringify(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new TypeError(`Cannot canonicalise the number ${value}`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(",")}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([left], [right]) => compareCodeUnits(left, right));
    const members = entries.map(
      ([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`,
    );
    return `{${members.join(",")}}`;
  }
  throw new TypeError(`Cannot canonicalise a value of type ${typeof value}`);
}

/** Orders strings by UTF-16 code units, as RFC 8785 requires. */
function compareCodeUnits(left: string, right: string): number {
  if (left < right) {
    return -1;
  }
  return left > right ? 1 : 0;
}
