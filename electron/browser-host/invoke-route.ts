import type { IncomingMessage } from "node:http";
import type { Engine } from "../engine/api";
import { failureReply, type JsonReply } from "./json-reply";

/** The path of the API; the renderer's HTTP transport posts to it. */
export const invokePath = "/api/invoke";

/**
 * The maximum request body. An invocation carries file paths and options,
 * a few kilobytes at most, so 1 MiB leaves ample room.
 */
export const maxInvocationBytes = 1024 * 1024;

type BodyReading = { ok: true; text: string } | { ok: false; reply: JsonReply };

/**
 * Handles `POST /api/invoke`: the JSON body `{ operation, request }` goes
 * to `engine.invoke`, and the reply is its result with status 200, failures
 * of the operation included. A request that is not a JSON POST within the
 * size limit gets a 4xx status and a failure result that names the problem.
 */
export async function handleInvoke(
  request: IncomingMessage,
  engine: Pick<Engine, "invoke">,
): Promise<JsonReply> {
  if (request.method !== "POST") {
    return failureReply(
      405,
      "invalidInput",
      `${invokePath} accepts POST only, not ${request.method ?? "(none)"}.`,
      { Allow: "POST" },
    );
  }
  const mediaType = request.headers["content-type"]?.split(";")[0];
  if (mediaType?.trim().toLowerCase() !== "application/json") {
    return failureReply(
      415,
      "invalidInput",
      `Content-Type ${JSON.stringify(request.headers["content-type"] ?? "(missing)")} ` +
        `is not supported: send the invocation as application/json.`,
    );
  }

  const body = await readBody(request);
  if (!body.ok) {
    return body.reply;
  }
  let invocation: unknown;
  try {
    invocation = JSON.parse(body.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failureReply(
      400,
      "invalidInput",
      `The request body is not valid JSON (${reason}): send ` +
        '{"operation": "<name>", "request": {...}}.',
    );
  }
  return { status: 200, body: await engine.invoke(invocation) };
}

/**
 * Reads the body as UTF-8 text up to `maxInvocationBytes`. A larger body is
 * rejected as soon as it is known to be too large, from `Content-Length` or
 * while it arrives. The rest is left unread (Node's server discards it) and
 * the reply closes the connection.
 */
function readBody(request: IncomingMessage): Promise<BodyReading> {
  const declaredLength = Number(request.headers["content-length"] ?? 0);
  if (declaredLength > maxInvocationBytes) {
    return Promise.resolve({ ok: false, reply: tooLarge() });
  }

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer): void => {
      length += chunk.length;
      if (length > maxInvocationBytes) {
        request.off("data", onData);
        request.off("end", onEnd);
        resolve({ ok: false, reply: tooLarge() });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => resolve(decodeBody(Buffer.concat(chunks)));
    request.on("data", onData);
    request.on("end", onEnd);
    request.once("error", reject);
    // Covers a client that goes away without an "error" event; after "end"
    // the promise is already settled and this has no effect.
    request.once("close", () =>
      reject(new Error("The client closed the connection mid-request.")),
    );
  });
}

function decodeBody(bytes: Buffer): BodyReading {
  try {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return {
      ok: false,
      reply: failureReply(
        400,
        "invalidInput",
        "The request body is not valid UTF-8: send the invocation as UTF-8 JSON.",
      ),
    };
  }
}

function tooLarge(): JsonReply {
  return failureReply(
    413,
    "invalidInput",
    `The request body is larger than ${maxInvocationBytes} bytes, the ` +
      "maximum for one invocation: pass data by file path, not inline.",
    { Connection: "close" },
  );
}
