import type { DatasetSummary } from "../api/client";
import type { Strings } from "../i18n";
import { CountCell, DateTime, HashCell } from "./Cells";

type DatasetsTableProps = {
  datasets: DatasetSummary[];
  text: Strings;
  locale: string;
};

/** Renders one row per dataset version; the dataset's name spans them. */
export function DatasetsTable({ datasets, text, locale }: DatasetsTableProps) {
  return (
    <table>
      <caption>{text.datasetsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{text.name}</th>
          <th scope="col" className="numeric">
            {text.version}
          </th>
          <th scope="col">{text.sha256}</th>
          <th scope="col" className="numeric">
            {text.rows}
          </th>
          <th scope="col" className="numeric">
            {text.columns}
          </th>
          <th scope="col">{text.path}</th>
          <th scope="col">{text.registeredAt}</th>
        </tr>
      </thead>
      {datasets.map((dataset) => (
        <tbody key={dataset.id}>
          {dataset.versions.length === 0 ? (
            <tr>
              <th scope="row">{dataset.name}</th>
              <td colSpan={6} className="muted">
                {text.noVersions}
              </td>
            </tr>
          ) : (
            dataset.versions.map((version, index) => (
              <tr key={version.id}>
                {index === 0 ? (
                  <th scope="rowgroup" rowSpan={dataset.versions.length}>
                    {dataset.name}
                  </th>
                ) : null}
                <td className="numeric">{version.version}</td>
                <HashCell sha256={version.sha256} text={text} />
                <CountCell count={version.rowCount} locale={locale} />
                <CountCell count={version.columnCount} locale={locale} />
                <td>
                  <code className="path" title={version.path}>
                    {version.path}
                  </code>
                </td>
                <td>
                  <DateTime iso={version.registeredAt} locale={locale} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      ))}
    </table>
  );
}
