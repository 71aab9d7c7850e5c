import { ACHIEVEMENT_TYPES } from '@microcred/vc';
import { DELIVERY_MODES } from '../../domain/ports/index.js';
import type { Translator } from '../../i18n/translate.js';

const KNOWN_TYPES: ReadonlySet<string> = new Set(ACHIEVEMENT_TYPES);
const KNOWN_DELIVERY: ReadonlySet<string> = new Set(DELIVERY_MODES);

/**
 * An OB 3.0 achievement type in the reader's words ("Micro-credential" for `MicroCredential`). An issuer's
 * own `ext:` type is shown without its prefix, its words being the issuer's.
 */
export function achievementTypeWords(t: Translator, type: string): string {
  if (KNOWN_TYPES.has(type)) return t(`achievementType.${type as (typeof ACHIEVEMENT_TYPES)[number]}`);
  return type.startsWith('ext:') ? type.slice('ext:'.length) : type;
}

/** A delivery mode in the reader's words ("Online" / "En ligne" for `online`). */
export function deliveryModeWords(t: Translator, mode: string): string {
  return KNOWN_DELIVERY.has(mode) ? t(`deliveryMode.${mode as (typeof DELIVERY_MODES)[number]}`) : mode;
}
