import type { DaemonStatus, PercentileSummary } from "@kokoro-speech/protocol";

/** Prometheus text exposition (version 0.0.4) of the same figures `status` reports. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

type Kind = "counter" | "gauge";

class Exposition {
  private readonly lines: string[] = [];

  metric(name: string, kind: Kind, help: string, samples: Array<[labels: string, value: number | null]>): void {
    this.lines.push(`# HELP kokoro_speech_${name} ${help}`, `# TYPE kokoro_speech_${name} ${kind}`);
    for (const [labels, value] of samples) {
      if (value === null) continue;
      this.lines.push(`kokoro_speech_${name}${labels} ${Number.isFinite(value) ? value : "NaN"}`);
    }
  }

  text(): string {
    return `${this.lines.join("\n")}\n`;
  }
}

function quantiles(summary: PercentileSummary): Array<[string, number | null]> {
  return [
    ['{quantile="0.5"}', summary.p50],
    ['{quantile="0.95"}', summary.p95],
  ];
}

export function formatPrometheus(status: DaemonStatus): string {
  const out = new Exposition();
  const { counters, latency, memory, player, model, audio } = status;
  out.metric("uptime_seconds", "gauge", "Seconds since the daemon started.", [["", status.daemon.uptimeMs / 1000]]);
  out.metric("streams_total", "counter", "Streams by outcome.", [
    ['{outcome="started"}', counters.streamsStarted],
    ['{outcome="completed"}', counters.streamsCompleted],
    ['{outcome="cancelled"}', counters.streamsCancelled],
    ['{outcome="failed"}', counters.streamsFailed],
  ]);
  out.metric("underruns_total", "counter", "Times the device ran dry while a stream played.", [
    ["", counters.underruns],
  ]);
  out.metric("inferences_total", "counter", "Model runs.", [["", counters.inferences]]);
  out.metric("phoneme_tokens_total", "counter", "Phoneme tokens sent to the model.", [["", counters.phonemeTokens]]);
  out.metric("dropped_symbols_total", "counter", "Phoneme symbols outside the vocabulary (never sent).", [
    ["", counters.droppedSymbols],
  ]);
  out.metric("g2p_fallback_words_total", "counter", "Words only the espeak-ng fallback could pronounce.", [
    ["", counters.fallbackWords],
  ]);
  out.metric("provider_fallbacks_total", "counter", "Execution provider failures that moved inference to CPU.", [
    ["", counters.providerFallbacks],
  ]);
  out.metric("segment_retries_total", "counter", "Segments synthesized again after a failure.", [
    ["", counters.segmentRetries],
  ]);
  out.metric("memory_cleanups_total", "counter", "Idle resources released to give memory back.", [
    ["", counters.memoryCleanups],
  ]);
  out.metric("ttfa_milliseconds", "gauge", "Time to first audio of recent speak streams.", quantiles(latency.ttfaMs));
  out.metric(
    "rtf",
    "gauge",
    "Real-time factor of recent segments (inference / audio duration).",
    quantiles(latency.rtf),
  );
  out.metric(
    "inference_milliseconds_per_token",
    "gauge",
    "Inference time per phoneme token of recent segments.",
    quantiles(latency.inferenceMsPerToken),
  );
  out.metric("queue_length", "gauge", "Streams waiting behind the current one.", [["", player.queuedStreamIds.length]]);
  out.metric("playing", "gauge", "1 while a stream plays, 0 when idle or paused.", [
    ["", player.state === "playing" ? 1 : 0],
  ]);
  out.metric("audio_available", "gauge", "0 after the audio device failed to open or was lost.", [
    ["", audio.state === "unavailable" ? 0 : 1],
  ]);
  out.metric("model_ready", "gauge", "1 once the speech model is loaded.", [["", model.state === "ready" ? 1 : 0]]);
  out.metric("model_download_percent", "gauge", "Progress of a model download in progress.", [
    ["", model.progress?.percent ?? null],
  ]);
  out.metric("resident_memory_bytes", "gauge", "Resident set size of the daemon process.", [["", memory.rssBytes]]);
  out.metric("helper_resident_memory_bytes", "gauge", "Resident set size of the daemon's helper processes.", [
    ["", memory.helperRssBytes],
  ]);
  out.metric("heap_used_bytes", "gauge", "V8 heap in use.", [["", memory.heapUsedBytes]]);
  return out.text();
}
