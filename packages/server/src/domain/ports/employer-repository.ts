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
  /** By address. */
  listMembers(options: { readonly employerId: string }): Promise<EmployerMember[]>;
  /** Every membership of any of these (normalised) addresses. */
  listMembershipsOf(options: { readonly emails: readonly string[] }): Promise<EmployerMember[]>;
}
