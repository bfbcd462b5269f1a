import type { RocCurve } from "../../../shared/contract";
import { fonts } from "./fonts";
import {
  colors,
  contentBox,
  ensureSpace,
  fontSizes,
  setFont,
  type Doc,
} from "./layout";

/** Texts of the ROC chart, already translated. */
export type RocChartText = {
  xAxis: string;
  yAxis: string;
  modelLegend: string;
  chanceLegend: string;
  caption: string;
  /** Formats a tick value in 0..1. */
  tick: (value: number) => string;
};

const plotSize = 220;
/** Room left of the plot for the rotated axis title and the tick labels. */
const plotInset = 54;
const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1] as const;
const legendLineLength = 20;
/** Height of the block that `drawRocChart` draws, caption included. */
export const rocChartHeight = plotSize + 62;

/**
 * Draws a ROC curve as vector paths: a square plot over 0..1 on both axes
 * with grid lines, ticks, the diagonal of a random guess and the curve in
 * the order of its points, followed by a caption.
 */
export function drawRocChart(
  doc: Doc,
  curve: RocCurve,
  text: RocChartText,
): void {
  ensureSpace(doc, rocChartHeight);
  const { left } = contentBox(doc);
  const plot = {
    left: left + plotInset,
    top: doc.y + 6,
    size: plotSize,
  };
  const toX = (rate: number) => plot.left + rate * plot.size;
  const toY = (rate: number) => plot.top + (1 - rate) * plot.size;

  drawGridAndTicks(doc, plot, text.tick);
  drawAxisTitles(doc, plot, text);

  doc
    .moveTo(toX(0), toY(0))
    .lineTo(toX(1), toY(1))
    .dash(4, { space: 3 })
    .lineWidth(0.75)
    .strokeColor(colors.muted)
    .stroke()
    .undash();

  // The input check ensures that both lists have equal lengths.
  const points = curve.falsePositiveRate.map(
    (rate, index) =>
      [toX(rate), toY(curve.truePositiveRate[index] ?? 0)] as const,
  );
  const [first, ...rest] = points;
  if (first !== undefined) {
    doc.moveTo(first[0], first[1]);
    for (const [x, y] of rest) {
      doc.lineTo(x, y);
    }
    doc.lineWidth(1.5).lineJoin("round").strokeColor(colors.accent).stroke();
  }

  drawLegend(doc, plot, text);
  setFont(doc, fonts.bold, fontSizes.body).text(
    text.caption,
    left,
    plot.top + plot.size + 38,
    { width: contentBox(doc).width },
  );
}

type Plot = { left: number; top: number; size: number };

function drawGridAndTicks(
  doc: Doc,
  plot: Plot,
  formatTick: (value: number) => string,
): void {
  const bottom = plot.top + plot.size;
  const right = plot.left + plot.size;
  const labelWidth = 30;
  // Paths are built and stroked before any text, because a PDF path may not
  // be interrupted by a text object.
  for (const value of ticks) {
    const x = plot.left + value * plot.size;
    const y = bottom - value * plot.size;
    doc.moveTo(x, plot.top).lineTo(x, bottom);
    doc.moveTo(plot.left, y).lineTo(right, y);
  }
  doc.lineWidth(0.5).strokeColor(colors.grid).stroke();
  doc
    .rect(plot.left, plot.top, plot.size, plot.size)
    .lineWidth(0.75)
    .strokeColor(colors.rule)
    .stroke();

  setFont(doc, fonts.body, fontSizes.small, colors.muted);
  for (const value of ticks) {
    const x = plot.left + value * plot.size;
    const y = bottom - value * plot.size;
    doc.text(formatTick(value), x - labelWidth / 2, bottom + 4, {
      width: labelWidth,
      align: "center",
      lineBreak: false,
    });
    doc.text(formatTick(value), plot.left - labelWidth - 4, y, {
      width: labelWidth,
      align: "right",
      baseline: "middle",
      lineBreak: false,
    });
  }
}

function drawAxisTitles(doc: Doc, plot: Plot, text: RocChartText): void {
  const bottom = plot.top + plot.size;
  setFont(doc, fonts.body, fontSizes.body).text(
    text.xAxis,
    plot.left,
    bottom + 18,
    { width: plot.size, align: "center", lineBreak: false },
  );

  // The y title reads upwards: turned a quarter counterclockwise about the
  // middle of the plot's left edge, then set as horizontal text there.
  const centerX = plot.left - plotInset + 6;
  const centerY = plot.top + plot.size / 2;
  doc.save().rotate(-90, { origin: [centerX, centerY] });
  setFont(doc, fonts.body, fontSizes.body).text(
    text.yAxis,
    centerX - plot.size / 2,
    centerY - fontSizes.body / 2,
    { width: plot.size, align: "center", lineBreak: false },
  );
  doc.restore();
}

function drawLegend(doc: Doc, plot: Plot, text: RocChartText): void {
  const { left, width } = contentBox(doc);
  const legendLeft = plot.left + plot.size + 20;
  const textLeft = legendLeft + legendLineLength + 6;
  const textWidth = left + width - textLeft;
  const entries = [
    { label: text.modelLegend, color: colors.accent, dashed: false },
    { label: text.chanceLegend, color: colors.muted, dashed: true },
  ];

  let y = plot.top + 8;
  for (const entry of entries) {
    setFont(doc, fonts.body, fontSizes.body);
    const lineY = y + doc.currentLineHeight() / 2;
    doc.moveTo(legendLeft, lineY).lineTo(legendLeft + legendLineLength, lineY);
    if (entry.dashed) {
      doc.dash(4, { space: 3 });
    }
    doc
      .lineWidth(entry.dashed ? 0.75 : 1.5)
      .strokeColor(entry.color)
      .stroke()
      .undash();
    doc.text(entry.label, textLeft, y, { width: textWidth });
    y = doc.y + 6;
  }
}
