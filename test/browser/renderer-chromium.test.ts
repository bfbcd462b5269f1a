import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  chromium,
  type BrowserContext,
  type ConsoleMessage,
  type Locator,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startBrowserHost,
  type BrowserHost,
} from "../../electron/browser-host";
import { openEngine } from "../../electron/engine/api";
import {
  germanColumns,
  referenceFiles,
  repositoryRoot,
} from "../helpers/workspace";

const chromiumPath = "/usr/bin/chromium";
const hasChromium = fs.existsSync(chromiumPath);
if (!hasChromium) {
  process.stderr.write(
    `Skipping the Chromium tests: ${chromiumPath} is missing ` +
      '(install Debian\'s "chromium" package to run them).\n',
  );
}

/** Flags for headless Chromium run as root, without background traffic. */
const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

/*
 * German credit amount regression (label A5, features A2, A8, A13):
 *   sha256sum ../shared/models/german-credit-amount-linreg.onnx
 *     -> d46543ff878d55e9...; the table shows the first 12 hex digits.
 *   python3: LinearRegression().fit(X, y) on german.data, then
 *     sklearn.metrics.r2_score(y, model.predict(X)) -> 0.4979415698
 *   The table shows metrics with 4 decimals (Intl.NumberFormat), so
 *   "0.4979" in en-GB and "0,4979" in tr-TR; german.data has 1000 lines,
 *   "1,000" in en-GB.
 */
const germanReference = {
  modelName: "german-credit-amount-linreg",
  modelSha256Start: "d46543ff878d",
  datasetName: "german",
  rowsText: "1,000",
  r2Text: "0.4979",
  r2TextTurkish: "0,4979",
};

let workDir = "";
let host: BrowserHost | undefined;
let context: BrowserContext | undefined;
let page: Page;
const consoleErrors: string[] = [];

function buildApp(outDir: string): void {
  const build = spawnSync(
    process.execPath,
    [
      path.join("node_modules", "electron-vite", "bin", "electron-vite.js"),
      "build",
      "--outDir",
      outDir,
      "--logLevel",
      "error",
    ],
    { cwd: repositoryRoot, encoding: "utf8" },
  );
  if (build.status !== 0) {
    throw new Error(`electron-vite build failed:\n${build.stderr}`);
  }
}

/** Registers the model, the dataset and one regression evaluation. */
async function seedStore(storePath: string): Promise<void> {
  const engine = openEngine({ storePath });
  try {
    await engine.run("evaluate", {
      modelPath: referenceFiles.germanModel,
      dataPath: referenceFiles.germanData,
      columns: germanColumns,
      labelColumn: "A5",
    });
  } finally {
    engine.close();
  }
}

/*
 * Page scripts are strings because this file is compiled without the DOM
 * library. The first runs before the page's own scripts and keeps every
 * Content-Security-Policy violation, including any that Chromium does not
 * print to the console.
 */
const recordPolicyViolations = `
  window.policyViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.policyViolations.push(
      event.violatedDirective + " " + event.blockedURI,
    );
  });
`;

async function readPolicyViolations(): Promise<string[]> {
  return (await page.evaluate("window.policyViolations")) as string[];
}

/** Selects a tab by clicking it, as a user would. */
async function openTab(name: RegExp): Promise<void> {
  await page.getByRole("tab", { name }).click();
}

/** Returns the rows of a table's body that contain `text`. */
function rowsWith(tableName: RegExp, text: string): Locator {
  return page
    .getByRole("table", { name: tableName })
    .locator("tbody tr")
    .filter({ hasText: text });
}

async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).trim();
}

async function focusedElement(): Promise<{ role: string; text: string }> {
  const focused = page.locator(":focus");
  if ((await focused.count()) === 0) {
    return { role: "", text: "" };
  }
  return {
    role: (await focused.getAttribute("role")) ?? "",
    text: await textOf(focused),
  };
}

describe.skipIf(!hasChromium)("renderer in Chromium", () => {
  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-browser-"));
    const outDir = path.join(workDir, "out");
    buildApp(outDir);
    const storePath = path.join(workDir, "store.db");
    await seedStore(storePath);

    host = await startBrowserHost({
      storePath,
      rendererDir: path.join(outDir, "renderer"),
    });
    context = await chromium.launchPersistentContext(
      path.join(workDir, "chromium-profile"),
      { executablePath: chromiumPath, headless: true, args: chromiumFlags },
    );
    page = context.pages()[0] ?? (await context.newPage());
    // Fail within the test's time when an element never appears.
    page.setDefaultTimeout(10_000);
    page.on("console", (message: ConsoleMessage) => {
      if (message.type() === "error") {
        consoleErrors.push(`${message.text()} (${message.location().url})`);
      }
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await page.addInitScript({ content: recordPolicyViolations });
    await page.goto(host.url);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await host?.close();
    if (workDir !== "") {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  });

  it("labels every table", async () => {
    await page.getByRole("tab", { name: /^Models/ }).waitFor();

    const tables = await page.locator("table").all();
    const labels = await Promise.all(
      tables.map(async (table) => ({
        caption: await table.locator("caption").allTextContents(),
        ariaLabel: await table.getAttribute("aria-label"),
      })),
    );

    expect(tables).toHaveLength(3);
    for (const label of labels) {
      expect(label.caption.join("") + (label.ariaLabel ?? "")).not.toBe("");
    }
  });

  it("moves between tabs by keyboard", async () => {
    // Refresh and the language select come before the tabs.
    for (let press = 0; press < 5; press += 1) {
      if ((await focusedElement()).role === "tab") {
        break;
      }
      await page.keyboard.press("Tab");
    }
    const first = await focusedElement();

    await page.keyboard.press("ArrowRight");
    const second = await focusedElement();
    await page.keyboard.press("End");
    const last = await focusedElement();
    await page.keyboard.press("Home");
    const home = await focusedElement();
    await page.keyboard.press("Tab");
    const afterTabs = await focusedElement();

    expect(first.role).toBe("tab");
    expect(first.text).toMatch(/^Models/);
    expect(second.text).toMatch(/^Datasets/);
    expect(last.text).toMatch(/^Evaluations/);
    expect(home.text).toMatch(/^Models/);
    expect(afterTabs.role).toBe("tabpanel");
    expect(
      await page
        .getByRole("tab", { name: /^Models/ })
        .getAttribute("aria-selected"),
    ).toBe("true");
  });

  it("lists the model with its version and hash", async () => {
    await openTab(/^Models/);
    const row = rowsWith(/Registered models/, germanReference.modelName);

    expect(await row.count()).toBe(1);
    expect(await textOf(row.getByRole("cell").nth(0))).toBe("1");
    expect(await textOf(row.getByRole("cell").nth(1))).toBe(
      germanReference.modelSha256Start,
    );
  });

  it("lists the dataset with its row count", async () => {
    await openTab(/^Datasets/);
    const row = rowsWith(/Registered datasets/, germanReference.datasetName);

    expect(await row.count()).toBe(1);
    expect(await textOf(row.getByRole("rowheader"))).toBe(
      germanReference.datasetName,
    );
    expect(await textOf(row.getByRole("cell").nth(2))).toBe(
      germanReference.rowsText,
    );
  });

  it("lists the regression evaluation with R²", async () => {
    await openTab(/^Evaluations/);
    const row = rowsWith(/^Evaluations/, `${germanReference.modelName}@1`);
    const cells = row.getByRole("cell");

    expect(await row.count()).toBe(1);
    expect(await textOf(cells.nth(1))).toBe(`${germanReference.datasetName}@1`);
    expect(await textOf(cells.nth(2))).toBe("Regression");
    expect(await textOf(cells.nth(3))).toBe("A5");
    expect(await textOf(cells.nth(4))).toBe(`R² ${germanReference.r2Text}`);
  });

  it("switches the headings to Turkish", async () => {
    await page.getByLabel("Language").selectOption("tr");
    await page.getByRole("tab", { name: /^Modeller/ }).waitFor();

    const tabs = await page.getByRole("tab").allInnerTexts();
    const headings = await page.locator("h2").allTextContents();
    const row = rowsWith(/^Değerlendirmeler/, germanReference.modelName);

    expect(tabs.map((tab) => tab.replace(/\s*\d+$/, ""))).toEqual([
      "Modeller",
      "Veri kümeleri",
      "Değerlendirmeler",
    ]);
    expect(headings).toEqual(["Modeller", "Veri kümeleri", "Değerlendirmeler"]);
    expect(await page.locator("html").getAttribute("lang")).toBe("tr");
    expect(await textOf(row.getByRole("cell").nth(4))).toBe(
      `R² ${germanReference.r2TextTurkish}`,
    );
  });

  it("logs no errors or policy violations", async () => {
    expect(consoleErrors).toEqual([]);
    expect(await readPolicyViolations()).toEqual([]);
  });

  // Shows that the check above can fail: a data: image breaks img-src.
  it("records a policy violation", async () => {
    await page.evaluate(`
      const image = new Image();
      image.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
      document.body.append(image);
    `);
    await page.waitForFunction("window.policyViolations.length > 0");

    // Two reports: the header's policy and index.html's meta tag.
    expect(await readPolicyViolations()).toEqual([
      "img-src data",
      "img-src data",
    ]);
  });
});
