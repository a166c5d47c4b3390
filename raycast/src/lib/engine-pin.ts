/**
 * The speech engine this release of the extension installs when it finds none: the npm package and its exact
 * version. The pin moves with each release (test/raycast/lib/engine-pin.test.ts keeps it equal to the daemon
 * package's version), so an update of the extension installs the matching engine on its next start.
 */
export const ENGINE_PACKAGE = "kokoro-speech";
export const ENGINE_VERSION = "0.1.0";
