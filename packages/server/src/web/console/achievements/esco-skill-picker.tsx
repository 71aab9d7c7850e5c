import type { ConceptKind, SkillConcept } from '../../../domain/ports/index.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import type { Translator } from '../../../i18n/translate.js';
import type { FieldError } from './achievement-form.js';
import { MAX_SKILL_QUERY } from './pick-esco-skill.js';

const KIND_LABELS = {
  skill: 'skill.kind.skill',
  knowledge: 'skill.kind.knowledge',
  group: 'skill.kind.group',
} as const satisfies Record<ConceptKind, MessageKey>;

/** The address site.js asks for suggestions (the public skills search of the API). */
export const ESCO_SUGGESTIONS_API = '/api/v1/skills';

/** What the page shows of the ESCO picker; the page offers none when no ESCO framework is imported. */
export interface EscoPickerState {
  /** The matches of the last search; null when nothing was looked for. */
  readonly matches: readonly SkillConcept[] | null;
}

/** ESCO's descriptions run to several sentences: the first words are enough to tell skills apart. */
function shortened(text: string, length = 160): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2)).trimEnd()}…`;
}

/**
 * "Find an ESCO skill": a search field whose Find button lists matches, each with an Add button that adds
 * it as a skill row, all without a script. site.js turns the field into a combobox with suggestions
 * (`data-esco-picker`; its words are in the `data-*` attributes, in the page's language).
 */
export function EscoSkillPicker(props: {
  readonly t: Translator;
  readonly state: EscoPickerState;
  readonly query: string;
  /** The URLs of the form's skill rows: a match already among them is not offered again. */
  readonly addedUrls: readonly string[];
  readonly errors: readonly FieldError[];
}) {
  const { t, state } = props;
  const error = props.errors.find((item) => item.field === 'skill-search');
  const query = props.query.trim();
  return (
    <div
      class="esco-picker"
      data-esco-picker
      data-esco-api={ESCO_SUGGESTIONS_API}
      data-kind-skill={t('skill.kind.skill')}
      data-kind-knowledge={t('skill.kind.knowledge')}
      data-suggestions={t('console.achievements.esco.suggestions')}
      data-no-match={t('console.achievements.esco.noMatch')}
      data-added-as={t('console.achievements.esco.addedAs')}
      data-already={t('console.achievements.esco.already')}
      data-failed={t('console.achievements.esco.failed')}
    >
      <label for="skill-search">{t('console.achievements.esco.search')}</label>
      <p class="hint" id="skill-search-hint">
        {t('console.achievements.esco.searchHint')}
      </p>
      <div class="esco-search">
        <input
          id="skill-search"
          name="skillQuery"
          type="text"
          maxlength={MAX_SKILL_QUERY}
          autocomplete="off"
          value={props.query}
          aria-describedby={
            error === undefined ? 'skill-search-hint' : 'skill-search-hint skill-search-error'
          }
          {...(error === undefined ? {} : { 'aria-invalid': 'true' as const })}
        />
        {/* Looking a skill up must not wait for the form to be complete: nothing is saved. */}
        <button
          type="submit"
          id="skill-search-find"
          name="intent"
          value="findSkill"
          class="secondary"
          formnovalidate
        >
          {t('console.achievements.esco.find')}
        </button>
      </div>
      {error === undefined ? null : (
        <p class="field-error" id="skill-search-error">
          {error.message}
        </p>
      )}
      <p class="visually-hidden" id="skill-search-status" aria-live="polite" />
      {state.matches === null ? null : state.matches.length === 0 ? (
        <p class="notice" id="esco-matches">
          {t('console.achievements.esco.noMatch', { query })}
        </p>
      ) : (
        <section aria-labelledby="esco-matches-heading">
          <h3 id="esco-matches-heading">{t('console.achievements.esco.matching', { query })}</h3>
          <ul class="esco-matches" id="esco-matches">
            {state.matches.map((skill) => (
              <li data-esco-uri={skill.uri}>
                <div>
                  <strong>{skill.label}</strong> <span class="esco-kind">{t(KIND_LABELS[skill.kind])}</span>
                  {skill.description === null ? null : <p class="hint">{shortened(skill.description)}</p>}
                </div>
                {props.addedUrls.includes(skill.uri) ? (
                  <span class="esco-added">{t('console.achievements.esco.added')}</span>
                ) : (
                  <button
                    type="submit"
                    name="addSkill"
                    value={skill.uri}
                    class="secondary"
                    formnovalidate
                    aria-label={t('console.achievements.esco.addNamed', { label: skill.label })}
                  >
                    {t('console.achievements.esco.add')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="hint esco-attribution">{t('skill.attribution')}</p>
    </div>
  );
}
