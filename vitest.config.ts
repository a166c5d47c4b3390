import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      // Tests import the protocol package from source so they need no build step of their own; its two light entry
      // points (no zod, no ws: what the CLI loads before it starts a daemon) map to their own sources.
      {
        find: /^@kokoro-speech\/protocol\/(paths|daemon-env)$/,
        replacement: fileURLToPath(new URL("./shared/src/$1.ts", import.meta.url)),
      },
      {
        find: /^@kokoro-speech\/protocol$/,
        replacement: fileURLToPath(new URL("./shared/src/index.ts", import.meta.url)),
      },
      // @raycast/api has no runtime outside Raycast: tests get a recording stand-in.
      { find: "@raycast/api", replacement: fileURLToPath(new URL("./test/mocks/raycast-api.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // The real-model suite needs the Kokoro weights from the test cache: `npm run test:real` (vitest.real.config.ts).
    exclude: [...configDefaults.exclude, "test/real-model/**"],
    environment: "node",
    // One temp folder for the whole run, removed at the end even when tests fail before their cleanup.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // @raycast/utils requires @raycast/api; inlining it lets the alias reach that import too.
    server: { deps: { inline: ["@raycast/utils"] } },
  },
});
