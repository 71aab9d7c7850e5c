import type { Context, Hono } from 'hono';
import { resourceNotFound } from '../../domain/auth/resource-not-found.js';
import { authorizeEmployer } from '../../domain/employer/employer-access.js';
import { ESSENTIAL_WEIGHT, OPTIONAL_WEIGHT } from '../../domain/employer/saved-roles.js';
import type { SavedRole } from '../../domain/ports/index.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { doneNote } from '../shared/done-note.js';
import { correctableMessage } from '../shared/user-message.js';
import { formField, readForm } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { employerPath, employerWorkspace } from './employer-context.js';
import { MAX_SKILL_QUERY } from './role-pages.js';
import { readRoleQuery } from './role-query.js';
import {
  DeleteRolePage,
  RoleFormPage,
  type RoleFormSkill,
  type RoleFormValues,
  RolesPage,
  rolePath,
  SavedRolePage,
} from './saved-role-pages.js';

/** Saved roles and employees have UUIDs: anything else is none (and never reaches a uuid column). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The saving form's rows: as many as a role takes (SavedRoleInputSchema) plus one lookup's worth.
const MAX_FORM_ROWS = 110;
// Skills offered for one lookup, as on the review step.
const ADDED_MATCHES = 10;

const ROLE_DONE = {
  saved: 'employer.savedRoles.saved',
  updated: 'employer.savedRoles.updated',
} as const satisfies Record<string, MessageKey>;

const ROLES_DONE = { deleted: 'employer.savedRoles.deleted' } as const satisfies Record<string, MessageKey>;

export { doneNote };

/** The rows of a posted saving form (`skill-{i}`, `keep-{i}`, …), in order, up to the first gap. */
function readRows(form: Readonly<Record<string, unknown>>): Omit<RoleFormSkill, 'label'>[] {
  const rows: Omit<RoleFormSkill, 'label'>[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < MAX_FORM_ROWS; index++) {
    const id = formField(form, `skill-${index}`).trim();
    if (id === '') break;
    if (seen.has(id)) continue;
    seen.add(id);
    rows.push({
      id,
      include: formField(form, `keep-${index}`) !== '',
      essential: formField(form, `essential-${index}`) !== '',
      weight: formField(form, `weight-${index}`).trim(),
      required: formField(form, `required-${index}`) !== '',
    });
  }
  return rows;
}

/** A typed weight: '' is the default; a French decimal comma is read as a point; anything else is refused. */
function weightOf(typed: string): number | undefined {
  return typed === '' ? undefined : Number(typed.replace(',', '.'));
}

/** A saved role as its form shows it: the weight only when it is not the essential / optional default. */
export function roleFormValues(role: SavedRole): RoleFormValues {
  return {
    title: role.title,
    occupationUri: role.occupationUri ?? '',
    skills: role.skills.map((skill) => ({
      id: skill.id,
      label: skill.label,
      include: true,
      essential: skill.essential,
      weight:
        skill.weight === (skill.essential ? ESSENTIAL_WEIGHT : OPTIONAL_WEIGHT) ? '' : String(skill.weight),
      required: skill.required,
    })),
  };
}

/**
 * `/employer/{slug}/roles`: the employer's saved roles (every member reads them; recruiters and owners save
 * one from the review step, edit it and delete it), each a starting point for a talent search, the internal
 * candidates and the workforce inventory.
 */
export function mountSavedRoleRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  /** The saved role of the address, among this employer's (NOT_FOUND for anyone else's). */
  async function roleOf(c: Context<WebEnv>) {
    const { actor, workspace } = employerWorkspace(c);
    const id = c.req.param('roleId') ?? '';
    if (!UUID.test(id)) throw resourceNotFound('role');
    const role = await platform.savedRoles.get(actor, workspace.employerId, id);
    return { actor, workspace, role };
  }

  /** The skills' labels from the framework (an unknown one keeps its URI: saving it is then refused). */
  async function labelled(rows: readonly Omit<RoleFormSkill, 'label'>[]): Promise<RoleFormSkill[]> {
    const labels = new Map(
      (await platform.skills.findMany(rows.map((row) => row.id))).map((skill) => [skill.uri, skill.label]),
    );
    return rows.map((row) => ({ ...row, label: labels.get(row.id) ?? row.id }));
  }

  /**
   * A posted saving form: with `intent=add`, the same form with the skills found by name appended
   * (nothing saved); otherwise the role created (or `role` updated), then its page.
   */
  async function submitRole(c: Context<WebEnv>, role: SavedRole | undefined) {
    const { actor, workspace } = employerWorkspace(c);
    authorizeEmployer(actor, workspace.employerId, 'recruiter');
    const t = c.get('t');
    const form = await readForm(c);
    const skills = await labelled(readRows(form));
    const values: RoleFormValues = {
      title: formField(form, 'title'),
      occupationUri: formField(form, 'occupation').trim(),
      skills,
    };
    const render = (
      options: { add?: string; message?: string; error?: string; values?: RoleFormValues },
      status: 200 | 400 | 409 = 200,
    ) =>
      c.html(
        <RoleFormPage
          c={c}
          workspace={workspace}
          role={role}
          values={options.values ?? values}
          add={options.add}
          message={options.message}
          error={options.error}
        />,
        status,
      );

    if (formField(form, 'intent') === 'add') {
      const add = formField(form, 'add').trim();
      if (add === '' || add.length > MAX_SKILL_QUERY) return render({ add });
      const present = new Set(skills.map((skill) => skill.id));
      const found = (await platform.skills.search({ q: add, limit: ADDED_MATCHES })).filter(
        (skill) => skill.kind !== 'group' && !present.has(skill.uri),
      );
      return render({
        add,
        values: {
          ...values,
          skills: [
            ...skills,
            ...found.map((skill) => ({
              id: skill.uri,
              label: skill.label,
              include: false,
              essential: true,
              weight: '',
              required: false,
            })),
          ],
        },
        message:
          found.length === 0
            ? t('employer.review.addNone', { q: add })
            : t('employer.review.addFound', { q: add, count: found.length }),
      });
    }

    const kept = skills.filter((skill) => skill.include);
    if (kept.length === 0) return render({ error: t('employer.savedRoles.form.noSkills') }, 400);
    const input = {
      title: values.title,
      occupationUri: values.occupationUri === '' ? null : values.occupationUri,
      skills: kept.map((skill) => {
        const weight = weightOf(skill.weight);
        return {
          id: skill.id,
          essential: skill.essential,
          required: skill.required,
          ...(weight === undefined ? {} : { weight }),
        };
      }),
    };
    let saved: SavedRole;
    try {
      saved =
        role === undefined
          ? await platform.savedRoles.create(actor, workspace.employerId, input)
          : await platform.savedRoles.update(actor, workspace.employerId, role.id, input);
    } catch (error) {
      const message = correctableMessage(error, t);
      if (message === null) throw error;
      return render({ error: message }, 400);
    }
    return c.redirect(`${rolePath(workspace, saved)}?done=${role === undefined ? 'saved' : 'updated'}`, 303);
  }

  web.get('/employer/:slug/roles', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    const roles = await platform.savedRoles.list(actor, workspace.employerId);
    return c.html(<RolesPage c={c} workspace={workspace} roles={roles} message={doneNote(c, ROLES_DONE)} />);
  });

  // Registered before `/roles/:roleId`: `new` is not a role.
  web.get('/employer/:slug/roles/new', async (c) => {
    const { actor, workspace } = employerWorkspace(c);
    authorizeEmployer(actor, workspace.employerId, 'recruiter');
    // The skills as the review step's form sent them (ticked ones only).
    const asked = readRoleQuery(c.req.queries());
    if (asked.skills.length === 0) return c.redirect(employerPath(workspace), 303);
    const essential = new Set(asked.essential);
    const required = new Set(asked.required);
    const weights = new Map(asked.weights);
    const skills = await labelled(
      asked.skills.map((id) => ({
        id,
        include: true,
        essential: essential.has(id),
        weight: String(weights.get(id) ?? ''),
        required: required.has(id),
      })),
    );
    return c.html(
      <RoleFormPage
        c={c}
        workspace={workspace}
        values={{ title: '', occupationUri: asked.occupation, skills }}
      />,
    );
  });

  web.post('/employer/:slug/roles', (c) => submitRole(c, undefined));

  web.get('/employer/:slug/roles/:roleId', async (c) => {
    const { workspace, role } = await roleOf(c);
    return c.html(<SavedRolePage c={c} workspace={workspace} role={role} message={doneNote(c, ROLE_DONE)} />);
  });

  web.get('/employer/:slug/roles/:roleId/edit', async (c) => {
    const { actor, workspace, role } = await roleOf(c);
    authorizeEmployer(actor, workspace.employerId, 'recruiter');
    return c.html(<RoleFormPage c={c} workspace={workspace} role={role} values={roleFormValues(role)} />);
  });

  web.post('/employer/:slug/roles/:roleId', async (c) => {
    const { role } = await roleOf(c);
    return submitRole(c, role);
  });

  web.get('/employer/:slug/roles/:roleId/delete', async (c) => {
    const { actor, workspace, role } = await roleOf(c);
    authorizeEmployer(actor, workspace.employerId, 'recruiter');
    return c.html(<DeleteRolePage c={c} workspace={workspace} role={role} />);
  });

  web.post('/employer/:slug/roles/:roleId/delete', async (c) => {
    const { actor, workspace, role } = await roleOf(c);
    await readForm(c);
    await platform.savedRoles.delete(actor, workspace.employerId, role.id);
    return c.redirect(`${employerPath(workspace, '/roles')}?done=deleted`, 303);
  });
}
