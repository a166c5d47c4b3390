#!/usr/bin/env node
// The `kokoro-speech` command. It lives outside dist/ so that npm can link it when a checkout is installed, before
// the build has written dist/; all it does is load the compiled CLI.
import "../dist/cli.js";
