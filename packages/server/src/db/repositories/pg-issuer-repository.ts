import { asc, eq } from 'drizzle-orm';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Page } from '../../domain/ports/common.js';
import type {
  Issuer,
  IssuerPatch,
  IssuerRepository,
  NewIssuer,
} from '../../domain/ports/issuer-repository.js';
import type { Database } from '../database.js';
import { issuers } from '../schema/issuers.js';
import { guarded, isUuid, onlyRow, pageLimit, pageOffset } from './query-helpers.js';

type IssuerRow = typeof issuers.$inferSelect;

function toIssuer(row: IssuerRow): Issuer {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    url: row.url,
    email: row.email,
    description: row.description,
    image: row.image,
    address: row.address,
    linkedinOrganizationId: row.linkedinOrganizationId,
    brandColor: row.brandColor,
    verified: row.verified,
    verifiedBy: row.verifiedBy,
    verifiedAt: row.verifiedAt,
    linkedDomain: row.linkedDomain,
    domainLinkedAt: row.domainLinkedAt,
    kind: row.kind,
    createdAt: row.createdAt,
  };
}

/** `IssuerRepository` on PostgreSQL or PGlite. */
export class PgIssuerRepository implements IssuerRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(input: NewIssuer): Promise<Issuer> {
    const rows = await guarded('issuer', () =>
      this.#db
        .insert(issuers)
        .values({
          id: input.id,
          slug: input.slug,
          name: input.name,
          url: input.url,
          email: input.email,
          description: input.description,
          image: input.image,
          address: input.address,
          linkedinOrganizationId: input.linkedinOrganizationId,
          brandColor: input.brandColor,
          verified: input.verified,
          verifiedBy: input.verifiedBy,
          verifiedAt: input.verifiedAt,
          linkedDomain: input.linkedDomain,
          domainLinkedAt: input.domainLinkedAt,
          kind: input.kind,
        })
        .returning(),
    );
    return toIssuer(onlyRow(rows, 'issuer'));
  }

  async findById(options: { readonly id: string }): Promise<Issuer | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('issuer', () =>
      this.#db.select().from(issuers).where(eq(issuers.id, options.id)),
    );
    return row === undefined ? null : toIssuer(row);
  }

  async findBySlug(options: { readonly slug: string }): Promise<Issuer | null> {
    const [row] = await guarded('issuer', () =>
      this.#db.select().from(issuers).where(eq(issuers.slug, options.slug)),
    );
    return row === undefined ? null : toIssuer(row);
  }

  async list(options: Page = {}): Promise<Issuer[]> {
    const rows = await guarded('issuer', () =>
      this.#db
        .select()
        .from(issuers)
        .where(eq(issuers.kind, 'issuer'))
        .orderBy(asc(issuers.createdAt), asc(issuers.id))
        .limit(pageLimit(options.limit, { fallback: 100, max: 500 }))
        .offset(pageOffset(options.offset)),
    );
    return rows.map(toIssuer);
  }

  async update(options: { readonly id: string; readonly patch: IssuerPatch }): Promise<Issuer> {
    const { patch } = options;
    const values = {
      slug: patch.slug,
      name: patch.name,
      url: patch.url,
      email: patch.email,
      description: patch.description,
      image: patch.image,
      address: patch.address,
      linkedinOrganizationId: patch.linkedinOrganizationId,
      brandColor: patch.brandColor,
      verified: patch.verified,
      verifiedBy: patch.verifiedBy,
      verifiedAt: patch.verifiedAt,
      linkedDomain: patch.linkedDomain,
      domainLinkedAt: patch.domainLinkedAt,
    };
    const changes = Object.values(values).some((value) => value !== undefined);
    if (!changes || !isUuid(options.id)) {
      const current = await this.findById({ id: options.id });
      if (current === null) throw notFound(options.id);
      return current;
    }
    const [row] = await guarded('issuer', () =>
      this.#db.update(issuers).set(values).where(eq(issuers.id, options.id)).returning(),
    );
    if (row === undefined) throw notFound(options.id);
    return toIssuer(row);
  }
}

function notFound(id: string): ServerError {
  return new ServerError(ServerErrorCode.NOT_FOUND, 'No such issuer', { details: { id } });
}
