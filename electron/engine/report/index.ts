export {
  renderEvaluationReport,
  writeEvaluationReport,
  type ReportOptions,
} from "./evaluation-report";
export { reportLocales, type ReportLocale } from "./strings";
