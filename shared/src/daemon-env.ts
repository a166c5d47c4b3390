/**
 * Environment variables every launcher sets when it starts the daemon (the extension's supervisor, the CLI's
 * auto-start, the tests and benchmarks).
 *
 * `MALLOC_MMAP_THRESHOLD_`: glibc raises its mmap threshold each time a large block is freed, so later large blocks
 * come from the heap and stay resident after they are freed. onnxruntime copies the model's weights while it loads
 * (pre-packing them for its kernels) and frees the originals; with the moving threshold those pages are never given
 * back, and the daemon's RSS carried the model about twice (measured: a 97 MB model cost 300 MB of RSS, 226 MB with
 * the fixed threshold, at the same inference speed). A fixed 128 KiB threshold keeps large blocks in mmap, returned
 * on free. Only glibc reads it; macOS's allocator already returns large blocks and ignores the variable.
 */
export const DAEMON_PROCESS_ENV: Readonly<Record<string, string>> = Object.freeze({
  MALLOC_MMAP_THRESHOLD_: String(128 * 1024),
});
