// Placeholder until this tab is built.
export function ReportsTab() {
  return null;
}
