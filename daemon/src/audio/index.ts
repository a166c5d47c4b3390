export { createSink, type AudioSink, type SinkKind, type SinkOptions } from "./sink.js";
