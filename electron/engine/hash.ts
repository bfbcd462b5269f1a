import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export function sha256Hex(content: Uint8Array | string): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Streams a file through SHA-256 and returns the digest and the byte count. */
export async function hashFile(
  filePath: string,
): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  for await (const chunk of createReadStream(filePath)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    sizeBytes += bytes.length;
  }
  return { sha256: hash.digest("hex"), sizeBytes };
}
