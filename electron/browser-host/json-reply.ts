import type { ServerResponse } from "node:http";
import type { Result } from "../../shared/contract";

type ErrorCode = Extract<Result<unknown>, { ok: false }>["error"]["code"];

/** A JSON reply: the body is a `Result`, also for rejected requests. */
export type JsonReply = {
  status: number;
  body: Result<unknown>;
  headers?: Readonly<Record<string, string>>;
};

export function failureReply(
  status: number,
  code: ErrorCode,
  message: string,
  headers?: Readonly<Record<string, string>>,
): JsonReply {
  return { status, body: { ok: false, error: { code, message } }, headers };
}

/** Writes `reply` as JSON, marked not to be cached because results change. */
export function sendJson(response: ServerResponse, reply: JsonReply): void {
  const body = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    ...reply.headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(body);
}
