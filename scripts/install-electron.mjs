// Downloads the Electron binary on first use, through the electron package's
// own installer, and explains a failure: the installer alone prints only a
// stack trace such as "TypeError: fetch failed".
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const installer = require.resolve("electron/install.js");
const { version } = require("electron/package.json");

const run = spawnSync(process.execPath, [installer], { stdio: "inherit" });
if (run.status !== 0) {
  process.stderr.write(
    `\nDownloading the Electron ${version} binary failed (the error is above). ` +
      "npm start needs the network once for this download; " +
      "set ELECTRON_MIRROR to use a mirror, then run npm start again. " +
      "The command line (npx dossier) works without Electron.\n",
  );
  process.exit(run.status ?? 1);
}
