import type { ModelSummary } from "../api/client";
import type { Strings } from "../i18n";
import { DateTime, HashCell, SizeCell } from "./Cells";

type ModelsTableProps = {
  models: ModelSummary[];
  text: Strings;
  locale: string;
};

/** Renders one row per model version; the model's name spans them. */
export function ModelsTable({ models, text, locale }: ModelsTableProps) {
  return (
    <table>
      <caption>{text.modelsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{text.name}</th>
          <th scope="col" className="numeric">
            {text.version}
          </th>
          <th scope="col">{text.sha256}</th>
          <th scope="col">{text.producer}</th>
          <th scope="col" className="numeric">
            {text.size}
          </th>
          <th scope="col">{text.registeredAt}</th>
        </tr>
      </thead>
      {models.map((model) => (
        <tbody key={model.id}>
          {model.versions.length === 0 ? (
            <tr>
              <th scope="row">{model.name}</th>
              <td colSpan={5} className="muted">
                {text.noVersions}
              </td>
            </tr>
          ) : (
            model.versions.map((version, index) => (
              <tr key={version.id}>
                {index === 0 ? (
                  <th scope="rowgroup" rowSpan={model.versions.length}>
                    {model.name}
                  </th>
                ) : null}
                <td className="numeric">{version.version}</td>
                <HashCell sha256={version.sha256} text={text} />
                <td className={version.producer === null ? "muted" : undefined}>
                  {version.producer ?? text.unknownProducer}
                </td>
                <SizeCell
                  bytes={version.sizeBytes}
                  text={text}
                  locale={locale}
                />
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
