import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { DossierError } from "../errors";

/**
 * The report's fonts, by the name they are registered under on a document.
 * DejaVu covers Turkish letters (ç ğ ı İ ö ş ü) and "²", which the 14
 * standard PDF fonts lack, and it is embedded so that any viewer shows the
 * same glyphs.
 */
export const fonts = {
  body: "DejaVuSans",
  bold: "DejaVuSans-Bold",
  mono: "DejaVuSansMono",
} as const;
export type FontName = (typeof fonts)[keyof typeof fonts];

const fontFileNames: Record<FontName, string> = {
  DejaVuSans: "DejaVuSans.ttf",
  "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
  DejaVuSansMono: "DejaVuSansMono.ttf",
};

const fontPackage = "dejavu-fonts-ttf";

/**
 * Finds the TrueType files of the `dejavu-fonts-ttf` package through Node's
 * module resolution, which works from the sources and from a bundle that
 * keeps `node_modules` beside it.
 */
export function resolveFontPaths(): Record<FontName, string> {
  const require = createRequire(import.meta.url);
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${fontPackage}/package.json`);
  } catch (error) {
    throw missingFonts(`the package ${fontPackage} was not found`, error);
  }
  const fontDirectory = path.join(path.dirname(manifestPath), "ttf");

  const paths = {} as Record<FontName, string>;
  for (const [name, fileName] of Object.entries(fontFileNames)) {
    const fontPath = path.join(fontDirectory, fileName);
    if (!existsSync(fontPath)) {
      throw missingFonts(`the font file ${fontPath} was not found`);
    }
    paths[name as FontName] = fontPath;
  }
  return paths;
}

function missingFonts(detail: string, cause?: unknown): DossierError {
  return new DossierError(
    "internal",
    `Cannot embed the report fonts because ${detail}. ` +
      `Reinstall Dossier so that ${fontPackage} is installed with it.`,
    { cause },
  );
}
