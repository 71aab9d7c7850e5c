import { z } from 'zod';

/**
 * Accepts a value or an array of values and always yields an array. OB 3.0 serialization.md lets
 * 0..* properties be compacted to a single value in JSON-LD, so readers must take both forms; the
 * parsed result is the canonical (array) form either way.
 */
export function oneOrMany<T extends z.ZodType>(item: T): OneOrMany<T> {
  return z
    .union([item, z.array(item)] as const)
    .transform((value: z.output<T> | z.output<T>[]): z.output<T>[] =>
      Array.isArray(value) ? value : [value],
    );
}

/** The schema type {@link oneOrMany} returns, spelled out so recursive schemas can annotate getters. */
export type OneOrMany<T extends z.ZodType> = z.ZodPipe<
  z.ZodUnion<readonly [T, z.ZodArray<T>]>,
  z.ZodTransform<z.output<T>[], z.output<T> | z.output<T>[]>
>;
