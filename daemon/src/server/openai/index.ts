export { createOpenAiRoutes, type OpenAiRoutes, type OpenAiRoutesOptions } from "./routes.js";
export type { SpeechCounters } from "./speech-route.js";
