import { formatBytes, formatCount, formatDateTime, shortHash } from "../format";
import type { Strings } from "../i18n";

export function HashCell({ sha256, text }: { sha256: string; text: Strings }) {
  return (
    <td>
      <code className="hash" title={text.fullHash(sha256)}>
        {shortHash(sha256)}
      </code>
    </td>
  );
}

type SizeCellProps = { bytes: number; text: Strings; locale: string };

export function SizeCell({ bytes, text, locale }: SizeCellProps) {
  return (
    <td className="numeric" title={text.exactSize(formatCount(bytes, locale))}>
      {formatBytes(bytes, locale)}
    </td>
  );
}

export function CountCell({
  count,
  locale,
}: {
  count: number;
  locale: string;
}) {
  return <td className="numeric">{formatCount(count, locale)}</td>;
}

export function DateTime({ iso, locale }: { iso: string; locale: string }) {
  return <time dateTime={iso}>{formatDateTime(iso, locale)}</time>;
}
