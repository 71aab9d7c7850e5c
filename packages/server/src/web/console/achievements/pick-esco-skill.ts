import { isServerError, ServerErrorCode } from '../../../domain/error/server-error.js';
import type { Platform } from '../../../domain/platform.js';
import type { SkillConcept } from '../../../domain/ports/index.js';
import type { Translator } from '../../../i18n/translate.js';
import { formField } from '../../shared/web-context.js';
import type { AchievementFormValues, FieldError } from './achievement-form.js';

/** How many matches the picker lists: enough to find one, few enough to read. */
export const ESCO_MATCHES = 10;

/** The longest search the skills search takes (the field says so too). */
export const MAX_SKILL_QUERY = 200;

/** What a use of the ESCO picker turns the form into: nothing is saved, the page is shown again. */
export interface EscoPicking {
  /** The form as posted, with the added skill as its last row. */
  readonly values: AchievementFormValues;
  /** The matches of `values.skillQuery`; null when nothing was looked for. */
  readonly matches: readonly SkillConcept[] | null;
  readonly errors: readonly FieldError[];
}

/**
 * The picker's two buttons without a script: "Find" (`intent=findSkill`) lists the matches of the search
 * field, and "Add" (`addSkill` = an ESCO URI) adds that skill as a row and lists the matches again, so that
 * several can be added in turn. Null when the form was posted by another button.
 */
export async function pickEscoSkill(
  platform: Platform,
  t: Translator,
  form: Readonly<Record<string, unknown>>,
  values: AchievementFormValues,
): Promise<EscoPicking | null> {
  const adding = formField(form, 'addSkill').trim();
  if (adding === '' && formField(form, 'intent') !== 'findSkill') return null;
  const errors: FieldError[] = [];
  let picked = values;
  if (adding !== '') {
    try {
      const { skill } = await platform.skills.view(adding);
      if (!values.skills.some((row) => row.url === skill.uri)) {
        picked = { ...values, skills: [...values.skills, { name: skill.label, url: skill.uri }] };
      }
    } catch (error) {
      if (!isServerError(error) || error.code !== ServerErrorCode.NOT_FOUND) throw error;
      errors.push({ field: 'skill-search', message: t('console.achievements.esco.unknown') });
    }
  }
  const query = values.skillQuery.trim().slice(0, MAX_SKILL_QUERY);
  if (query === '') {
    if (adding === '')
      errors.push({ field: 'skill-search', message: t('console.achievements.esco.emptyQuery') });
    return { values: picked, matches: null, errors };
  }
  return { values: picked, matches: await platform.skills.search({ q: query, limit: ESCO_MATCHES }), errors };
}
