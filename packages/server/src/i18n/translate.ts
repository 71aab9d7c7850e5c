import { IntlMessageFormat } from 'intl-messageformat';
import { en, type MessageKey } from './messages/en.js';
import { fr } from './messages/fr.js';

/**
 * A catalogue: every key of the English one, each a string with `{name}` placeholders. A message that
 * depends on a number is an ICU plural (`{count, plural, one {# person} other {# people}}`), so each
 * language applies its own rules (French says "0 personne", English "0 people").
 */
export type Messages = Readonly<Record<MessageKey, string>>;

export const CATALOGUES: Readonly<Record<string, Messages>> = { en, fr };
export const LOCALES = Object.keys(CATALOGUES);
export const DEFAULT_LOCALE = 'en';

export type MessageParams = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly locale: string;
  /** The message for `key` with its `{placeholders}` filled in (missing params stay visible, never blank). */
  (key: MessageKey, params?: MessageParams): string;
  /** A date as a reader of this locale writes it (UTC, so every viewer sees the same day). */
  date(value: Date): string;
  /** A count as a reader of this locale writes it (`12,345`, `12 345`). */
  number(value: number): string;
}

// Only messages with a plural or select go through ICU: in the others an apostrophe stays an apostrophe.
const ICU_ARGUMENT = /\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/;
const compiled = new Map<string, IntlMessageFormat>();

function pluralFormat(locale: string, template: string): IntlMessageFormat | undefined {
  if (!ICU_ARGUMENT.test(template)) return undefined;
  const cacheKey = `${locale}\u0000${template}`;
  let format = compiled.get(cacheKey);
  if (format === undefined) {
    format = new IntlMessageFormat(template, locale);
    compiled.set(cacheKey, format);
  }
  return format;
}

export function isLocale(value: string | undefined | null): value is string {
  return value !== undefined && value !== null && Object.hasOwn(CATALOGUES, value);
}

// One translator per locale: each holds date and number formats, which cost more to build than a page's
// translations (every page and every mail of a bulk batch asks for one). A translator never changes.
const translators = new Map<string, Translator>();

export function translator(locale: string): Translator {
  const chosen = isLocale(locale) ? locale : DEFAULT_LOCALE;
  let made = translators.get(chosen);
  if (made === undefined) {
    made = makeTranslator(chosen);
    translators.set(chosen, made);
  }
  return made;
}

function makeTranslator(chosen: string): Translator {
  const messages = CATALOGUES[chosen] ?? en;
  const dates = new Intl.DateTimeFormat(chosen, { dateStyle: 'long', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(chosen);
  const t = ((key: MessageKey, params?: MessageParams) => {
    const template = messages[key] ?? en[key];
    if (params === undefined) return template;
    const plural = pluralFormat(chosen, template);
    if (plural !== undefined) return String(plural.format(params));
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  }) as Translator;
  Object.defineProperty(t, 'locale', { value: chosen });
  t.date = (value: Date) => dates.format(value);
  t.number = (value: number) => numbers.format(value);
  return t;
}

/**
 * The best catalogue for an `Accept-Language` header (RFC 9110 §12.5.4): highest weight first, matching
 * on the primary language subtag.
 */
export function negotiateLocale(header: string | undefined): string {
  if (header === undefined) return DEFAULT_LOCALE;
  const ranges = header
    .split(',')
    .map((part) => {
      const [range = '', ...parameters] = part.trim().split(';');
      const weight = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((q) => q !== undefined);
      return {
        language: range.trim().toLowerCase().split('-')[0] ?? '',
        q: weight === undefined ? 1 : Number(weight),
      };
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranges.find((range) => isLocale(range.language))?.language ?? DEFAULT_LOCALE;
}
