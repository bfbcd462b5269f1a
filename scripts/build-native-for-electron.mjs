/**
 * Builds better-sqlite3's native addon for the installed Electron and writes
 * it to out/native/electron-<version>-<platform>-<arch>/better_sqlite3.node,
 * where the Electron main process loads it through better-sqlite3's
 * `nativeBinding` option.
 *
 * The build runs in a temporary copy of the package, so that
 * node_modules/better-sqlite3/build keeps the addon for Node's ABI that the
 * tests and the command line load. Both builds can then live in one checkout,
 * and `npm test` and `npm start` work in either order.
 *
 * It needs a C++ toolchain and the network (node-gyp downloads Electron's
 * headers from electronjs.org once into ~/.electron-gyp). It does nothing
 * when the addon for this Electron version already exists.
 *
 * Usage: node scripts/build-native-for-electron.mjs [--arch <arch>] [--force]
 *        [--dry-run]
 *
 * electron-builder also calls `beforePack` below for each platform and arch
 * that it packs.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const projectRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
);
const requireFromProject = createRequire(
  path.join(projectRoot, "package.json"),
);

/** Download URL of Electron's headers, the same that @electron/rebuild uses. */
const electronHeadersUrl = "https://www.electronjs.org/headers";

/**
 * Returns the addon's path for a target below `root`. It must match
 * electronNativeBindingPath in electron/main/native-binding.ts, which the
 * main process uses to find the file.
 */
export function nativeAddonPath(root, { electronVersion, platform, arch }) {
  return path.join(
    root,
    "out",
    "native",
    `electron-${electronVersion}-${platform}-${arch}`,
    "better_sqlite3.node",
  );
}

/**
 * Returns the node-gyp arguments that build for Electron. The arch names are
 * Node's (`process.arch`), which node-gyp expects too.
 */
export function nodeGypArguments({ electronVersion, arch, devDir }) {
  return [
    "rebuild",
    "--release",
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${electronHeadersUrl}`,
    `--devdir=${devDir}`,
    "--jobs=max",
  ];
}

export function installedElectronVersion() {
  return requireFromProject("electron/package.json").version;
}

function betterSqlitePackageDir() {
  return path.dirname(
    requireFromProject.resolve("better-sqlite3/package.json"),
  );
}

/**
 * Returns the node-gyp script: npm's own when npm runs this script (npm sets
 * npm_config_node_gyp), else the copy installed in node_modules.
 */
function nodeGypScript() {
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm !== undefined && fs.existsSync(fromNpm)) {
    return fromNpm;
  }
  try {
    return requireFromProject.resolve("node-gyp/bin/node-gyp.js");
  } catch {
    throw new Error(
      "node-gyp was not found: run this script through npm (npm start), " +
        "which provides it, or install node-gyp.",
    );
  }
}

/**
 * Describes the build for `target`: the output file, the folder to copy and
 * the node-gyp command. Reads nothing but the installed packages.
 */
export function planBuild(target) {
  const packageDir = betterSqlitePackageDir();
  return {
    target,
    output: nativeAddonPath(projectRoot, target),
    packageDir,
    command: [
      process.execPath,
      nodeGypScript(),
      ...nodeGypArguments({
        electronVersion: target.electronVersion,
        arch: target.arch,
        devDir: path.join(os.homedir(), ".electron-gyp"),
      }),
    ],
  };
}

/**
 * Copies better-sqlite3 without its build folder into a temporary folder,
 * runs the plan's command there and moves the addon to the plan's output.
 * The output appears in one rename, so an interrupted build leaves no file
 * that a later run would take for a finished one.
 *
 * @throws Error when node-gyp fails; its output is on standard error.
 */
export function runBuild(plan) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-native-"));
  const copyDir = path.join(workDir, "better-sqlite3");
  const buildDir = path.join(plan.packageDir, "build");
  try {
    fs.cpSync(plan.packageDir, copyDir, {
      recursive: true,
      filter: (source) => source !== buildDir,
    });

    const [executable, ...args] = plan.command;
    const result = spawnSync(executable, args, {
      cwd: copyDir,
      stdio: "inherit",
    });
    if (result.error !== undefined || result.status !== 0) {
      const reason = result.error?.message ?? `exit status ${result.status}`;
      throw new Error(
        `node-gyp failed (${reason}) while building better-sqlite3 for ` +
          `Electron ${plan.target.electronVersion} in ${copyDir}. Check that ` +
          `a C++ toolchain is installed and that ${electronHeadersUrl} is ` +
          "reachable.",
      );
    }

    const built = path.join(copyDir, "build", "Release", "better_sqlite3.node");
    const partial = `${plan.output}.partial-${process.pid}`;
    fs.mkdirSync(path.dirname(plan.output), { recursive: true });
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, plan.output);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Builds the addon for `target` unless it exists. Returns what happened, so
 * that the caller can report it.
 */
export function buildElectronAddon(
  target,
  { force = false, dryRun = false } = {},
) {
  const output = nativeAddonPath(projectRoot, target);
  if (!force && fs.existsSync(output)) {
    return { action: "skipped", target, output };
  }
  const plan = planBuild(target);
  if (dryRun) {
    return { action: "planned", target, output, plan };
  }
  runBuild(plan);
  return { action: "built", target, output };
}

/** electron-builder's `Arch` enum (builder-util) mapped to Node's names. */
const electronBuilderArchs = {
  0: "ia32",
  1: "x64",
  2: "arm",
  3: "arm64",
};

/**
 * electron-builder's beforePack hook: builds the addon for the platform and
 * arch being packed, so that out/** carries it into the package.
 */
export async function beforePack(context) {
  const platform =
    context.electronPlatformName === "mas"
      ? "darwin"
      : context.electronPlatformName;
  const arch = electronBuilderArchs[context.arch];
  if (arch === undefined) {
    throw new Error(
      `Cannot build better-sqlite3 for electron-builder arch ${context.arch} ` +
        "(universal macOS builds are not supported); pack x64 and arm64 " +
        "separately.",
    );
  }
  if (platform !== process.platform) {
    throw new Error(
      `Cannot build better-sqlite3 for ${platform} on ${process.platform}: ` +
        `node-gyp does not cross-compile. Package on a ${platform} machine.`,
    );
  }
  const outcome = buildElectronAddon({
    electronVersion: installedElectronVersion(),
    platform,
    arch,
  });
  process.stdout.write(`${describe(outcome)}\n`);
}

function describe({ action, target, output, plan }) {
  const { electronVersion, platform, arch } = target;
  const name = `Electron ${electronVersion} (${platform}-${arch})`;
  switch (action) {
    case "skipped":
      return `better-sqlite3 for ${name} exists: ${output}`;
    case "planned":
      return [
        `Would build better-sqlite3 for ${name}:`,
        `  copy ${plan.packageDir} (without build/) to a temporary folder`,
        `  run ${plan.command.join(" ")}`,
        `  write ${output}`,
      ].join("\n");
    case "built":
      return `Built better-sqlite3 for ${name}: ${output}`;
    default:
      throw new Error(`Unknown build outcome: ${action}`);
  }
}

function main() {
  const { values } = parseArgs({
    options: {
      arch: { type: "string", default: process.arch },
      force: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const outcome = buildElectronAddon(
    {
      electronVersion: installedElectronVersion(),
      platform: process.platform,
      arch: values.arch,
    },
    { force: values.force, dryRun: values["dry-run"] },
  );
  process.stdout.write(`${describe(outcome)}\n`);
}

const isEntryPoint =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (isEntryPoint) {
  try {
    main();
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
