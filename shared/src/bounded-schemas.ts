/**
 * Length-bounded zod schemas that check the type first. zod 4 runs a length check on any value that has a `length`
 * property, even after the type check failed, so a hostile `{"length": {"valueOf": 0, "toString": 0}}` in place of a
 * string reached `length < minimum` and threw a TypeError out of `safeParse`. The checks built here run only on a
 * value of the expected type. Every length-bounded field of an untrusted message is built with these.
 */
import { z } from "zod";

type LengthCheck = ReturnType<typeof z.minLength> | ReturnType<typeof z.maxLength>;

/** Narrows when a length check runs (zod's typings leave `when` out of the check's parameters, not out of its def). */
function onlyFor<C extends LengthCheck>(check: C, isType: (value: unknown) => boolean): C {
  check._zod.def.when = (payload) => isType(payload.value);
  return check;
}

const isString = (value: unknown): boolean => typeof value === "string";

/** A string of `min`–`max` characters (zod counts Unicode code points). */
export function boundedString(min: number, max: number): z.ZodString {
  const atMost = onlyFor(z.maxLength(max), isString);
  return min > 0 ? z.string().check(onlyFor(z.minLength(min), isString), atMost) : z.string().check(atMost);
}

/** An array of at most `max` items of `item`. */
export function boundedArray<T extends z.ZodType>(item: T, max: number): z.ZodArray<T> {
  return z.array(item).check(onlyFor(z.maxLength(max), Array.isArray));
}
