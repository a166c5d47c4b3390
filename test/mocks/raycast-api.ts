/**
 * A stand-in for `@raycast/api`, which has no runtime outside Raycast (Vitest aliases the package here). It
 * returns the preference defaults the manifest declares, lets a test set the selection and the clipboard, keeps
 * LocalStorage and Cache in memory, and records toasts, HUDs, command launches and opened targets.
 */
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import manifest from "../../raycast/package.json" with { type: "json" };
import { testTempRoot } from "../helpers/temp-dir.js";

// ---- enums and constants -------------------------------------------------------------------------------------

export const LaunchType = { UserInitiated: "userInitiated", Background: "background" } as const;
export type LaunchType = (typeof LaunchType)[keyof typeof LaunchType];

export const PopToRootType = { Default: "default", Immediate: "immediate", Suspended: "suspended" } as const;

/** Every icon name maps to itself, so tests can assert `Icon.Pause` as "Pause". */
export const Icon = new Proxy({} as Record<string, string>, { get: (_target, name) => String(name) });

// ---- recordings ----------------------------------------------------------------------------------------------

export interface ToastOptions {
  style?: string;
  title: string;
  message?: string;
  primaryAction?: { title: string; onAction: (toast: unknown) => unknown };
  secondaryAction?: { title: string; onAction: (toast: unknown) => unknown };
}

export interface LaunchOptions {
  name: string;
  type: LaunchType;
}

export const recorded = {
  toasts: [] as ToastOptions[],
  huds: [] as string[],
  launches: [] as LaunchOptions[],
  opened: [] as string[],
  shownInFinder: [] as string[],
  preferencesOpened: 0,
};

// ---- controllable inputs -------------------------------------------------------------------------------------

type PreferenceValue = string | boolean;

function manifestDefaults(): Record<string, PreferenceValue> {
  const defaults: Record<string, PreferenceValue> = {};
  for (const preference of manifest.preferences) {
    if ("default" in preference && preference.default !== undefined) defaults[preference.name] = preference.default;
  }
  return defaults;
}

let preferenceOverrides: Record<string, PreferenceValue> = {};
/** A string is the selection; an Error is what `getSelectedText` rejects with (nothing selected, no permission). */
let selection: string | Error = new Error("Unable to get selected text from frontmost application");
let clipboardText: string | undefined;
/** Commands whose launch throws, as Raycast does for a disabled command. */
let disabledCommands = new Set<string>();
/**
 * Whether Raycast's window is open. A command run by hotkey has none: Raycast then shows a toast (and every update
 * of it) as a HUD with the title only, without message or actions.
 */
let windowOpen = true;

export function setPreferences(overrides: Record<string, PreferenceValue>): void {
  preferenceOverrides = { ...overrides };
}

export function setSelectedText(value: string | Error): void {
  selection = value;
}

export function setClipboardText(value: string | undefined): void {
  clipboardText = value;
}

export function setWindowOpen(open: boolean): void {
  windowOpen = open;
}

export function disableCommand(name: string): void {
  disabledCommands.add(name);
}

const localStorage = new Map<string, string | number | boolean>();
const cacheStore = new Map<string, string>();

export const environment = {
  raycastVersion: "1.104.25",
  extensionName: manifest.name,
  commandName: "test",
  commandMode: "no-view",
  // Created once per test file that loads this module and never removed here: the run folder's teardown does it.
  assetsPath: mkdtempSync(join(testTempRoot(), "kokoro-raycast-assets-")),
  supportPath: mkdtempSync(join(testTempRoot(), "kokoro-raycast-support-")),
  isDevelopment: true,
  appearance: "light",
  textSize: "medium",
  launchType: LaunchType.UserInitiated,
};

/** Back to a fresh install: manifest defaults, nothing selected, empty clipboard and storage, no recordings. */
export function resetRaycastMock(): void {
  preferenceOverrides = {};
  selection = new Error("Unable to get selected text from frontmost application");
  clipboardText = undefined;
  disabledCommands = new Set();
  windowOpen = true;
  localStorage.clear();
  cacheStore.clear();
  recorded.toasts.length = 0;
  recorded.huds.length = 0;
  recorded.launches.length = 0;
  recorded.opened.length = 0;
  recorded.shownInFinder.length = 0;
  recorded.preferencesOpened = 0;
}

// ---- the API -------------------------------------------------------------------------------------------------

export function getPreferenceValues<T>(): T {
  return { ...manifestDefaults(), ...preferenceOverrides } as T;
}

export async function getSelectedText(): Promise<string> {
  if (selection instanceof Error) throw selection;
  return selection;
}

export const Clipboard = {
  readText: async (): Promise<string | undefined> => clipboardText,
  copy: async (text: string): Promise<void> => {
    clipboardText = text;
  },
};

export async function showHUD(title: string): Promise<void> {
  recorded.huds.push(title);
}

export const Toast = {
  Style: { Success: "SUCCESS", Failure: "FAILURE", Animated: "ANIMATED" },
} as const;

/** Shows a toast (a HUD when the window is closed), recorded as a snapshot of what it shows. */
function display(options: ToastOptions): void {
  if (windowOpen) recorded.toasts.push({ ...options });
  else recorded.huds.push(options.title);
}

export interface MockToast extends ToastOptions {
  hide(): Promise<void>;
}

/** Like Raycast's `Toast`: setting `title`, `message` or `style` updates what is shown, recorded as a new snapshot. */
export async function showToast(options: ToastOptions): Promise<MockToast> {
  let shown: ToastOptions = { ...options };
  display(shown);
  const update = (change: Partial<ToastOptions>): void => {
    shown = { ...shown, ...change };
    display(shown);
  };
  return {
    get title() {
      return shown.title;
    },
    set title(title: string) {
      update({ title });
    },
    get message() {
      return shown.message;
    },
    set message(message: string | undefined) {
      update({ message });
    },
    get style() {
      return shown.style;
    },
    set style(style: string | undefined) {
      update({ style });
    },
    get primaryAction() {
      return shown.primaryAction;
    },
    set primaryAction(primaryAction: ToastOptions["primaryAction"]) {
      update({ primaryAction });
    },
    hide: async () => undefined,
  };
}

export async function launchCommand(options: LaunchOptions): Promise<void> {
  if (disabledCommands.has(options.name)) throw new Error(`Command "${options.name}" is disabled`);
  recorded.launches.push({ name: options.name, type: options.type });
}

export async function open(target: string): Promise<void> {
  recorded.opened.push(target);
}

export async function showInFinder(path: string): Promise<void> {
  recorded.shownInFinder.push(path);
}

export async function openExtensionPreferences(): Promise<void> {
  recorded.preferencesOpened++;
}

export const LocalStorage = {
  getItem: async <T>(key: string): Promise<T | undefined> => localStorage.get(key) as T | undefined,
  setItem: async (key: string, value: string | number | boolean): Promise<void> => {
    localStorage.set(key, value);
  },
  removeItem: async (key: string): Promise<void> => {
    localStorage.delete(key);
  },
  allItems: async () => Object.fromEntries(localStorage),
  clear: async (): Promise<void> => localStorage.clear(),
};

/** Synchronous and shared by every instance, like Raycast's file-backed cache without a namespace. */
export class Cache {
  get(key: string): string | undefined {
    return cacheStore.get(key);
  }
  set(key: string, data: string): void {
    cacheStore.set(key, data);
  }
  has(key: string): boolean {
    return cacheStore.has(key);
  }
  remove(key: string): boolean {
    return cacheStore.delete(key);
  }
}

// ---- menu-bar components: markers the tests' renderer stops at --------------------------------------------

function hostComponent(name: string): ((props: unknown) => null) & { hostName: string } {
  return Object.assign(() => null, { hostName: name });
}

export const Form = Object.assign(hostComponent("Form"), {
  TextArea: hostComponent("Form.TextArea"),
  Dropdown: Object.assign(hostComponent("Form.Dropdown"), { Item: hostComponent("Form.Dropdown.Item") }),
  TextField: hostComponent("Form.TextField"),
  Description: hostComponent("Form.Description"),
});

export const ActionPanel = Object.assign(hostComponent("ActionPanel"), {
  Section: hostComponent("ActionPanel.Section"),
});

export const Action = Object.assign(hostComponent("Action"), {
  SubmitForm: hostComponent("Action.SubmitForm"),
  ShowInFinder: hostComponent("Action.ShowInFinder"),
  Push: hostComponent("Action.Push"),
  Style: { Regular: "regular", Destructive: "destructive" },
});

export const List = Object.assign(hostComponent("List"), {
  Item: hostComponent("List.Item"),
  Section: hostComponent("List.Section"),
});

export const MenuBarExtra = Object.assign(hostComponent("MenuBarExtra"), {
  Item: hostComponent("MenuBarExtra.Item"),
  Section: hostComponent("MenuBarExtra.Section"),
  Submenu: hostComponent("MenuBarExtra.Submenu"),
});
