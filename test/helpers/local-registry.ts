/**
 * A real npm registry on loopback: verdaccio, started as its own process with a configuration written here. It serves
 * what a test publishes to it (the repository's packed tarballs, or packages made to fail) and fetches every other
 * package from the registry this machine's npm is configured with, as an uplink. Nothing about that upstream registry
 * is written anywhere but the temporary configuration.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Packages the registry holds itself and never looks up upstream: ours, and those tests publish to break things. */
export const LOCAL_PACKAGE_PATTERNS = ["@kokoro-speech/*", "kokoro-speech", "kokoro-speech-*"] as const;

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Verdaccio's storage folder: `<storage>/<name>/<name>-<version>.tgz` for what was published. */
  readonly storage: string;
  /** A user config (`npm --userconfig`) that points npm at this registry, with the publisher's token. */
  readonly userconfig: string;
  /** `npm publish` of a tarball or a package folder; a prerelease needs a `tag` other than `latest`. */
  publish(target: string, tag?: string): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalRegistryOptions {
  /** Where the registry keeps its configuration, storage and log. */
  readonly root: string;
  /** The upstream registry; this machine's npm registry by default, `null` for none (only published packages). */
  readonly uplink?: string | null;
}

/** The registry npm is configured with here (read at run time, never recorded). */
export async function configuredRegistry(): Promise<string> {
  const { stdout } = await run("npm", ["config", "get", "registry"], { env: withoutNpmScriptEnv(process.env) });
  return stdout.trim();
}

/**
 * The environment minus what `npm test` tells its own scripts about the repository (`npm_package_*`,
 * `npm_lifecycle_*`, the local prefix): an npm run elsewhere must not see them.
 */
export function withoutNpmScriptEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_(package|lifecycle)_/i.test(key) || /^npm_config_(local_prefix|userconfig|registry)$/i.test(key)) {
      continue;
    }
    clean[key] = value;
  }
  return clean;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function configYaml(storage: string, uplink: string | null): string {
  const local = LOCAL_PACKAGE_PATTERNS.map(
    (pattern) => `  '${pattern}':\n    access: $all\n    publish: $authenticated\n    unpublish: $authenticated\n`,
  ).join("");
  return [
    `storage: ${JSON.stringify(storage)}`,
    "auth:",
    "  htpasswd:",
    `    file: ${JSON.stringify(join(storage, "..", "htpasswd"))}`,
    "    max_users: 10",
    // The daemon's tarball carries the compiled lexicon; a publish sends it base64-encoded inside JSON.
    "max_body_size: 300mb",
    ...(uplink ? ["uplinks:", "  upstream:", `    url: ${JSON.stringify(uplink)}`, "    timeout: 120s"] : []),
    "packages:",
    local.trimEnd(),
    "  '**':",
    "    access: $all",
    ...(uplink ? ["    proxy: upstream"] : []),
    "log: { type: stdout, format: pretty, level: warn }",
    "",
  ].join("\n");
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited (${child.exitCode}): ${log()}`);
    try {
      const response = await fetch(new URL("-/ping", url));
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`verdaccio did not answer at ${url}: ${log()}`);
}

/** Adds the publishing user (verdaccio's htpasswd plugin creates it on first login) and returns its token. */
async function addPublisher(url: string): Promise<string> {
  const name = "kokoro-test";
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: "kokoro-test-password", type: "user", roles: [] }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || typeof body.token !== "string") {
    throw new Error(`verdaccio refused the test user: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.token;
}

export async function startLocalRegistry(options: LocalRegistryOptions): Promise<LocalRegistry> {
  const uplink = options.uplink === undefined ? await configuredRegistry() : options.uplink;
  const storage = join(options.root, "storage");
  await mkdir(storage, { recursive: true });
  const config = join(options.root, "config.yaml");
  await writeFile(config, configYaml(storage, uplink));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const cli = createRequire(import.meta.url).resolve("verdaccio/bin/verdaccio");
  const child = spawn(process.execPath, [cli, "--config", config, "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
    env: withoutNpmScriptEnv(process.env),
  });
  let output = "";
  const collect = (data: Buffer): void => {
    output = (output + data.toString()).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  await waitUntilServing(url, child, () => output);
  const token = await addPublisher(url);
  const userconfig = join(options.root, "npmrc");
  const hostPath = url.replace(/^http:/, "");
  await writeFile(userconfig, `registry=${url}\n${hostPath}:_authToken=${token}\n`);
  return {
    url,
    storage,
    userconfig,
    async publish(target: string, tag?: string): Promise<void> {
      const args = ["publish", target, "--userconfig", userconfig, "--registry", url, "--ignore-scripts"];
      if (tag !== undefined) args.push("--tag", tag);
      await run("npm", args, {
        cwd: options.root,
        env: withoutNpmScriptEnv(process.env),
        maxBuffer: 16 * 1024 * 1024,
      });
    },
    async stop(): Promise<void> {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
