/**
 * How many intra-op threads onnxruntime should use when the caller does not say. Kokoro inference on CPU scales
 * with physical cores, not hardware threads (kokoro-model.md §11: RTF 1.71 → 1.37 with intraOpNumThreads = core
 * count), and Node only reports logical CPUs.
 */
import { availableParallelism } from "node:os";

/**
 * Physical-core estimate from the logical CPU count (`availableParallelism`, which also honours CPU affinity):
 * arm64 machines (Apple silicon, ARM servers) have no SMT, so every logical CPU is a core; on x64 an even count of
 * four or more is assumed to be 2-way SMT and halved. Reading the kernel's CPU topology would be exact on Linux,
 * but a wrong guess here costs only some speed, and the caller can always pass `intraOpNumThreads`.
 */
export function defaultIntraOpNumThreads(
  arch: string = process.arch,
  logicalCpus: number = availableParallelism(),
): number {
  if (arch === "arm64") return logicalCpus;
  return logicalCpus >= 4 && logicalCpus % 2 === 0 ? logicalCpus / 2 : logicalCpus;
}
