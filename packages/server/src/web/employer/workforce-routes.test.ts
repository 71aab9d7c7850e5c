import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employerSessions } from '../../../test/support/employer-sessions.js';
import { ESCO_FILES, SPREADSHEETS, SQL, VISUAL } from '../../../test/support/small-esco.js';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import type { WebSession } from '../../../test/support/web-session.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';
import {
  DEMO_EMPLOYER_EMAIL,
  DEMO_EMPLOYER_SLUG,
  DEMO_INVITED_EMAIL,
  DEMO_ROLE_TITLE,
  DEMO_TALENT_EMAIL,
  DEMO_TALENT_NAME,
} from '../../domain/demo/seed-demo-talent.js';

const BASE = `/employer/${DEMO_EMPLOYER_SLUG}`;
const ID = /\/roles\/([0-9a-f-]{36})\?done=saved$/;

describe("the employer workspace's saved roles and workforce pages", () => {
  let test: TestApp;
  let employerId: string;
  let demoRoleId: string;
  let owner: WebSession;
  let viewer: WebSession;
  let otherOwner: WebSession;
  let anonymous: WebSession;

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    // The demo aligns achievements to ESCO URIs the small framework lacks: seeded before it is imported.
    await seedDemoData(test.platform);
    await test.platform.skills.importEsco(null, ESCO_FILES);
    const demo = await test.platform.employers.findBySlug(DEMO_EMPLOYER_SLUG);
    if (demo === null) throw new Error('no demo employer');
    employerId = demo.id;
    const roles = await test.platform.savedRoles.list(ADMIN, employerId);
    demoRoleId = roles.find((role) => role.title === DEMO_ROLE_TITLE)?.id ?? '';
    ({ owner, viewer, otherOwner, anonymous } = await employerSessions(test, {
      employerId,
      ownerEmail: DEMO_EMPLOYER_EMAIL,
    }));
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  async function employeeId(email: string): Promise<string> {
    const employees = await test.platform.workforce.employees(ADMIN, employerId);
    return employees.find((employee) => employee.email === email)?.id ?? '';
  }

  it('has the demo role to work with', () => {
    expect(demoRoleId).not.toBe('');
  });

  it('sends someone signed out to sign in', async () => {
    for (const path of [`${BASE}/roles`, `${BASE}/roles/${demoRoleId}`, `${BASE}/workforce`]) {
      const response = await anonymous.get(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toContain('/signin');
    }
  });

  it('lists the saved roles in the menu, and shows one with its skills and what to do with it', async () => {
    const list = await owner.get(`${BASE}/roles`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(`<a href="${BASE}/roles" aria-current="page">Roles</a>`);
    expect(list.text).toContain(`href="${BASE}/workforce"`);
    expect(list.text).toMatch(
      new RegExp(
        `data-role="${demoRoleId}">\\s*<th scope="row"><a href="${BASE}/roles/${demoRoleId}">Data analyst</a></th>\\s*<td>4</td>`,
      ),
    );
    const page = await owner.get(`${BASE}/roles/${demoRoleId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Data analyst</h1>');
    expect(page.text).toMatch(new RegExp(`data-skill="${SQL}">[\\s\\S]*?data-required="true"`));
    expect(page.text).toContain(`href="${BASE}/talent?skill=${encodeURIComponent(SQL)}`);
    expect(page.text).toContain(`href="${BASE}/workforce/candidates?role=${demoRoleId}"`);
    expect(page.text).toContain(`href="${BASE}/workforce?role=${demoRoleId}"`);
    expect(page.text).toContain(`href="${BASE}/roles/${demoRoleId}/edit"`);
  });

  it('saves a role from the review step with its weights and required skills, then edits it', async () => {
    const review = await owner.get(`${BASE}/review?skill=${encodeURIComponent(SQL)}`);
    expect(review.text).toContain(`formaction="${BASE}/roles/new"`);
    const form = await owner.get(
      `${BASE}/roles/new?skill=${encodeURIComponent(SQL)}&skill=${encodeURIComponent(VISUAL)}&essential=${encodeURIComponent(SQL)}&required=${encodeURIComponent(SQL)}`,
    );
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/name="skill-0" value="[^"]+598de5b0/);
    expect(form.text).toMatch(/name="essential-0" value="yes" checked/);
    expect(form.text).toMatch(/name="required-0" value="yes" checked/);
    expect(form.text).toMatch(/name="essential-1" value="yes"\s*\/?>/);

    const saved = await owner.post(`${BASE}/roles`, {
      title: 'Reporting analyst',
      'skill-0': SQL,
      'keep-0': 'yes',
      'essential-0': 'yes',
      'weight-0': '3',
      'required-0': 'yes',
      'skill-1': VISUAL,
      'keep-1': 'yes',
      'weight-1': '',
    });
    expect(saved.status).toBe(303);
    const id = saved.headers.get('location')?.match(ID)?.[1] ?? '';
    expect(id).not.toBe('');
    const page = await owner.get(`${BASE}/roles/${id}?done=saved`);
    expect(page.text).toContain('The role was saved.');
    expect(page.text).toMatch(
      new RegExp(
        `data-skill="${SQL}">[\\s\\S]*?<td data-label="Weight">3</td>\\s*<td [^>]*data-required="true">`,
      ),
    );
    expect(page.text).toMatch(
      new RegExp(
        `data-skill="${VISUAL}">[\\s\\S]*?data-essential="false">optional</td>\\s*<td data-label="Weight">1</td>`,
      ),
    );

    const edit = await owner.get(`${BASE}/roles/${id}/edit`);
    expect(edit.text).toMatch(/name="title"[^>]*value="Reporting analyst"/);
    expect(edit.text).toMatch(/name="weight-0"[^>]*value="3"/);
    // Looking a skill up by name adds it unticked and saves nothing.
    const added = await owner.post(`${BASE}/roles/${id}`, {
      title: 'Renamed meanwhile',
      'skill-0': SQL,
      'keep-0': 'yes',
      intent: 'add',
      add: 'spreadsheets',
    });
    expect(added.status).toBe(200);
    expect(added.text).toMatch(new RegExp(`name="skill-1" value="${SPREADSHEETS}"`));
    expect(added.text).toMatch(/name="keep-1" value="yes"\s*\/?>/);
    expect((await test.platform.savedRoles.get(ADMIN, employerId, id)).title).toBe('Reporting analyst');

    const updated = await owner.post(`${BASE}/roles/${id}`, {
      title: 'Senior reporting analyst',
      'skill-0': SQL,
      'keep-0': 'yes',
      'essential-0': 'yes',
      'skill-1': VISUAL,
      'skill-2': SPREADSHEETS,
      'keep-2': 'yes',
      'weight-2': '1,5',
    });
    expect(updated.status).toBe(303);
    expect(updated.headers.get('location')).toBe(`${BASE}/roles/${id}?done=updated`);
    const role = await test.platform.savedRoles.get(ADMIN, employerId, id);
    expect(role.title).toBe('Senior reporting analyst');
    expect(role.skills.map((skill) => [skill.id, skill.weight, skill.required])).toEqual([
      [SQL, 2, false],
      [SPREADSHEETS, 1.5, false],
    ]);

    const none = await owner.post(`${BASE}/roles/${id}`, { title: 'Empty', 'skill-0': SQL });
    expect(none.status).toBe(400);
    expect(none.text).toContain('Keep at least one skill');
    const badWeight = await owner.post(`${BASE}/roles`, {
      title: 'Odd',
      'skill-0': SQL,
      'keep-0': 'yes',
      'weight-0': 'heavy',
    });
    expect(badWeight.status).toBe(400);
    expect(badWeight.text).toContain('role="alert"');
    expect(badWeight.text).toMatch(/name="title"[^>]*value="Odd"/);
    const noTitle = await owner.post(`${BASE}/roles`, { title: ' ', 'skill-0': SQL, 'keep-0': 'yes' });
    expect(noTitle.status).toBe(400);
    expect((await owner.post(`${BASE}/roles`, { title: 'Forged' }, { csrf: false })).status).toBe(403);
  });

  it('deletes a role after a confirmation page', async () => {
    const created = await test.platform.savedRoles.create(ADMIN, employerId, {
      title: 'Short-lived',
      skills: [{ id: SQL }],
    });
    const confirm = await owner.get(`${BASE}/roles/${created.id}/delete`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Delete the role “Short-lived”?');
    expect(confirm.text).toContain(`action="${BASE}/roles/${created.id}/delete"`);
    const deleted = await owner.post(`${BASE}/roles/${created.id}/delete`, {});
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe(`${BASE}/roles?done=deleted`);
    expect((await owner.get(`${BASE}/roles?done=deleted`)).text).toContain('The role was deleted.');
    expect((await owner.get(`${BASE}/roles/${created.id}`)).status).toBe(404);
    expect((await owner.post(`${BASE}/roles/${created.id}/delete`, {})).status).toBe(404);
  });

  it('lets a viewer read roles and the workforce, and change nothing (403)', async () => {
    const list = await viewer.get(`${BASE}/roles`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('Only owners and recruiters can save, change or delete roles.');
    const page = await viewer.get(`${BASE}/roles/${demoRoleId}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(`/roles/${demoRoleId}/edit`);
    expect((await viewer.get(`${BASE}/review?skill=${encodeURIComponent(SQL)}`)).text).not.toContain(
      '/roles/new',
    );
    const employees = await viewer.get(`${BASE}/workforce/employees`);
    expect(employees.status).toBe(200);
    expect(employees.text).not.toContain('name="invites"');
    expect((await viewer.get(`${BASE}/workforce?role=${demoRoleId}`)).text).toContain(DEMO_TALENT_NAME);
    const sam = await employeeId(DEMO_INVITED_EMAIL);
    const refused = [
      await viewer.get(`${BASE}/roles/new?skill=${encodeURIComponent(SQL)}`),
      await viewer.post(`${BASE}/roles`, { title: 'Mine', 'skill-0': SQL, 'keep-0': 'yes' }),
      await viewer.get(`${BASE}/roles/${demoRoleId}/edit`),
      await viewer.post(`${BASE}/roles/${demoRoleId}`, { title: 'Mine', 'skill-0': SQL, 'keep-0': 'yes' }),
      await viewer.get(`${BASE}/roles/${demoRoleId}/delete`),
      await viewer.post(`${BASE}/roles/${demoRoleId}/delete`, {}),
      await viewer.post(`${BASE}/workforce/employees`, { invites: 'x@example.org, Data' }),
      await viewer.post(`${BASE}/workforce/employees/${sam}/team`, { team: 'Ops' }),
      await viewer.get(`${BASE}/workforce/employees/${sam}/remove`),
      await viewer.post(`${BASE}/workforce/employees/${sam}/remove`, {}),
    ];
    for (const response of refused) expect(response.status).toBe(403);
    expect((await test.platform.savedRoles.get(ADMIN, employerId, demoRoleId)).title).toBe(DEMO_ROLE_TITLE);
    expect(await employeeId(DEMO_INVITED_EMAIL)).toBe(sam);
  });

  it("keeps another employer's role and employees out of reach (404)", async () => {
    const other = '/employer/other-co';
    const sam = await employeeId(DEMO_INVITED_EMAIL);
    for (const path of [
      `${other}/roles/${demoRoleId}`,
      `${other}/roles/${demoRoleId}/edit`,
      `${other}/workforce?role=${demoRoleId}`,
      `${other}/workforce/candidates?role=${demoRoleId}`,
      `${other}/workforce/inventory.csv?role=${demoRoleId}`,
      `${other}/workforce/employees/${sam}/remove`,
      `${other}/roles/not-a-role`,
      `${other}/workforce?role=not-a-role`,
      `${BASE}/roles/${demoRoleId}`,
      `${BASE}/workforce`,
    ]) {
      expect((await otherOwner.get(path)).status, path).toBe(404);
    }
    expect((await otherOwner.post(`${other}/roles/${demoRoleId}/delete`, {})).status).toBe(404);
    expect((await otherOwner.post(`${other}/workforce/employees/${sam}/remove`, {})).status).toBe(404);
    expect((await otherOwner.get(`${other}/roles`)).text).not.toContain(DEMO_ROLE_TITLE);
  });

  it('invites several people at once, and refuses the whole list when a line is wrong', async () => {
    const refused = await owner.post(`${BASE}/workforce/employees`, {
      invites: 'ana@example.com, Data\nnot-an-address, Data\n\nbo@example.com',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Nobody was invited: 1 line needs correcting first.');
    expect(refused.text).toContain(
      '<li data-line="2">Line 2 (“not-an-address, Data”): this is not an email address.</li>',
    );
    expect(refused.text).toContain('ana@example.com, Data\nnot-an-address, Data');
    expect(refused.text).toContain('aria-invalid="true"');
    expect(await employeeId('ana@example.com')).toBe('');
    expect(await employeeId('bo@example.com')).toBe('');

    const long = await owner.post(`${BASE}/workforce/employees`, {
      invites: `cy@example.com, ${'x'.repeat(101)}`,
    });
    expect(long.status).toBe(400);
    expect(long.text).toContain('a team name has at most 100 characters.');

    const invited = await owner.post(`${BASE}/workforce/employees`, {
      invites: 'Ana@Example.com, Data\r\n\r\nbo@example.com\ncy@example.com; Data',
    });
    expect(invited.status).toBe(303);
    expect(invited.headers.get('location')).toBe(`${BASE}/workforce/employees?done=invited`);
    const page = await owner.get(`${BASE}/workforce/employees?done=invited`);
    expect(page.text).toContain('The invitations were sent.');
    expect(page.text).toMatch(/<section aria-labelledby="team-\d+" data-team="Data">[\s\S]*?ana@example.com/);
    expect(page.text).toMatch(/data-team="">[\s\S]*?bo@example.com/);
    expect(page.text).toMatch(/data-employee="ana@example.com">[\s\S]*?data-status="invited">invited</);
    expect(page.text).toMatch(
      /data-employee="jordan@example.com">[\s\S]*?data-status="connected">connected</,
    );
    const mails = await test.platform.mail.list(500);
    expect(mails.some((mail) => mail.toAddress === 'ana@example.com')).toBe(true);
    expect((await owner.post(`${BASE}/workforce/employees`, { invites: '  \n ' })).status).toBe(400);
  });

  it('moves an employee to another team and removes one after a confirmation page', async () => {
    const bo = await employeeId('bo@example.com');
    const moved = await owner.post(`${BASE}/workforce/employees/${bo}/team`, { team: 'Ops' });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(`${BASE}/workforce/employees?done=team`);
    expect((await owner.get(`${BASE}/workforce/employees`)).text).toMatch(
      /data-team="Ops">[\s\S]*?bo@example.com/,
    );
    const confirm = await owner.get(`${BASE}/workforce/employees/${bo}/remove`);
    expect(confirm.text).toContain('Remove bo@example.com from the workforce?');
    const removed = await owner.post(`${BASE}/workforce/employees/${bo}/remove`, {});
    expect(removed.headers.get('location')).toBe(`${BASE}/workforce/employees?done=removed`);
    expect((await owner.get(`${BASE}/workforce/employees`)).text).not.toContain('bo@example.com');
    expect((await owner.get(`${BASE}/workforce/employees/${bo}/remove`)).status).toBe(404);
    expect((await owner.post(`${BASE}/workforce/employees/not-an-id/team`, { team: 'Ops' })).status).toBe(
      404,
    );
  });

  it("shows Jordan's SQL credential in the inventory against the demo role, and what closes the rest", async () => {
    const page = await owner.get(`${BASE}/workforce?role=${demoRoleId}&team=Analytics`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<a href="${BASE}/workforce" aria-current="page">Workforce</a>`);
    expect(page.text).toMatch(/<option value="Analytics" selected/);
    expect(page.text).toContain('Skills matrix against the role “Data analyst”');
    expect(page.text).toMatch(
      /<section class="table-scroll matrix" tabindex="0" aria-labelledby="matrix-caption">/,
    );
    const row = page.text.match(/<tr data-employee="jordan@example.com">([\s\S]*?)<\/tr>/)?.[1] ?? '';
    expect(row).toContain(DEMO_TALENT_NAME);
    expect(row).toContain('1 of 3 essential skills');
    expect(row).toMatch(
      new RegExp(
        `data-skill="${SQL}" data-proven="yes"><a href="/credentials/[0-9a-f-]+">SQL for Analysts</a>`,
      ),
    );
    expect(row).toMatch(
      new RegExp(`data-skill="${VISUAL}" data-proven="no"><span aria-hidden="true">—</span>`),
    );
    expect(page.text).toContain(`data-holders="${SQL}">1<`);
    expect(page.text).toContain('1 invited but not connected');
    expect(page.text).not.toContain(`data-employee="${DEMO_INVITED_EMAIL}"`);
    expect(page.text).toMatch(new RegExp(`data-uncovered="true">[\\s\\S]*?data-skill="${VISUAL}"`));
    expect(page.text).toMatch(/data-recommendations="true">\s*<li data-achievement=/);
    expect(page.text).toContain(
      `href="${BASE}/workforce/inventory.csv?team=Analytics&amp;role=${demoRoleId}"`,
    );

    const all = await owner.get(`${BASE}/workforce`);
    expect(all.text).toContain('Skills matrix: people by the skills they prove');
    expect(all.text).toMatch(new RegExp(`data-skill="${SQL}" data-proven="yes"`));
    const nobody = await owner.get(`${BASE}/workforce?team=Data`);
    expect(nobody.text).toContain('No one here has connected their portfolio yet.');
    expect(nobody.text).not.toContain(DEMO_TALENT_NAME);
  });

  it('serves the inventory as a CSV file with a name', async () => {
    const csv = await owner.get(`${BASE}/workforce/inventory.csv?role=${demoRoleId}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="${DEMO_EMPLOYER_SLUG}-skills-inventory.csv"`,
    );
    const [header = '', ...rows] = csv.text.trim().split(/\r?\n/);
    expect(header).toContain('essential skills proven');
    expect(header).toContain(`<${SQL}>`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(DEMO_TALENT_EMAIL);
    expect(rows[0]).toContain('SQL for Analysts');
  });

  it('ranks the connected employees for a saved role as talent results, with their team', async () => {
    const page = await owner.get(`${BASE}/workforce/candidates?role=${demoRoleId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Internal candidates for “Data analyst”');
    const first = page.text.match(/<ol class="candidates" start="1">([\s\S]*?)<\/ol>/)?.[1] ?? '';
    expect(first).toContain(DEMO_TALENT_NAME);
    expect(first).toContain('Team: Analytics');
    expect(first).toContain('SQL for Analysts');
    expect(first).toContain('1 of 4 skills proven, 1 of 3 essential');
    expect(page.text).not.toContain(DEMO_INVITED_EMAIL);
    const otherTeam = await owner.get(`${BASE}/workforce/candidates?role=${demoRoleId}&team=Data`);
    expect(otherTeam.text).toContain('No connected employee proves the skills of this role yet.');
    const noRole = await owner.get(`${BASE}/workforce/candidates`);
    expect(noRole.status).toBe(303);
    expect(noRole.headers.get('location')).toBe(`${BASE}/roles`);
  });

  it('leaves out of the inventory someone who declined, and someone removed', async () => {
    const jordan = (await test.platform.workforce.employees(ADMIN, employerId)).find(
      (employee) => employee.email === DEMO_TALENT_EMAIL,
    );
    if (jordan?.earnerId === null || jordan === undefined) throw new Error('Jordan is connected');
    const earnerId = jordan.earnerId;
    await test.platform.earners.declineEmployer(earnerId, jordan.id);
    const declined = await owner.get(`${BASE}/workforce?role=${demoRoleId}&team=Analytics`);
    expect(declined.text).not.toContain(DEMO_TALENT_NAME);
    expect(declined.text).toContain('2 invited but not connected');
    expect((await owner.get(`${BASE}/workforce/inventory.csv`)).text).not.toContain(DEMO_TALENT_EMAIL);
    expect((await owner.get(`${BASE}/workforce/candidates?role=${demoRoleId}`)).text).not.toContain(
      DEMO_TALENT_NAME,
    );

    await test.platform.earners.connectToEmployer(earnerId, jordan.id, { credentialIds: null });
    expect((await owner.get(`${BASE}/workforce`)).text).toContain(DEMO_TALENT_NAME);
    await owner.post(`${BASE}/workforce/employees/${jordan.id}/remove`, {});
    const removed = await owner.get(`${BASE}/workforce?role=${demoRoleId}`);
    expect(removed.text).not.toContain(DEMO_TALENT_NAME);
    expect(removed.text).not.toContain(`data-employee="${DEMO_TALENT_EMAIL}"`);
    // Nobody proves SQL any more: it is among the skills to close.
    expect(removed.text).toMatch(new RegExp(`data-uncovered="true">\\s*<li data-skill="${SQL}"`));
  });

  it('speaks French when asked', async () => {
    const page = await owner.get(`${BASE}/workforce/employees?lang=fr`);
    expect(page.text).toContain('Salariés');
    expect(page.text).toContain('Inviter des personnes');
    expect((await owner.get(`${BASE}/roles`)).text).toContain('Postes enregistrés');
    await owner.get(`${BASE}?lang=en`);
  });
});
