// Placeholder until this tab is built.
export function NotificationsTab() {
  return null;
}
