import type { Context } from 'hono';
import type { IssuerView } from '../../domain/issuer/manage-issuers.js';
import { PostForm } from '../shared/layout.js';
import { Notes } from '../shared/notes.js';
import type { WebEnv } from '../shared/web-env.js';
import { ConsoleLayout } from './console-layout.js';

/** `/console/admin/issuers`: every issuer, whether it is vetted (by whom, when), and vet / withdraw. */
export function AdminIssuersPage(props: {
  readonly c: Context<WebEnv>;
  readonly issuers: readonly IssuerView[];
  readonly message?: string | undefined;
}) {
  const { c } = props;
  const t = c.get('t');
  return (
    <ConsoleLayout c={c} workspace={null} title={t('console.trust.issuersTitle')}>
      <h1>{t('console.trust.issuersTitle')}</h1>
      <p class="lead">{t('console.trust.issuersLead')}</p>
      <Notes message={props.message} error={undefined} />
      <p>
        <a href="/console/admin/issuers/new">{t('console.nav.newIssuer')}</a>
      </p>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('console.admin.name')}</th>
              <th scope="col">{t('console.trust.vetting')}</th>
              <th scope="col">{t('console.trust.domain')}</th>
              <th scope="col">{t('console.trust.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.issuers.map((issuer) => (
              <tr data-issuer={issuer.slug} data-vetted={issuer.verified ? 'yes' : 'no'}>
                <th scope="row">
                  <a href={`/console/${issuer.slug}`}>{issuer.name}</a>
                </th>
                <td>
                  {issuer.verified
                    ? t('console.trust.vettedBy', {
                        who: issuer.verifiedBy ?? t('console.admin'),
                        date: issuer.verifiedAt === null ? '' : t.date(issuer.verifiedAt),
                      })
                    : t('console.trust.notVetted')}
                </td>
                <td>{issuer.linkedDomain ?? t('console.trust.noDomain')}</td>
                <td>
                  <PostForm
                    c={c}
                    action={`/console/admin/issuers/${issuer.id}/vetting`}
                    class="inline"
                    confirm={
                      issuer.verified ? t('console.trust.confirmUnvet', { name: issuer.name }) : undefined
                    }
                  >
                    <input type="hidden" name="vetted" value={issuer.verified ? 'no' : 'yes'} />
                    <button
                      type="submit"
                      class={issuer.verified ? 'danger' : 'secondary'}
                      aria-label={`${issuer.verified ? t('console.trust.unvet') : t('console.trust.vet')} ${issuer.name}`}
                    >
                      {issuer.verified ? t('console.trust.unvet') : t('console.trust.vet')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ConsoleLayout>
  );
}
