import type {
  DatasetSummary,
  DossierClient,
  EvaluationSummary,
  ModelSummary,
  Result,
} from "./client";

/** The three lists the window shows, each loaded or failed on its own. */
export type Inventory = {
  models: Result<ModelSummary[]>;
  datasets: Result<DatasetSummary[]>;
  evaluations: Result<EvaluationSummary[]>;
};

/** Loads the three lists in parallel; it never rejects. */
export async function loadInventory(client: DossierClient): Promise<Inventory> {
  const [models, datasets, evaluations] = await Promise.all([
    client.call("listModels", {}),
    client.call("listDatasets", {}),
    client.call("listEvaluations", {}),
  ]);
  return { models, datasets, evaluations };
}
