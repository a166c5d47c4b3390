import { launchCommand, LaunchType } from "@raycast/api";

/** Re-renders the Speech Player now. Raycast throws when the user disabled that command; that is not a failure. */
export async function refreshMenuBar(): Promise<void> {
  await launchCommand({ name: "player", type: LaunchType.Background }).catch(() => undefined);
}
