import http from "node:http";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  invokePath as hostInvokePath,
  startBrowserHost,
} from "../../electron/browser-host";
import { maxInvocationBytes } from "../../electron/browser-host/invoke-route";
import { browserHostContentSecurityPolicy } from "../../electron/browser-host/static-route";
import { contentSecurityPolicy } from "../../electron/main/content-security-policy";
import { createClient } from "../../renderer/src/api/client";
import {
  httpTransport,
  invokePath as rendererInvokePath,
} from "../../renderer/src/api/http-transport";
import { loadInventory } from "../../renderer/src/api/inventory";
import { makeTempFolder } from "../helpers/workspace";
import {
  indexHtml,
  makeRendererBuild,
  outsideFileText,
  postInvocation,
  send,
  startTestHost,
} from "./host-fixture";

const listModels = JSON.stringify({ operation: "listModels", request: {} });

describe("browser host API", () => {
  it("passes an invocation to the engine", async () => {
    const host = await startTestHost();

    const reply = await postInvocation(host, listModels);

    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe(
      "application/json; charset=utf-8",
    );
    expect(reply.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
  });

  it("serves the renderer client over fetch", async () => {
    const host = await startTestHost();
    const client = createClient(
      httpTransport(new URL("api/invoke", host.url).href),
    );

    const inventory = await loadInventory(client);

    expect(inventory).toEqual({
      models: { ok: true, value: [] },
      datasets: { ok: true, value: [] },
      evaluations: { ok: true, value: [] },
    });
  });

  it("shares its path with the renderer", () => {
    expect(hostInvokePath).toBe(rendererInvokePath);
  });

  it("returns the engine's failure for an unknown operation", async () => {
    const host = await startTestHost();

    const reply = await postInvocation(
      host,
      JSON.stringify({ operation: "dropTables", request: {} }),
    );

    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe("invalidInput");
    expect(body.error.message).toContain("Invalid invocation");
  });

  it("rejects a body that is not JSON", async () => {
    const host = await startTestHost();

    const reply = await postInvocation(host, "{operation: listModels");

    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe("invalidInput");
    expect(body.error.message).toContain("not valid JSON");
  });

  it("rejects a body that is not UTF-8", async () => {
    const host = await startTestHost();

    const reply = await postInvocation(host, Buffer.from([0x7b, 0xff, 0x7d]));

    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toContain("not valid UTF-8");
  });

  it("rejects another content type", async () => {
    const host = await startTestHost();

    const reply = await postInvocation(host, listModels, {
      "Content-Type": "text/plain",
    });

    expect(reply.status).toBe(415);
    expect(JSON.parse(reply.body).ok).toBe(false);
  });

  it.each(["GET", "PUT", "DELETE"])("rejects %s with 405", async (method) => {
    const host = await startTestHost();

    const reply = await send(host, { method, path: "/api/invoke" });

    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("POST");
    expect(JSON.parse(reply.body).ok).toBe(false);
  });

  it("rejects a declared body over the limit", async () => {
    const host = await startTestHost();
    const body = Buffer.alloc(maxInvocationBytes + 1, " ");

    const reply = await postInvocation(host, body);

    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.code).toBe("invalidInput");
  });

  it("rejects a chunked body over the limit", async () => {
    const host = await startTestHost();
    const body = Buffer.alloc(maxInvocationBytes + 1, " ");

    const reply = await postInvocation(host, body, {
      "Transfer-Encoding": "chunked",
    });

    expect(reply.status).toBe(413);
  });

  it("accepts a body at the limit", async () => {
    const host = await startTestHost();
    const padding = " ".repeat(maxInvocationBytes - listModels.length);

    const reply = await postInvocation(host, listModels + padding);

    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
  });
});

describe("browser host request guard", () => {
  it.each([
    ["a DNS name", "attacker.example"],
    ["localhost", "localhost"],
    ["another port", "127.0.0.1:1"],
  ])("rejects a Host header with %s", async (_case, hostHeader) => {
    const host = await startTestHost();
    const port = new URL(host.url).port;
    const value = hostHeader.includes(":")
      ? hostHeader
      : `${hostHeader}:${port}`;

    const reply = await postInvocation(host, listModels, { Host: value });

    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.message).toContain("Host header");
  });

  it("rejects a rebound Host for static files", async () => {
    const host = await startTestHost();
    const port = new URL(host.url).port;

    const reply = await send(host, {
      path: "/",
      headers: { Host: `attacker.example:${port}` },
    });

    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain(indexHtml);
  });

  it.each(["http://attacker.example", "null", "http://localhost"])(
    "rejects the Origin %s",
    async (origin) => {
      const host = await startTestHost();

      const reply = await postInvocation(host, listModels, { Origin: origin });

      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body).error.message).toContain("Origin");
    },
  );

  it("accepts a request without Origin", async () => {
    const host = await startTestHost();

    const reply = await send(host, {
      method: "POST",
      path: "/api/invoke",
      headers: { "Content-Type": "application/json" },
      body: listModels,
    });

    expect(reply.status).toBe(200);
  });

  it.each(["cross-site", "same-site", "none"])(
    "rejects Sec-Fetch-Site %s on the API",
    async (site) => {
      const host = await startTestHost();

      const reply = await postInvocation(host, listModels, {
        "Sec-Fetch-Site": site,
      });

      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body).error.message).toContain("Sec-Fetch-Site");
    },
  );

  it("serves the page to a typed address", async () => {
    const host = await startTestHost();

    const reply = await send(host, {
      path: "/",
      headers: { "Sec-Fetch-Site": "none" },
    });

    expect(reply.status).toBe(200);
  });

  it("rejects a cross-site load of the page", async () => {
    const host = await startTestHost();

    const reply = await send(host, {
      path: "/",
      headers: { "Sec-Fetch-Site": "cross-site" },
    });

    expect(reply.status).toBe(403);
  });
});

describe("browser host static files", () => {
  it("serves index.html with the Content-Security-Policy", async () => {
    const host = await startTestHost();

    const reply = await send(host, { path: "/" });

    expect(reply.status).toBe(200);
    expect(reply.body).toBe(indexHtml);
    expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(reply.headers["content-security-policy"]).toBe(
      browserHostContentSecurityPolicy,
    );
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("keeps the desktop policy and forbids framing", () => {
    const directives = browserHostContentSecurityPolicy.split("; ");

    expect(directives).toEqual([
      ...contentSecurityPolicy.split("; "),
      "frame-ancestors 'none'",
    ]);
    expect(directives).toContain("connect-src 'self'");
  });

  it("serves scripts as JavaScript", async () => {
    const host = await startTestHost();

    const reply = await send(host, { path: "/assets/index.js?v=1" });

    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe(
      "text/javascript; charset=utf-8",
    );
  });

  it.each([
    "/../package.json",
    "/../../package.json",
    "/%2e%2e/package.json",
    "/%2E%2E/package.json",
    "/..%2fpackage.json",
    "/..%2Fpackage.json",
    "/%2e%2e%2fpackage.json",
    "/assets/..%2f..%2fpackage.json",
    "/assets/%2e%2e/%2e%2e/package.json",
    "/..%5cpackage.json",
    "/%252e%252e/package.json",
    "/%00/../package.json",
    "//package.json",
  ])("keeps %s inside the build", async (target) => {
    const host = await startTestHost();

    const reply = await send(host, { path: target });

    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain(outsideFileText);
  });

  it.each(["/index.html%00.js", "/assets%00/index.js", "/%00"])(
    "returns 404 without a path for %s",
    async (target) => {
      const rendererDir = makeRendererBuild();
      const host = await startTestHost(rendererDir);

      const reply = await send(host, { path: target });

      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain(rendererDir);
    },
  );

  it("answers the icon request with no content", async () => {
    const host = await startTestHost();

    const reply = await send(host, { path: "/favicon.ico" });

    expect(reply.status).toBe(204);
  });

  it("serves HEAD without a body", async () => {
    const host = await startTestHost();

    const reply = await send(host, { method: "HEAD", path: "/index.html" });

    expect(reply.status).toBe(200);
    expect(reply.body).toBe("");
  });

  it("rejects an absolute request target", async () => {
    const host = await startTestHost();

    const reply = await send(host, { path: `${host.url}index.html` });

    expect(reply.status).toBe(400);
  });

  it("rejects POST to a static path", async () => {
    const host = await startTestHost();

    const reply = await send(host, { method: "POST", path: "/index.html" });

    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("GET, HEAD");
  });
});

describe("browser host lifecycle", () => {
  it("listens on 127.0.0.1 only", async () => {
    const host = await startTestHost();

    expect(new URL(host.url).hostname).toBe("127.0.0.1");
  });

  it("stops accepting connections on close", async () => {
    const host = await startTestHost();
    const port = Number(new URL(host.url).port);

    await host.close();

    await expect(connect(port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("finishes a running request on close", async () => {
    const host = await startTestHost();
    const url = new URL(host.url);
    const request = http.request({
      host: url.hostname,
      port: url.port,
      method: "POST",
      path: "/api/invoke",
      headers: { "Content-Type": "application/json" },
    });
    const reply = new Promise<string>((resolve, reject) => {
      request.on("response", (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve(Buffer.concat(chunks).toString("utf8")),
        );
      });
      request.on("error", reject);
    });

    // The host is reading the body when close() begins.
    request.write(listModels.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = host.close();
    request.end(listModels.slice(10));

    expect(JSON.parse(await reply)).toEqual({ ok: true, value: [] });
    await expect(closed).resolves.toBeUndefined();
  });

  it("rejects a missing renderer build", async () => {
    const rendererDir = path.join(makeTempFolder(), "renderer");

    await expect(
      startBrowserHost({
        storePath: path.join(makeTempFolder(), "store.db"),
        rendererDir,
      }),
    ).rejects.toThrow(/index\.html does not exist.*npm run build/);
  });

  it("rejects a port in use", async () => {
    const host = await startTestHost();
    const port = Number(new URL(host.url).port);

    await expect(
      startBrowserHost({
        storePath: path.join(makeTempFolder(), "store.db"),
        rendererDir: makeRendererBuild(),
        port,
      }),
    ).rejects.toThrow(`Port ${port} on 127.0.0.1 is in use`);
  });

  it.each([-1, 65_536, 1.5])("rejects the port %s", async (port) => {
    await expect(
      startBrowserHost({
        storePath: path.join(makeTempFolder(), "store.db"),
        rendererDir: makeRendererBuild(),
        port,
      }),
    ).rejects.toThrow(`Port ${port} is invalid`);
  });
});

function connect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("error", reject);
  });
}
