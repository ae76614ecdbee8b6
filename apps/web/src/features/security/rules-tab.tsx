// Placeholder until this tab is built.
export function RulesTab() {
  return null;
}
