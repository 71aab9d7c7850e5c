import type { Page } from './common.js';

/** An employer's staff: an owner also manages members and keys; a recruiter searches; a viewer reads. */
export const EMPLOYER_ROLES = ['owner', 'recruiter', 'viewer'] as const;
export type EmployerRole = (typeof EMPLOYER_ROLES)[number];

/** An organisation that looks for people by their verified skills; never an issuer of credentials. */
export interface Employer {
  readonly id: string;
  /** Its workspace's address: `/employer/{slug}`. */
  readonly slug: string;
  readonly name: string;
  readonly description: string | null;
  readonly website: string | null;
  /** The issuer-kind profile it signs endorsements as (kind `employer`); null until it first endorses. */
  readonly profileIssuerId: string | null;
  readonly createdAt: Date;
}

export interface NewEmployer {
  readonly slug: string;
  readonly name: string;
  readonly description?: string | null;
  readonly website?: string | null;
}

/** A person who works for an employer, known by the address they were invited with. */
export interface EmployerMember {
  readonly employerId: string;
  /** Normalised (lower-case). */
  readonly email: string;
  readonly role: EmployerRole;
  readonly createdAt: Date;
}

/** Employers and their staff. */
export interface EmployerRepository {
  /** Throws `CONFLICT` when the slug is taken. */
  create(input: NewEmployer): Promise<Employer>;
  findById(options: { readonly id: string }): Promise<Employer | null>;
  findBySlug(options: { readonly slug: string }): Promise<Employer | null>;
  /** By name. */
  list(options: Page): Promise<Employer[]>;
  /** Adds the member, or changes their role. Throws `NOT_FOUND` when the employer does not exist. */
  putMember(input: {
    readonly employerId: string;
    readonly email: string;
    readonly role: EmployerRole;
  }): Promise<EmployerMember>;
  /** True when there was such a member. */
  removeMember(options: { readonly employerId: string; readonly email: string }): Promise<boolean>;
  /**
   * Links the employer to its signing profile when it has none yet; returns the employer as it then is
   * (its own profile kept when it had one). Throws `NOT_FOUND` when there is no such employer.
   */
  setProfile(options: { readonly id: string; readonly profileIssuerId: string }): Promise<Employer>;
  /** The employer whose signing profile this is. */
  findByProfile(options: { readonly profileIssuerId: string }): Promise<Employer | null>;
  /** By address. */
  listMembers(options: { readonly employerId: string }): Promise<EmployerMember[]>;
  /** Every membership of any of these (normalised) addresses. */
  listMembershipsOf(options: { readonly emails: readonly string[] }): Promise<EmployerMember[]>;
}

/** One skill of a saved role, as the employer reviewed it. */
export interface SavedRoleSkill {
  /** The framework URI. */
  readonly id: string;
  readonly label: string;
  readonly essential: boolean;
  /** How much it weighs in a ranking (essential 2, optional 1 unless the employer says otherwise). */
  readonly weight: number;
  /** Candidates must prove it. */
  readonly required: boolean;
}

/** A role an employer saved, to search for it again and to measure its workforce against it. */
export interface SavedRole {
  readonly id: string;
  readonly employerId: string;
  readonly title: string;
  /** The ESCO occupation it started from, if any. */
  readonly occupationUri: string | null;
  readonly skills: readonly SavedRoleSkill[];
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface SavedRoleInput {
  readonly title: string;
  readonly occupationUri: string | null;
  readonly skills: readonly SavedRoleSkill[];
}

/** An employer's saved roles. */
export interface EmployerRoleRepository {
  create(
    input: SavedRoleInput & { readonly employerId: string; readonly createdBy: string | null },
  ): Promise<SavedRole>;
  /** Null when the role is not this employer's (or does not exist). */
  update(
    input: SavedRoleInput & { readonly employerId: string; readonly id: string },
  ): Promise<SavedRole | null>;
  find(options: { readonly employerId: string; readonly id: string }): Promise<SavedRole | null>;
  /** By title. */
  list(options: { readonly employerId: string }): Promise<SavedRole[]>;
  /** True when there was one. */
  delete(options: { readonly employerId: string; readonly id: string }): Promise<boolean>;
}

/**
 * Someone an employer invited to connect their portfolio to its workforce inventory. `invited` until the
 * earner proving `email` answers; `connected` while they share; `declined` if they said no.
 */
export interface Employee {
  readonly id: string;
  readonly employerId: string;
  /** Normalised (lower-case). */
  readonly email: string;
  readonly team: string | null;
  readonly invitedBy: string | null;
  readonly invitedAt: Date;
  readonly earnerId: string | null;
  /** The credentials the employee shows; null: every one, now and later. */
  readonly credentialIds: readonly string[] | null;
  readonly connectedAt: Date | null;
  readonly declinedAt: Date | null;
}

export type EmployeeStatus = 'invited' | 'connected' | 'declined';

export function employeeStatus(employee: Employee): EmployeeStatus {
  if (employee.earnerId !== null) return 'connected';
  return employee.declinedAt === null ? 'invited' : 'declined';
}

/** Employees and their connections. */
export interface EmployeeRepository {
  /**
   * Invites the address (or, when already invited, changes the team and invites again after a
   * decline). Throws `NOT_FOUND` when the employer does not exist.
   */
  invite(input: {
    readonly employerId: string;
    readonly email: string;
    readonly team: string | null;
    readonly invitedBy: string | null;
  }): Promise<Employee>;
  setTeam(options: {
    readonly employerId: string;
    readonly id: string;
    readonly team: string | null;
  }): Promise<Employee | null>;
  find(options: { readonly employerId: string; readonly id: string }): Promise<Employee | null>;
  findById(options: { readonly id: string }): Promise<Employee | null>;
  /** By team, then address. */
  list(options: { readonly employerId: string }): Promise<Employee[]>;
  /** Every invitation of any of these (normalised) addresses, and every connection of the earner. */
  listOf(options: { readonly earnerId: string; readonly emails: readonly string[] }): Promise<Employee[]>;
  /** Connects (or changes what is shown); the talent listing follows in the same call. */
  connect(options: {
    readonly id: string;
    readonly earnerId: string;
    readonly credentialIds: readonly string[] | null;
  }): Promise<Employee>;
  /** Declines an invitation or ends a connection: nothing of the earner is shown from this instant. */
  decline(options: { readonly id: string }): Promise<Employee>;
  /** True when there was one. The employer removes someone from its inventory. */
  remove(options: { readonly employerId: string; readonly id: string }): Promise<boolean>;
}
