import { fonts, type FontName } from "./fonts";
import {
  colors,
  contentBox,
  ensureSpace,
  fontSizes,
  setFont,
  type Doc,
} from "./layout";

/** One metric row: `value` is already formatted, or the "not defined" text. */
export type MetricRow = {
  name: string;
  value: string;
  defined: boolean;
  note: string;
};

export type MetricsTableHeader = {
  metric: string;
  value: string;
  note: string;
};

const metricColumnWidth = 185;
const valueColumnWidth = 95;
const cellPadding = 4;

/**
 * Draws the metrics as a three-column table. A long note wraps in its cell,
 * and the header row repeats at the top of each page the table continues on.
 */
export function drawMetricsTable(
  doc: Doc,
  header: MetricsTableHeader,
  rows: readonly MetricRow[],
): void {
  const { left, width } = contentBox(doc);
  const columns = [
    { left, width: metricColumnWidth },
    { left: left + metricColumnWidth, width: valueColumnWidth },
    {
      left: left + metricColumnWidth + valueColumnWidth,
      width: width - metricColumnWidth - valueColumnWidth,
    },
  ] as const;

  const drawRow = (
    texts: readonly [string, string, string],
    styleOf: (column: number) => { font: FontName; color: string },
    onPageBreak?: () => void,
  ) => {
    const cells = columns.map((column, index) => ({
      ...column,
      ...styleOf(index),
      text: texts[index] ?? "",
    }));
    const heights = cells.map((cell) => {
      setFont(doc, cell.font, fontSizes.body, cell.color);
      return doc.heightOfString(cell.text, { width: cell.width - cellPadding });
    });
    const rowHeight = Math.max(...heights) + 2 * cellPadding;
    if (doc.y + rowHeight > contentBox(doc).bottom) {
      doc.addPage();
      onPageBreak?.();
    }
    const top = doc.y;
    for (const cell of cells) {
      setFont(doc, cell.font, fontSizes.body, cell.color).text(
        cell.text,
        cell.left,
        top + cellPadding,
        { width: cell.width - cellPadding },
      );
    }
    doc.y = top + rowHeight;
    drawRule(doc, left, width, doc.y);
  };

  const drawHeader = () =>
    drawRow([header.metric, header.value, header.note], () => ({
      font: fonts.bold,
      color: colors.text,
    }));
  drawHeader();
  for (const row of rows) {
    drawRow(
      [row.name, row.value, row.note],
      (column) => ({
        font: column === 1 && row.defined ? fonts.mono : fonts.body,
        color: column === 0 || row.defined ? colors.text : colors.muted,
      }),
      drawHeader,
    );
  }
}

function drawRule(doc: Doc, left: number, width: number, y: number): void {
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(0.5)
    .strokeColor(colors.grid)
    .stroke();
}

/** Texts around the confusion matrix, already translated. */
export type ConfusionMatrixText = {
  predictedAxis: string;
  actualAxis: string;
  negativeClass: string;
  positiveClass: string;
  /** Cell captions in the layout of the matrix: `[[tn, fp], [fn, tp]]`. */
  cellCaptions: readonly [readonly [string, string], readonly [string, string]];
};

const headerColumnWidth = 150;
const cellWidth = 130;
const cellHeight = 46;

/**
 * Draws the 2×2 matrix `[[tn, fp], [fn, tp]]` with true labels as rows and
 * predicted labels as columns. Correct cells are shaded green, errors red.
 */
export function drawConfusionMatrix(
  doc: Doc,
  counts: readonly [readonly [string, string], readonly [string, string]],
  text: ConfusionMatrixText,
): void {
  const { left } = contentBox(doc);
  const gridLeft = left + headerColumnWidth;
  const classNames = [text.negativeClass, text.positiveClass] as const;

  const { axisHeight, headerHeight } = measureConfusionHeader(doc, text);
  ensureSpace(doc, headerHeight + 2 * cellHeight);
  const top = doc.y;
  const matrixTop = top + headerHeight;

  setFont(doc, fonts.bold, fontSizes.body).text(
    text.predictedAxis,
    gridLeft,
    top,
    { width: 2 * cellWidth, align: "center" },
  );
  setFont(doc, fonts.bold, fontSizes.body).text(
    text.actualAxis,
    left,
    top + axisHeight,
    { width: headerColumnWidth - cellPadding },
  );
  classNames.forEach((name, column) => {
    setFont(doc, fonts.body, fontSizes.body).text(
      name,
      gridLeft + column * cellWidth + cellPadding,
      top + axisHeight,
      { width: cellWidth - 2 * cellPadding, align: "center" },
    );
  });

  classNames.forEach((name, row) => {
    const rowTop = matrixTop + row * cellHeight;
    setFont(doc, fonts.body, fontSizes.body);
    const nameHeight = doc.heightOfString(name, {
      width: headerColumnWidth - cellPadding,
    });
    doc.text(name, left, rowTop + (cellHeight - nameHeight) / 2, {
      width: headerColumnWidth - cellPadding,
    });
  });

  const [[tn, fp], [fn, tp]] = counts;
  const [[tnCaption, fpCaption], [fnCaption, tpCaption]] = text.cellCaptions;
  const rightColumn = gridLeft + cellWidth;
  const bottomRow = matrixTop + cellHeight;
  drawCell(doc, gridLeft, matrixTop, tn, tnCaption, true);
  drawCell(doc, rightColumn, matrixTop, fp, fpCaption, false);
  drawCell(doc, gridLeft, bottomRow, fn, fnCaption, false);
  drawCell(doc, rightColumn, bottomRow, tp, tpCaption, true);
  doc.y = matrixTop + 2 * cellHeight;
}

/** Returns the height of the block that `drawConfusionMatrix` draws. */
export function confusionMatrixHeight(
  doc: Doc,
  text: ConfusionMatrixText,
): number {
  return measureConfusionHeader(doc, text).headerHeight + 2 * cellHeight;
}

/** Measures the axis title row and the column headers above the cells. */
function measureConfusionHeader(
  doc: Doc,
  text: ConfusionMatrixText,
): { axisHeight: number; headerHeight: number } {
  setFont(doc, fonts.bold, fontSizes.body);
  const axisHeight = doc.currentLineHeight(true) + 4;
  setFont(doc, fonts.body, fontSizes.body);
  const columnHeaderHeight = Math.max(
    ...[text.negativeClass, text.positiveClass].map((name) =>
      doc.heightOfString(name, { width: cellWidth - 2 * cellPadding }),
    ),
  );
  return {
    axisHeight,
    headerHeight: axisHeight + columnHeaderHeight + cellPadding,
  };
}

function drawCell(
  doc: Doc,
  x: number,
  y: number,
  count: string,
  caption: string,
  correct: boolean,
): void {
  doc
    .rect(x, y, cellWidth, cellHeight)
    .lineWidth(0.75)
    .fillAndStroke(
      correct ? colors.correctCell : colors.wrongCell,
      colors.rule,
    );
  const innerWidth = cellWidth - 2 * cellPadding;
  setFont(doc, fonts.bold, fontSizes.heading).text(
    count,
    x + cellPadding,
    y + 8,
    { width: innerWidth, align: "center", lineBreak: false },
  );
  setFont(doc, fonts.body, fontSizes.small, colors.muted).text(
    caption,
    x + cellPadding,
    y + 8 + fontSizes.heading + 6,
    { width: innerWidth, align: "center", lineBreak: false },
  );
}
