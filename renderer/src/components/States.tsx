import type { Result } from "../api/client";
import type { Strings } from "../i18n";

/** The command that registers a model, a dataset and an evaluation. */
export const evaluateCommand =
  "dossier evaluate --model model.onnx --data data.csv --label target";

type EmptyStateProps = { message: string; text: Strings };

export function EmptyState({ message, text }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p className="empty-message">{message}</p>
      <p>{text.emptyHint}</p>
      <pre>
        <code>{evaluateCommand}</code>
      </pre>
      <p>{text.emptyRefreshHint}</p>
    </div>
  );
}

type Failure = Extract<Result<unknown>, { ok: false }>["error"];

type ErrorStateProps = { error: Failure; text: Strings };

export function ErrorState({ error, text }: ErrorStateProps) {
  return (
    <div className="error-state" role="alert">
      <p className="error-title">{text.loadFailed}</p>
      <p className="error-message">{error.message}</p>
      <p className="error-code">{text.errorCode(error.code)}</p>
    </div>
  );
}
