import packageJson from "../../package.json" with { type: "json" };

/** The version of Dossier recorded with every evaluation. */
export const dossierVersion: string = packageJson.version;
