import type { WorkforceInventory } from '../domain/workforce/inventory.js';
import { csvHeader, csvRow } from './csv.js';

/**
 * The skills matrix as a spreadsheet: a row per connected employee (name, address, team, and with a role
 * their essential coverage), a column per skill holding the newest credential that proves it, or nothing.
 * Cells are safe against formula injection (see csv.ts); the column headers carry the skills' URIs so that
 * a file can be joined back to the framework.
 */
export function inventoryCsv(inventory: WorkforceInventory): string {
  const roleColumns = inventory.role === null ? [] : ['essential skills proven', 'essential skills asked'];
  let text = csvHeader([
    'name',
    'email',
    'team',
    ...roleColumns,
    ...inventory.skills.map((skill) => `${skill.label} <${skill.id}>`),
  ]);
  for (const person of inventory.people) {
    const coverage =
      person.roleCoverage === null
        ? []
        : [person.roleCoverage.essentialHeld, person.roleCoverage.essentialAsked];
    text += csvRow([
      person.employee.name,
      person.employee.email,
      person.employee.team,
      ...coverage,
      ...inventory.skills.map((skill) => {
        const proof = person.skills.get(skill.id)?.[0];
        return proof === undefined
          ? null
          : `${proof.achievementName} (${proof.issuerName}, ${proof.issuedAt.toISOString().slice(0, 10)})`;
      }),
    ]);
  }
  return text;
}
