import { PlayerMenu } from "./lib/player-menu.js";
import { usePlayer } from "./lib/use-player.js";

export default function Command() {
  const { view, isLoading, actions } = usePlayer();
  return <PlayerMenu view={view} isLoading={isLoading} actions={actions} />;
}
