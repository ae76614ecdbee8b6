// Placeholder until this tab is built.
export function UploadPolicyTab() {
  return null;
}
