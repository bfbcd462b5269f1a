import type { EvaluationSummary } from "../api/client";
import { formatMetric } from "../format";
import type { Strings } from "../i18n";
import { CountCell, DateTime } from "./Cells";

type EvaluationsTableProps = {
  evaluations: EvaluationSummary[];
  text: Strings;
  locale: string;
};

export function EvaluationsTable({
  evaluations,
  text,
  locale,
}: EvaluationsTableProps) {
  return (
    <table>
      <caption>{text.evaluationsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{text.finishedAt}</th>
          <th scope="col">{text.model}</th>
          <th scope="col">{text.dataset}</th>
          <th scope="col">{text.task}</th>
          <th scope="col">{text.labelColumn}</th>
          <th scope="col">{text.headlineMetric}</th>
          <th scope="col" className="numeric">
            {text.rows}
          </th>
        </tr>
      </thead>
      <tbody>
        {evaluations.map((evaluation) => (
          <tr key={evaluation.id}>
            <th scope="row">
              <DateTime iso={evaluation.finishedAt} locale={locale} />
            </th>
            <td>
              {evaluation.modelName}@{evaluation.modelVersion}
            </td>
            <td>
              {evaluation.datasetName}@{evaluation.datasetVersion}
            </td>
            <td>{text.taskNames[evaluation.task]}</td>
            <td>
              <code>{evaluation.labelColumn}</code>
            </td>
            <td>
              <HeadlineMetric
                metric={evaluation.headlineMetric}
                text={text}
                locale={locale}
              />
            </td>
            <CountCell count={evaluation.rowCount} locale={locale} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type HeadlineMetricProps = {
  metric: EvaluationSummary["headlineMetric"];
  text: Strings;
  locale: string;
};

function HeadlineMetric({ metric, text, locale }: HeadlineMetricProps) {
  const name = text.metricNames[metric.name] ?? metric.name;
  return (
    <span className="metric">
      <span className="metric-name">{name}</span>{" "}
      {metric.value === null ? (
        <span className="muted">{text.undefinedMetric}</span>
      ) : (
        <span className="metric-value">
          {formatMetric(metric.value, locale)}
        </span>
      )}
    </span>
  );
}
