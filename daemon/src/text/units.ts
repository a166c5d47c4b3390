/** Measurements: "5 km" → "five kilometers", "20°C" → "twenty degrees Celsius", "3.5 GB", "60 mph". */
import { numeralWords } from "./numbers.js";

/** Unit symbol as written (case matters: "MB" is not "mb") → singular and plural names. */
const UNITS: Readonly<Record<string, readonly [one: string, many: string]>> = {
  km: ["kilometer", "kilometers"],
  m: ["meter", "meters"],
  cm: ["centimeter", "centimeters"],
  mm: ["millimeter", "millimeters"],
  µm: ["micrometer", "micrometers"],
  μm: ["micrometer", "micrometers"],
  nm: ["nanometer", "nanometers"],
  mi: ["mile", "miles"],
  ft: ["foot", "feet"],
  yd: ["yard", "yards"],
  kg: ["kilogram", "kilograms"],
  g: ["gram", "grams"],
  mg: ["milligram", "milligrams"],
  lb: ["pound", "pounds"],
  lbs: ["pound", "pounds"],
  oz: ["ounce", "ounces"],
  l: ["liter", "liters"],
  L: ["liter", "liters"],
  ml: ["milliliter", "milliliters"],
  mL: ["milliliter", "milliliters"],
  "°C": ["degree Celsius", "degrees Celsius"],
  "°F": ["degree Fahrenheit", "degrees Fahrenheit"],
  "℃": ["degree Celsius", "degrees Celsius"],
  "℉": ["degree Fahrenheit", "degrees Fahrenheit"],
  "°": ["degree", "degrees"],
  KB: ["kilobyte", "kilobytes"],
  kB: ["kilobyte", "kilobytes"],
  MB: ["megabyte", "megabytes"],
  GB: ["gigabyte", "gigabytes"],
  TB: ["terabyte", "terabytes"],
  PB: ["petabyte", "petabytes"],
  KiB: ["kibibyte", "kibibytes"],
  MiB: ["mebibyte", "mebibytes"],
  GiB: ["gibibyte", "gibibytes"],
  TiB: ["tebibyte", "tebibytes"],
  "KB/s": ["kilobyte per second", "kilobytes per second"],
  "MB/s": ["megabyte per second", "megabytes per second"],
  "GB/s": ["gigabyte per second", "gigabytes per second"],
  Kbps: ["kilobit per second", "kilobits per second"],
  kbps: ["kilobit per second", "kilobits per second"],
  "Mbit/s": ["megabit per second", "megabits per second"],
  "Gbit/s": ["gigabit per second", "gigabits per second"],
  px: ["pixel", "pixels"],
  fps: ["frame per second", "frames per second"],
  dpi: ["dot per inch", "dots per inch"],
  rpm: ["revolution per minute", "revolutions per minute"],
  s: ["second", "seconds"],
  µs: ["microsecond", "microseconds"],
  μs: ["microsecond", "microseconds"],
  ns: ["nanosecond", "nanoseconds"],
  Mbps: ["megabit per second", "megabits per second"],
  Gbps: ["gigabit per second", "gigabits per second"],
  Hz: ["hertz", "hertz"],
  kHz: ["kilohertz", "kilohertz"],
  MHz: ["megahertz", "megahertz"],
  GHz: ["gigahertz", "gigahertz"],
  W: ["watt", "watts"],
  kW: ["kilowatt", "kilowatts"],
  kWh: ["kilowatt hour", "kilowatt hours"],
  V: ["volt", "volts"],
  mAh: ["milliamp hour", "milliamp hours"],
  mph: ["mile per hour", "miles per hour"],
  "km/h": ["kilometer per hour", "kilometers per hour"],
  kph: ["kilometer per hour", "kilometers per hour"],
  "m/s": ["meter per second", "meters per second"],
  ms: ["millisecond", "milliseconds"],
  sec: ["second", "seconds"],
  min: ["minute", "minutes"],
  h: ["hour", "hours"],
  hr: ["hour", "hours"],
  hrs: ["hour", "hours"],
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Longest symbols first so "kWh" wins over "kW" and "mph" over "m". */
const UNIT_ALTERNATION = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");

/** A numeral, an optional space, a unit symbol, and no letter or digit right after it. */
const MEASUREMENT = new RegExp(
  String.raw`(?<![\w.,])([-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s?(${UNIT_ALTERNATION})(?![\p{L}\p{N}])`,
  "gu",
);

/** Words for a measurement; singular only for exactly one. */
function measurementWords(numeral: string, unit: string): string {
  const names = UNITS[unit];
  if (!names) return `${numeralWords(numeral)} ${unit}`;
  const isOne = /^1$/.test(numeral.replace(/,/g, ""));
  return `${numeralWords(numeral)} ${isOne ? names[0] : names[1]}`;
}

/** Words before "30s" that make it a decade ("in their 30s"), not thirty seconds. */
const DECADE_CONTEXT = /\b(?:the|their|his|her|my|your|our|its|early|mid|late|mid-)\s*$/i;

/** "1990s", "'80s" or "her 30s" are decades for the number step; "30s" elsewhere is thirty seconds. */
function isDecade(numeral: string, unit: string, before: string): boolean {
  if (unit !== "s" || !/0$/.test(numeral)) return false;
  return numeral.length === 4 || /['’]$/.test(before) || DECADE_CONTEXT.test(before);
}

/** "1h30m", "8m30s", "2m5.5s": durations written the Go way, two or more parts. */
const DURATION = /(?<![\w.])(?=\d+(?:\.\d+)?[hms]\d)(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?!\w|\.\d)/g;

function durationWords(hours?: string, minutes?: string, seconds?: string): string {
  return [
    [hours, "h"],
    [minutes, "min"],
    [seconds, "s"],
  ]
    .filter((part): part is [string, string] => part[0] !== undefined)
    .map(([value, unit]) => measurementWords(value, unit))
    .join(" ");
}

/** Rewrites every number followed by a known unit symbol. */
export function expandUnits(text: string): string {
  return (
    text
      .replace(DURATION, (match, hours?: string, minutes?: string, seconds?: string) =>
        match === "" ? match : durationWords(hours, minutes, seconds),
      )
      .replace(MEASUREMENT, (match, numeral = "", unit = "", offset: number, whole: string) =>
        isDecade(numeral, unit, whole.slice(0, offset)) ? match : measurementWords(numeral, unit),
      )
      // "10 min. by bus": an abbreviation's stop before a lower-case word is not a sentence end.
      .replace(/\b(minutes?|seconds?|hours?|pounds|ounces?|feet|foot)\.(?=\s+\p{Ll})/gu, "$1")
  );
}
