// Placeholder until this tab is built.
export function BlocksTab() {
  return null;
}
