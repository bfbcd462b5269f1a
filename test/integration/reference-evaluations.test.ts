import path from "node:path";
import { describe, expect, it } from "vitest";
import { openEngine } from "../../electron/engine/api";
import {
  countStoreRows,
  germanColumns,
  makeTempFolder,
  referenceFiles,
} from "../helpers/workspace";

/*
 * Reference values: scikit-learn 1.2 in float64 on the same rows, as
 * published with the reference models (the ONNX models in float32 match
 * them to 1e-6). The confusion matrix is sklearn.metrics.confusion_matrix
 * at threshold 0.5 with ">50K." as the positive label.
 */
const adultReference = {
  rows: 16281,
  accuracy: 0.85308,
  precision: 0.730209,
  recall: 0.599584,
  f1: 0.658481,
  rocAuc: 0.905418,
  logLoss: 0.317604,
  brier: 0.101674,
  confusionMatrix: [
    [11583, 852],
    [1540, 2306],
  ],
};

/** scikit-learn 1.2 LinearRegression on german.data, rounded as published. */
const germanReference = { mae: 1339.1, rmse: 1999.08, r2: 0.49794 };

function adultRequest() {
  return {
    modelPath: referenceFiles.adultModel,
    dataPath: referenceFiles.adultTest,
    labelColumn: "Y",
    positiveLabel: ">50K.",
  };
}

describe("evaluate on the Adult census test set", () => {
  it("matches scikit-learn's metrics", async () => {
    const engine = openEngine({
      storePath: path.join(makeTempFolder(), "store.db"),
    });

    const result = await engine.run("evaluate", adultRequest());
    engine.close();

    expect(result.task).toBe("classification");
    expect(result.rows).toBe(adultReference.rows);
    if (result.task !== "classification") {
      return;
    }
    const metrics = result.metrics;
    expect(metrics.accuracy).toBeCloseTo(adultReference.accuracy, 4);
    expect(metrics.precision).toBeCloseTo(adultReference.precision, 4);
    expect(metrics.recall).toBeCloseTo(adultReference.recall, 4);
    expect(metrics.f1).toBeCloseTo(adultReference.f1, 4);
    expect(metrics.rocAuc).toBeCloseTo(adultReference.rocAuc, 4);
    expect(metrics.logLoss).toBeCloseTo(adultReference.logLoss, 4);
    expect(metrics.brier).toBeCloseTo(adultReference.brier, 4);
    expect(metrics.confusionMatrix).toEqual(adultReference.confusionMatrix);
    expect(result.undefinedMetrics).toEqual({});
    expect(result.positiveClass).toBe("1");
  });

  it("identifies the model and data by SHA-256", async () => {
    const engine = openEngine({
      storePath: path.join(makeTempFolder(), "store.db"),
    });

    const result = await engine.run("evaluate", adultRequest());
    engine.close();

    // sha256sum ../shared/models/adult-income-logreg.onnx ../shared/data/adult/adult.test
    expect(result.model.sha256).toBe(
      "2801917971dbcf24d22a7b5ec8837e49c548d0b72c2a895e3715254ebb950e29",
    );
    expect(result.dataset.sha256).toBe(
      "0543912af15c52ba12336b042c8f9f96541d6134d9b3d48dba647281fb2b39d1",
    );
    expect(result.model.name).toBe("adult-income-logreg");
    expect(result.dataset.name).toBe("adult");
  });

  it("records the features and runtime", async () => {
    const engine = openEngine({
      storePath: path.join(makeTempFolder(), "store.db"),
    });

    const result = await engine.run("evaluate", adultRequest());
    engine.close();

    // The model's graph inputs in order, as python3 -c "import onnx;
    // print([i.name for i in onnx.load(MODEL).graph.input])" lists them.
    expect(result.featureColumns).toEqual([
      "age",
      "fnlwgt",
      "education-num",
      "capital-gain",
      "capital-loss",
      "hours-per-week",
      "workclass",
      "education",
      "marital-status",
      "occupation",
      "relationship",
      "race",
      "sex",
      "native-country",
    ]);
    // Cells that are "?" in adult.test, counted per column with awk:
    // awk -F', ' 'NR>1 && $2=="?"' adult.test | wc -l  -> 963 (workclass),
    // and likewise $7 -> 966 (occupation) and $14 -> 274 (native-country).
    expect(result.dataset.missingValues).toEqual({
      workclass: 963,
      occupation: 966,
      "native-country": 274,
    });
    // package.json pins onnxruntime-node 1.31.1.
    expect(result.runtime.onnxruntime).toBe("1.31.1");
    expect(result.runtime.node).toBe(process.versions.node);
  });

  it("adds an evaluation but no version on a rerun", async () => {
    const storePath = path.join(makeTempFolder(), "store.db");
    const engine = openEngine({ storePath });

    const first = await engine.run("evaluate", adultRequest());
    const afterFirst = countStoreRows(storePath);
    const second = await engine.run("evaluate", adultRequest());
    const afterSecond = countStoreRows(storePath);
    const evaluations = await engine.run("listEvaluations", {});
    engine.close();

    expect(second.model.id).toBe(first.model.id);
    expect(second.dataset.id).toBe(first.dataset.id);
    expect(afterSecond.model_versions).toBe(afterFirst.model_versions);
    expect(afterSecond.dataset_versions).toBe(afterFirst.dataset_versions);
    expect(afterSecond.evaluations).toBe(afterFirst.evaluations + 1);
    expect(afterSecond.audit_events).toBe(afterFirst.audit_events + 1);
    expect(evaluations).toHaveLength(2);
  });
});

describe("evaluate on German credit", () => {
  it("matches scikit-learn's regression metrics", async () => {
    const engine = openEngine({
      storePath: path.join(makeTempFolder(), "store.db"),
    });

    const result = await engine.run("evaluate", {
      modelPath: referenceFiles.germanModel,
      dataPath: referenceFiles.germanData,
      columns: germanColumns,
      labelColumn: "A5",
    });
    engine.close();

    expect(result.task).toBe("regression");
    expect(result.rows).toBe(1000);
    // The model's feature_names metadata: ["A2", "A8", "A13"].
    expect(result.featureColumns).toEqual(["A2", "A8", "A13"]);
    if (result.task !== "regression") {
      return;
    }
    const { mae, rmse, r2 } = result.metrics;
    expect(
      Math.abs((mae ?? 0) - germanReference.mae) / germanReference.mae,
    ).toBeLessThan(1e-3);
    expect(
      Math.abs((rmse ?? 0) - germanReference.rmse) / germanReference.rmse,
    ).toBeLessThan(1e-3);
    expect(
      Math.abs((r2 ?? 0) - germanReference.r2) / germanReference.r2,
    ).toBeLessThan(1e-3);
  });
});
