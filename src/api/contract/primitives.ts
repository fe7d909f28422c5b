import * as v from 'valibot';
import { toEpochMs } from '../time';

/** A field SAM may omit or send as null; inside Lookout it is always `T | null`. */
export const maybe = <S extends v.GenericSchema>(schema: S) => v.nullish(schema, null);

/** Any timestamp form SAM sends (ISO, zone-less SQL, epoch ms), normalised to epoch milliseconds. */
export const timestamp = v.pipe(
  v.union([v.string(), v.number()]),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const ms = toEpochMs(dataset.value);
    if (ms === null) {
      addIssue({ message: `not a timestamp: ${JSON.stringify(dataset.value).slice(0, 40)}` });
      return NEVER;
    }
    return ms;
  }),
);

export const maybeTimestamp = maybe(timestamp);

/**
 * Enums grow on SAM's side. An open enum keeps any string, and its type still autocompletes the values
 * known today; callers must treat anything else as "unknown", never as an error.
 */
export type Open<Known extends string> = Known | (string & {});
export const openEnum = <const Known extends string>(_known: readonly Known[]) =>
  v.pipe(
    v.string(),
    v.transform((value) => value as Open<Known>),
  );

export const count = v.pipe(v.number(), v.integer(), v.minValue(0));
