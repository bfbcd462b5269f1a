import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../electron/main/content-security-policy";
import {
  createRendererRequestHandler,
  resolveRendererFile,
} from "../../electron/main/renderer-protocol";
import { makeTempFolder } from "../helpers/workspace";

/**
 * Creates a renderer build in a temporary folder, with a file beside it
 * that requests must not reach.
 */
function makeRendererBuild(): string {
  const folder = makeTempFolder();
  const root = path.join(folder, "renderer");
  fs.mkdirSync(path.join(root, "assets"), { recursive: true });
  fs.writeFileSync(path.join(root, "index.html"), "<!doctype html><p>hi</p>");
  fs.writeFileSync(path.join(root, "assets", "index.js"), "export {};\n");
  fs.writeFileSync(path.join(root, "assets", "notes.txt"), "not served");
  fs.writeFileSync(path.join(folder, "secret.html"), "outside the build");
  return root;
}

function get(url: string, method = "GET"): Request {
  return new Request(url, { method });
}

describe("renderer protocol handler", () => {
  it("serves index.html with the security headers", async () => {
    const handle = createRendererRequestHandler(makeRendererBuild());

    const response = await handle(get("app://dossier/index.html"));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "text/html; charset=utf-8",
    );
    expect(response.headers.get("content-security-policy")).toBe(
      contentSecurityPolicy,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe("<!doctype html><p>hi</p>");
  });

  it("serves index.html for the root path", async () => {
    const handle = createRendererRequestHandler(makeRendererBuild());

    const response = await handle(get("app://dossier/"));

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<!doctype html><p>hi</p>");
  });

  it("serves scripts as JavaScript", async () => {
    const handle = createRendererRequestHandler(makeRendererBuild());

    const response = await handle(get("app://dossier/assets/index.js"));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "text/javascript; charset=utf-8",
    );
  });

  it("serves HEAD without a body", async () => {
    const handle = createRendererRequestHandler(makeRendererBuild());

    const response = await handle(get("app://dossier/index.html", "HEAD"));

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it.each([
    ["a missing file", "app://dossier/assets/missing.js"],
    ["a file type the build does not have", "app://dossier/assets/notes.txt"],
    ["a folder", "app://dossier/assets"],
    ["a folder without index.html", "app://dossier/assets/"],
    ["another host", "app://other/index.html"],
    ["a dot-dot path", "app://dossier/../secret.html"],
    ["an encoded dot-dot path", "app://dossier/%2e%2e/secret.html"],
    ["an encoded slash", "app://dossier/..%2fsecret.html"],
    ["an encoded backslash", "app://dossier/..%5csecret.html"],
    ["a malformed escape", "app://dossier/%E0%A4%A.html"],
    ["an encoded NUL byte", "app://dossier/index.html%00.js"],
    ["an encoded NUL byte in a folder", "app://dossier/assets%00/index.js"],
  ])("returns 404 for %s", async (_case, url) => {
    const handle = createRendererRequestHandler(makeRendererBuild());

    const response = await handle(get(url));

    expect(response.status).toBe(404);
  });

  it("rejects POST with 405", async () => {
    const handle = createRendererRequestHandler(makeRendererBuild());

    const response = await handle(get("app://dossier/index.html", "POST"));

    expect(response.status).toBe(405);
  });
});

describe("resolveRendererFile", () => {
  it("keeps paths inside the root", () => {
    const root = path.resolve("/srv/renderer");

    expect(resolveRendererFile(root, "app://dossier/assets/a.js")).toBe(
      path.join(root, "assets", "a.js"),
    );
    expect(
      resolveRendererFile(root, "app://dossier/..%2f..%2fetc/passwd"),
    ).toBe(undefined);
    expect(resolveRendererFile(root, "file:///srv/renderer/index.html")).toBe(
      undefined,
    );
    expect(resolveRendererFile(root, "not a url")).toBe(undefined);
    expect(resolveRendererFile(root, "app://dossier/index.html%00.js")).toBe(
      undefined,
    );
  });
});
