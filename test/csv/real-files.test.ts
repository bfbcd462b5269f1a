import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readCsvFile } from "../../electron/engine/csv";
import { categoricalColumn, numericColumn } from "./helpers";

const adultTestPath = fileURLToPath(
  new URL("../../../shared/data/adult/adult.test", import.meta.url),
);
const germanDataPath = fileURLToPath(
  new URL("../../../shared/data/german-credit/german.data", import.meta.url),
);

describe("readCsvFile on UCI Adult adult.test", () => {
  it("reads rows, columns and the delimiter", async () => {
    const { table } = await readCsvFile(adultTestPath);
    // awk -F', ' 'NR>1 && NF>1' adult.test | wc -l  ->  16281
    expect(table.rowCount).toBe(16281);
    expect(table.columns).toHaveLength(15);
    expect(table.delimiter).toBe(",");
    expect(table.hasHeader).toBe(true);
  });

  it("types and trims the columns", async () => {
    const { table } = await readCsvFile(adultTestPath);
    const age = numericColumn(table, "age");
    expect(age.values[0]).toBe(25);
    expect(age.missingCount).toBe(0);
    const workclass = categoricalColumn(table, "workclass");
    const spaced = workclass.categories.filter((c) => c.startsWith(" "));
    expect(spaced).toEqual([]);
    // python3 -c "import pandas as pd; df = pd.read_csv('adult.test',
    //   skipinitialspace=True, na_values=['?'], keep_default_na=False);
    //   print(df['workclass'].dropna().unique().tolist())"
    expect(workclass.categories).toEqual([
      "Private",
      "Local-gov",
      "Self-emp-not-inc",
      "Federal-gov",
      "State-gov",
      "Self-emp-inc",
      "Without-pay",
      "Never-worked",
    ]);
  });

  it("counts ? cells as missing", async () => {
    const { table } = await readCsvFile(adultTestPath);
    // awk -F', ' 'NR>1 && NF>1 && $2=="?"' adult.test | wc -l  ->  963
    expect(categoricalColumn(table, "workclass").missingCount).toBe(963);
    // Same pandas call as above, df.isna().sum(): occupation 966,
    // native-country 274.
    expect(categoricalColumn(table, "occupation").missingCount).toBe(966);
    expect(categoricalColumn(table, "native-country").missingCount).toBe(274);
  });

  it("returns the line of each row", async () => {
    const { table } = await readCsvFile(adultTestPath);
    // awk -F', ' 'NR>1 && NF>1 {if (!f) f = NR; l = NR} END {print f, l}'
    //   adult.test  ->  2 16282
    expect(table.rowLines[0]).toBe(2);
    expect(table.rowLines[16280]).toBe(16282);
  });

  it("returns the SHA-256 and size of the file", async () => {
    const { sha256, sizeBytes } = await readCsvFile(adultTestPath);
    // sha256sum adult.test
    expect(sha256).toBe(
      "0543912af15c52ba12336b042c8f9f96541d6134d9b3d48dba647281fb2b39d1",
    );
    // stat -c %s adult.test  ->  2003296
    expect(sizeBytes).toBe(2003296);
  });
});

describe("readCsvFile on UCI German credit german.data", () => {
  const names = [
    ...Array.from({ length: 20 }, (_, index) => `A${index + 1}`),
    "class",
  ];

  it("detects the space delimiter without a header", async () => {
    const { table } = await readCsvFile(germanDataPath, { columns: names });
    expect(table.rowCount).toBe(1000);
    expect(table.delimiter).toBe(" ");
    expect(table.hasHeader).toBe(false);
    expect(table.columns.map((column) => column.name)).toEqual(names);
  });

  it("reads A5 as numeric", async () => {
    const { table } = await readCsvFile(germanDataPath, { columns: names });
    const a5 = numericColumn(table, "A5");
    // python3 -c "import pandas as pd; g = pd.read_csv('german.data',
    //   sep=' ', header=None); print(g[4].iloc[0], g[4].sum())"
    //   ->  1169 3271258
    expect(a5.values[0]).toBe(1169);
    expect(a5.values.reduce((sum, value) => sum + value, 0)).toBe(3271258);
    // Same call, g[0].unique()  ->  A11 A12 A14 A13
    expect(categoricalColumn(table, "A1").categories).toEqual([
      "A11",
      "A12",
      "A14",
      "A13",
    ]);
  });

  it("returns the SHA-256 of the file", async () => {
    const { sha256, sizeBytes } = await readCsvFile(germanDataPath, {
      columns: names,
    });
    // sha256sum german.data
    expect(sha256).toBe(
      "b21f3d81db8071257d5ff1deaeba1fd4303b62712e6fcc9715c7a86202cb5871",
    );
    // stat -c %s german.data  ->  79793
    expect(sizeBytes).toBe(79793);
  });
});

describe("readCsvFile errors", () => {
  it("rejects a missing file", async () => {
    const missing = fileURLToPath(new URL("./no-such.csv", import.meta.url));
    await expect(readCsvFile(missing)).rejects.toMatchObject({
      code: "invalidInput",
      message: expect.stringContaining("CSV file not found"),
    });
  });
});
