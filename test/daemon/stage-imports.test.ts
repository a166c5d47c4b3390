/**
 * Each stage of the daemon imports only the stages below it: the graph of imports between the folders of
 * `daemon/src` (and its top-level files) has no cycle. Imports are read with the TypeScript compiler's own
 * pre-processor, type-only imports included: a type cycle is still a cycle between stages.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/daemon-process.js";

const SOURCE_ROOT = join(REPO_ROOT, "daemon", "src");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** The stage a file belongs to: its top folder under `daemon/src`, or the file itself at the top. */
function stageOf(path: string): string {
  const parts = relative(SOURCE_ROOT, path).split(sep);
  return parts.length > 1 ? `${parts[0]}/` : (parts[0] ?? path);
}

/** Stage → the stages its files import (relative imports only; packages are not stages). */
function stageGraph(files: readonly string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = stageOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const to = stageOf(resolve(dirname(file), fileName.replace(/\.js$/, ".ts")));
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** The cycles of a graph, one per strongly connected component of more than one node (Tarjan). */
function cyclesOf(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components;
}

describe("daemon stages", () => {
  it("finds a cycle when there is one (the check itself)", () => {
    const graph = new Map([
      ["a/", new Set(["b/"])],
      ["b/", new Set(["c/"])],
      ["c/", new Set(["a/"])],
      ["d/", new Set(["a/"])],
    ]);
    expect(cyclesOf(graph)).toEqual([["a/", "b/", "c/"]]);
  });

  it("import only the stages below them: no cycle between folders", () => {
    const graph = stageGraph(sourceFiles(SOURCE_ROOT));
    expect(graph.get("synthesis/")).toContain("engine/");
    expect(cyclesOf(graph)).toEqual([]);
  });
});
