import { fonts, type FontName } from "./fonts";

/**
 * Page geometry, styles and the flowing blocks of the report (title,
 * headings, label/value fields, paragraphs, page footers). Units are PDF
 * points (1/72 inch). Each block starts at `doc.y` and leaves `doc.y` below
 * itself.
 */
export type Doc = PDFKit.PDFDocument;

export const pageSetup = {
  size: "A4",
  margins: { top: 56, bottom: 64, left: 50, right: 50 },
} as const;

export const colors = {
  text: "#1b1b1b",
  muted: "#5f5f5f",
  rule: "#b9b9b9",
  grid: "#e3e3e3",
  accent: "#1f5fa8",
  correctCell: "#e3f1e6",
  wrongCell: "#f9e6e4",
} as const;

export const fontSizes = {
  title: 20,
  heading: 13,
  body: 10,
  small: 8,
  /** Largest size for a SHA-256 digest, which shrinks to fit a narrower column. */
  hash: 9,
} as const;

const labelColumnWidth = 135;
const fieldRowGap = 4;
const sectionGap = 14;
/** Heading text, rule and the gap below the rule. */
const headingHeight = 28;
/** Default space kept below a heading so that it never ends a page alone. */
const headingKeepWithNext = 40;

export function setFont(
  doc: Doc,
  font: FontName,
  size: number,
  color: string = colors.text,
): Doc {
  return doc.font(font).fontSize(size).fillColor(color);
}

/** Returns the edges of the area between the page margins. */
export function contentBox(doc: Doc): {
  left: number;
  width: number;
  bottom: number;
} {
  const { margins, width, height } = doc.page;
  return {
    left: margins.left,
    width: width - margins.left - margins.right,
    bottom: height - margins.bottom,
  };
}

/** Starts a new page unless `height` points fit above the bottom margin. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > contentBox(doc).bottom) {
    doc.addPage();
  }
}

export function drawTitle(doc: Doc, title: string, subtitle: string): void {
  const { left, width } = contentBox(doc);
  setFont(doc, fonts.bold, fontSizes.title).text(title, left, doc.y, {
    width,
  });
  doc.moveDown(0.2);
  setFont(doc, fonts.body, fontSizes.body, colors.muted).text(
    subtitle,
    left,
    doc.y,
    { width },
  );
  doc.y += sectionGap;
}

/**
 * Draws a section heading with a rule below it, on a new page unless
 * `keepWithNext` points of the section fit below it.
 */
export function drawHeading(
  doc: Doc,
  heading: string,
  keepWithNext: number = headingKeepWithNext,
): void {
  ensureSpace(doc, headingHeight + keepWithNext);
  const { left, width } = contentBox(doc);
  setFont(doc, fonts.bold, fontSizes.heading).text(heading, left, doc.y, {
    width,
  });
  const ruleY = doc.y + 2;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(0.5)
    .strokeColor(colors.rule)
    .stroke();
  doc.y = ruleY + 6;
}

export function drawParagraph(
  doc: Doc,
  paragraph: string,
  color: string = colors.text,
): void {
  const { left, width } = contentBox(doc);
  setFont(doc, fonts.body, fontSizes.body, color);
  ensureSpace(doc, doc.heightOfString(paragraph, { width }));
  doc.text(paragraph, left, doc.y, { width });
}

export function endSection(doc: Doc): void {
  doc.y += sectionGap;
}

/** One row of a label/value list; a `hash` value is set in monospace. */
export type Field = { label: string; value: string; hash?: boolean };

/**
 * Draws label/value rows. A hash is kept on one line, in a size that fits the
 * value column, so that text extraction returns it as one unbroken word.
 */
export function drawFields(doc: Doc, fields: readonly Field[]): void {
  const { left, width } = contentBox(doc);
  const valueLeft = left + labelColumnWidth;
  const valueWidth = width - labelColumnWidth;
  const labelOptions = { width: labelColumnWidth - 8 };

  for (const field of fields) {
    setFont(doc, fonts.body, fontSizes.body, colors.muted);
    const labelHeight = doc.heightOfString(field.label, labelOptions);
    const hashSize = field.hash
      ? fitHashFontSize(doc, field.value, valueWidth)
      : undefined;
    const valueHeight =
      hashSize === undefined
        ? setFont(doc, fonts.body, fontSizes.body).heightOfString(field.value, {
            width: valueWidth,
          })
        : setFont(doc, fonts.mono, hashSize).currentLineHeight();
    const rowHeight = Math.max(labelHeight, valueHeight);
    ensureSpace(doc, rowHeight);
    const top = doc.y;

    setFont(doc, fonts.body, fontSizes.body, colors.muted).text(
      field.label,
      left,
      top,
      labelOptions,
    );
    if (hashSize === undefined) {
      setFont(doc, fonts.body, fontSizes.body).text(
        field.value,
        valueLeft,
        top,
        { width: valueWidth },
      );
    } else {
      // pdfkit puts the first baseline one ascent below y, so the smaller
      // hash moves down by the difference to share the label's baseline.
      const baselineShift = dejaVuAscent * (fontSizes.body - hashSize);
      setFont(doc, fonts.mono, hashSize).text(
        field.value,
        valueLeft,
        top + baselineShift,
        { lineBreak: false },
      );
    }
    doc.y = top + rowHeight + fieldRowGap;
  }
}

/**
 * Ascent of DejaVu Sans, Sans Bold and Sans Mono as a fraction of the font
 * size: 1901 of 2048 units per em in each font's hhea table (version 2.37).
 */
const dejaVuAscent = 1901 / 2048;

/** Returns the largest size up to `fontSizes.hash` that fits `width`. */
function fitHashFontSize(doc: Doc, hash: string, width: number): number {
  setFont(doc, fonts.mono, fontSizes.hash);
  const naturalWidth = doc.widthOfString(hash);
  if (naturalWidth <= width) {
    return fontSizes.hash;
  }
  return Math.floor((fontSizes.hash * width * 10) / naturalWidth) / 10;
}

/**
 * Writes `pageLabel(page, count)` and `footer` at the foot of every buffered
 * page. The document must use `bufferPages: true`.
 */
export function drawPageFooters(
  doc: Doc,
  footer: string,
  pageLabel: (page: number, count: number) => string,
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const { left, width } = contentBox(doc);
    const bottomMargin = doc.page.margins.bottom;
    const y = doc.page.height - bottomMargin + 24;
    // Text below the bottom margin would make pdfkit start a new page, so the
    // margin is lifted while the footer is written.
    doc.page.margins.bottom = 0;
    setFont(doc, fonts.body, fontSizes.small, colors.muted);
    doc.text(footer, left, y, { width: width / 2, lineBreak: false });
    doc.text(pageLabel(index + 1, count), left + width / 2, y, {
      width: width / 2,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
