import { describe, expect, it } from 'vitest';
import { readRoleQuery, roleQueryString } from './role-query.js';

const SQL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';
const ANALYST = 'http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-00000000da7a';
const CHARTS = 'http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389';

function parse(query: string) {
  const params = new URLSearchParams(query);
  const record: Record<string, string[]> = {};
  for (const [name, value] of params) record[name] = [...(record[name] ?? []), value];
  return readRoleQuery(record);
}

describe('the role a talent search address carries', () => {
  it("keeps an employer's own weights and the occupation through the address, and a shared link reads the same role", () => {
    const role = parse(
      `skill=${SQL}&skill=${CHARTS}&essential=${SQL}&required=${SQL}&weight=${encodeURIComponent(`3.5 ${CHARTS}`)}&occupation=${encodeURIComponent(ANALYST)}&page=2`,
    );
    expect(role.weights).toEqual([[CHARTS, 3.5]]);
    expect(role.occupation).toBe(ANALYST);
    expect(parse(roleQueryString(role).slice(1))).toEqual(role);
  });

  it('ignores a weight for a skill not asked, out of bounds or not a number', () => {
    const role = parse(
      [
        `skill=${SQL}`,
        `weight=${encodeURIComponent(`2 ${CHARTS}`)}`,
        `weight=${encodeURIComponent(`11 ${SQL}`)}`,
        `weight=${encodeURIComponent(`0 ${SQL}`)}`,
        `weight=${encodeURIComponent(`lots ${SQL}`)}`,
        `weight=${encodeURIComponent(SQL)}`,
      ].join('&'),
    );
    expect(role.weights).toEqual([]);
  });
});
