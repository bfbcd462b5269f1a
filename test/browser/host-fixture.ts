import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterEach } from "vitest";
import {
  startBrowserHost,
  type BrowserHost,
} from "../../electron/browser-host";
import { makeTempFolder } from "../helpers/workspace";

export const indexHtml = "<!doctype html><title>Dossier</title>";

/** The file beside the renderer build that no request may reach. */
export const outsideFileText = '{"name": "outside the build"}';

const startedHosts: BrowserHost[] = [];

afterEach(async () => {
  await Promise.all(startedHosts.splice(0).map((host) => host.close()));
});

/**
 * Creates a small renderer build in a temporary folder, with a package.json
 * beside it as a path traversal would find it in the repository.
 */
export function makeRendererBuild(): string {
  const folder = makeTempFolder();
  const root = path.join(folder, "renderer");
  fs.mkdirSync(path.join(root, "assets"), { recursive: true });
  fs.writeFileSync(path.join(root, "index.html"), indexHtml);
  fs.writeFileSync(path.join(root, "assets", "index.js"), "export {};\n");
  fs.writeFileSync(path.join(folder, "package.json"), outsideFileText);
  return root;
}

/** Starts a host on a free port over a new store, stopped after the test. */
export async function startTestHost(
  rendererDir = makeRendererBuild(),
): Promise<BrowserHost> {
  const host = await startBrowserHost({
    storePath: path.join(makeTempFolder(), "store.db"),
    rendererDir,
  });
  startedHosts.push(host);
  return host;
}

export type RawRequest = {
  method?: string;
  /** Sent as written, without the normalising that fetch applies. */
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
};

export type RawReply = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
};

/** Sends one HTTP request to `host` exactly as given. */
export function send(
  host: BrowserHost,
  request: RawRequest,
): Promise<RawReply> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method ?? "GET",
        path: request.path,
        headers: request.headers,
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        incoming.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/** Posts `body` to the API as the host's own page would. */
export function postInvocation(
  host: BrowserHost,
  body: string | Buffer,
  headers: Record<string, string | number> = {},
): Promise<RawReply> {
  return send(host, {
    method: "POST",
    path: "/api/invoke",
    headers: {
      "Content-Type": "application/json",
      Origin: new URL(host.url).origin,
      "Sec-Fetch-Site": "same-origin",
      ...headers,
    },
    body,
  });
}
