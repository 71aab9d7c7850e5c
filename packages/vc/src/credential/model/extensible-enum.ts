import { z } from 'zod';

/**
 * OB 3.0 "EnumExt" extension values: `ext:` followed by the characters of the spec's pattern
 * `(ext:)[a-z|A-Z|0-9|.|-|_]+`. The official JSON Schema leaves that pattern unanchored; it is
 * anchored here so that a value merely containing `ext:` is not taken for an extension.
 */
export const EXTENSION_VALUE_PATTERN = /^ext:[a-zA-Z0-9.|_-]+$/;

/** An extensible enumeration: one of the spec's `values` or an `ext:` extension value. */
export function extensibleEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([
    z.enum(values),
    z.templateLiteral(['ext:', z.string()]).refine((value) => EXTENSION_VALUE_PATTERN.test(value), {
      message: 'an extension value must match ext:[a-zA-Z0-9.|_-]+',
    }),
  ]);
}
