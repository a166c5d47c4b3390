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

/** Rewrites every number followed by a known unit symbol. */
export function expandUnits(text: string): string {
  return text.replace(MEASUREMENT, (_m, numeral = "", unit = "") => measurementWords(numeral, unit));
}
