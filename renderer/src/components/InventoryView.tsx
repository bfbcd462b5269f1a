import { use, type ReactNode } from "react";
import type { Result } from "../api/client";
import type { Inventory } from "../api/inventory";
import type { Strings } from "../i18n";
import { DatasetsTable } from "./DatasetsTable";
import { EmptyState, ErrorState } from "./States";
import { EvaluationsTable } from "./EvaluationsTable";
import { ModelsTable } from "./ModelsTable";
import { Tabs } from "./Tabs";

type InventoryViewProps = {
  inventory: Promise<Inventory>;
  text: Strings;
  locale: string;
};

export function InventoryView({ inventory, text, locale }: InventoryViewProps) {
  const { models, datasets, evaluations } = use(inventory);

  return (
    <Tabs
      label={text.sections}
      tabs={[
        {
          id: "models",
          label: tabLabel(text.models, models),
          content: (
            <ListPanel
              heading={text.models}
              result={models}
              text={text}
              emptyMessage={text.emptyModels}
              renderList={(list) => (
                <ModelsTable models={list} text={text} locale={locale} />
              )}
            />
          ),
        },
        {
          id: "datasets",
          label: tabLabel(text.datasets, datasets),
          content: (
            <ListPanel
              heading={text.datasets}
              result={datasets}
              text={text}
              emptyMessage={text.emptyDatasets}
              renderList={(list) => (
                <DatasetsTable datasets={list} text={text} locale={locale} />
              )}
            />
          ),
        },
        {
          id: "evaluations",
          label: tabLabel(text.evaluations, evaluations),
          content: (
            <ListPanel
              heading={text.evaluations}
              result={evaluations}
              text={text}
              emptyMessage={text.emptyEvaluations}
              renderList={(list) => (
                <EvaluationsTable
                  evaluations={list}
                  text={text}
                  locale={locale}
                />
              )}
            />
          ),
        },
      ]}
    />
  );
}

function tabLabel(name: string, result: Result<unknown[]>): ReactNode {
  if (!result.ok) {
    return name;
  }
  return (
    <>
      {name} <span className="count">{result.value.length}</span>
    </>
  );
}

type ListPanelProps<Item> = {
  heading: string;
  result: Result<Item[]>;
  text: Strings;
  emptyMessage: string;
  renderList: (list: Item[]) => ReactNode;
};

function ListPanel<Item>({
  heading,
  result,
  text,
  emptyMessage,
  renderList,
}: ListPanelProps<Item>) {
  let body: ReactNode;
  if (!result.ok) {
    body = <ErrorState error={result.error} text={text} />;
  } else if (result.value.length === 0) {
    body = <EmptyState message={emptyMessage} text={text} />;
  } else {
    body = renderList(result.value);
  }

  return (
    <>
      <h2 className="visually-hidden">{heading}</h2>
      {body}
    </>
  );
}
