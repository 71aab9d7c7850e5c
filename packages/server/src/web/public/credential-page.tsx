import type { VerificationReport } from '@microcred/vc';
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { CredentialPage } from '../../domain/earner/portfolio.js';
import { readStoredImage } from '../../domain/image/read-stored-image.js';
import type { ImportedCredential } from '../../domain/ports/index.js';
import { renderMarkdown } from '../../edge/render-markdown.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { achievementTypeWords } from '../shared/achievement-words.js';
import { BadgeImage } from '../shared/badge-image.js';
import { type CredentialFields, readCredentialFields } from '../shared/credential-fields.js';
import { credentialStateWords } from '../shared/credential-state.js';
import { Layout, PostForm, StandingBadge } from '../shared/layout.js';
import { linkedInAddToProfileUrl } from '../shared/render/linkedin-url.js';
import { publicQrCodeSvg } from '../shared/render/qr-code.js';
import { ShareLink } from '../shared/share-link.js';
import { integrityFailed, standingOfReport, VerificationPanel } from '../shared/verification-words.js';
import type { WebEnv } from '../shared/web-env.js';
import { CredentialEndorsements } from './endorsement-pages.js';
import { shareCardLink } from './share-card-routes.js';

function CredentialFacts(props: {
  readonly c: Context<WebEnv>;
  readonly fields: CredentialFields;
  readonly issuerHref: string | null;
  readonly verifiedIssuer: boolean;
  readonly issuerLogoUrl?: string | null;
}) {
  const { c, fields } = props;
  const t = c.get('t');
  return (
    <dl class="facts">
      <dt>{t('credential.issuer')}</dt>
      <dd>
        {props.issuerLogoUrl == null ? null : (
          <>
            {/* Decorative: the issuer's name follows it. */}
            <img class="issuer-logo" src={props.issuerLogoUrl} alt="" height="32" />{' '}
          </>
        )}
        {props.issuerHref === null ? fields.issuerName : <a href={props.issuerHref}>{fields.issuerName}</a>}
        {props.verifiedIssuer ? (
          <>
            {' '}
            <span class="standing standing-verified" title={t('issuer.verifiedExplained')}>
              {t('issuer.verified')}
            </span>
          </>
        ) : null}
      </dd>
      {fields.recipientName === null ? null : (
        <>
          <dt>{t('credential.recipient')}</dt>
          <dd>{fields.recipientName}</dd>
        </>
      )}
      {fields.achievementType === null ? null : (
        <>
          <dt>{t('credential.type')}</dt>
          <dd>{achievementTypeWords(t, fields.achievementType)}</dd>
        </>
      )}
      <dt>{t('credential.issued')}</dt>
      <dd>{fields.validFrom === null ? '—' : t.date(fields.validFrom)}</dd>
      <dt>{t('credential.expires')}</dt>
      <dd>{fields.validUntil === null ? t('credential.noExpiry') : t.date(fields.validUntil)}</dd>
    </dl>
  );
}

function SkillList(props: { readonly skills: CredentialFields['skills'] }) {
  return (
    <ul class="skills">
      {props.skills.map((skill) => (
        <li>
          {skill.url === null ? (
            skill.name
          ) : (
            <a href={skill.url} rel="nofollow noopener">
              {skill.name}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

function CredentialBody(props: {
  readonly c: Context<WebEnv>;
  readonly fields: CredentialFields;
  /** False where the page shows the skills already, next to the title. */
  readonly withSkills?: boolean;
}) {
  const { c, fields } = props;
  const t = c.get('t');
  return (
    <>
      {fields.criteria === null ? null : (
        <section aria-labelledby="criteria-heading">
          <h2 id="criteria-heading">{t('credential.criteria')}</h2>
          <div class="markdown">{raw(renderMarkdown(fields.criteria))}</div>
        </section>
      )}
      {fields.skills.length === 0 || props.withSkills === false ? null : (
        <section aria-labelledby="skills-heading">
          <h2 id="skills-heading">{t('credential.skills')}</h2>
          <SkillList skills={fields.skills} />
        </section>
      )}
      {fields.evidence.length === 0 ? null : (
        <section aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">{t('credential.evidence')}</h2>
          <ul>
            {fields.evidence.map((evidence) => (
              <li>
                {evidence.url === null ? (
                  (evidence.name ?? t('credential.evidenceItem'))
                ) : (
                  <a href={evidence.url} rel="nofollow noopener">
                    {evidence.name ?? evidence.url}
                  </a>
                )}
                {evidence.narrative === null ? null : (
                  <div class="markdown">{raw(renderMarkdown(evidence.narrative))}</div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/**
 * The issuer's brand colour as a thin bar over the credential. An SVG `fill` rather than a style: the
 * page's CSP allows no inline style, and a presentation attribute is not one.
 */
function BrandBar(props: { readonly color: string | null }) {
  if (props.color === null || !/^#[0-9a-f]{6}$/.test(props.color)) return null;
  return (
    <svg
      class="brand-bar"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 100 1"
      preserveAspectRatio="none"
      data-brand-color={props.color}
    >
      <rect width="100" height="1" fill={props.color} />
    </svg>
  );
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

const DOWNLOADS = [
  ['badge.png', 'download.png'],
  ['badge.svg', 'download.svg'],
  ['credential.json', 'download.json'],
  ['credential-with-log-proof.json', 'download.jsonWithLogProof'],
  ['credential.jwt', 'download.jwt'],
  ['certificate.pdf', 'download.pdf'],
] as const;

/** The credential's files; `marked` (its state) follows each name when it is no longer in force. */
function Downloads(props: { readonly c: Context<WebEnv>; readonly id: string; readonly marked?: string }) {
  const t = props.c.get('t');
  return (
    <>
      <h3>{t('download.heading')}</h3>
      <ul class="actions" aria-label={t('download.heading')}>
        {DOWNLOADS.map(([file, label]) => (
          <li>
            <a class="button secondary" href={`/credentials/${props.id}/download/${file}`} download>
              {t(label)}
              {props.marked === undefined ? null : ` ${t('state.downloadMarked', { state: props.marked })}`}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * A stored credential that fails its own checks (altered after signing): the page names no title, no
 * recipient and no issuer from it, only the verdict and the checks, of which those after the failure
 * are "not assessed".
 */
function AlteredCredentialPage(props: { readonly c: Context<WebEnv>; readonly report: VerificationReport }) {
  const t = props.c.get('t');
  return (
    <Layout c={props.c} title={t('credential.altered.title')}>
      <h1>{t('credential.altered.title')}</h1>
      <p class="lead">{t('credential.altered.lead')}</p>
      <VerificationPanel c={props.c} report={props.report} />
    </Layout>
  );
}

/** `/credentials/{id}` for browsers. */
export function IssuedCredentialPage(props: {
  readonly c: Context<WebEnv>;
  readonly page: CredentialPage;
  readonly report: VerificationReport;
  /** Where the credential is in the transparency log (null: not sequenced yet). */
  readonly logPosition: LogPosition | null;
  readonly pageUrl: string;
  readonly imageUrl: string;
  /** The platform's clock, against which the credential's own record says whether it expired. */
  readonly now: Date;
}) {
  const { c, page, report } = props;
  const t = c.get('t');
  // The document fails its own checks: nothing it says is shown as a fact, its title included.
  if (integrityFailed(report)) return <AlteredCredentialPage c={c} report={report} />;
  const fields = readCredentialFields(page.credential.document);
  const standing = standingOfReport(report);
  const notInForce = credentialStateWords(t, page.credential, props.now);
  const isPublic = page.choice?.choice === 'accepted' && page.choice.visibility === 'public';
  const id = page.credential.id;
  const issuer = page.issuer;
  const description = fields.description ?? t('credential.defaultDescription', { issuer: fields.issuerName });
  const linkedIn =
    page.viewerIsOwner && isPublic && standing === 'verified'
      ? linkedInAddToProfileUrl({
          name: fields.name,
          organizationId: issuer?.linkedinOrganizationId ?? null,
          organizationName: issuer?.name ?? fields.issuerName,
          issuedAt: page.credential.issuedAt,
          expiresAt: page.credential.validUntil,
          certUrl: props.pageUrl,
          certId: id,
        })
      : null;
  const shareText = t('share.text', { name: fields.name, issuer: fields.issuerName });
  const recipient = page.owner?.displayName ?? fields.recipientName;
  const card = shareCardLink({
    pageUrl: props.pageUrl,
    t,
    alt:
      recipient === null
        ? t('shareCard.achievementAlt', { name: fields.name, issuer: fields.issuerName })
        : t('shareCard.credentialAlt', { name: fields.name, recipient, issuer: fields.issuerName }),
  });
  const embed = `<a href="${props.pageUrl}"><img src="${props.imageUrl}" alt="${escapeAttribute(fields.name)}" width="120" height="120"></a>`;
  return (
    <Layout
      c={c}
      title={fields.name}
      description={description}
      preview={{ title: fields.name, description, url: props.pageUrl, image: card.url, card }}
    >
      <BrandBar color={issuer?.brandColor ?? null} />
      <div class="hero">
        <BadgeImage t={t} src={props.imageUrl} name={fields.name} />
        <div>
          <h1>{fields.name}</h1>
          {/* A recruiter's ten-second read: who, from whom, when, and whether it holds; the checks wait below. */}
          <p class="verdict" data-verdict-line={standing}>
            <StandingBadge c={c} standing={standing} />{' '}
            {recipient === null
              ? t('credential.verdictBy', {
                  issuer: fields.issuerName,
                  date: t.date(page.credential.issuedAt),
                })
              : t('credential.verdictTo', {
                  recipient,
                  issuer: fields.issuerName,
                  date: t.date(page.credential.issuedAt),
                })}{' '}
            <a href="#verification-heading">{t('credential.howChecked')}</a>
          </p>
          {fields.description === null ? null : <p class="lead">{fields.description}</p>}
          {fields.skills.length === 0 ? null : (
            <section aria-labelledby="skills-heading" class="hero-skills">
              <h2 id="skills-heading" class="visually-hidden">
                {t('credential.skills')}
              </h2>
              <SkillList skills={fields.skills} />
            </section>
          )}
          <CredentialFacts
            c={c}
            fields={fields}
            issuerHref={issuer === null ? null : `/issuers/${issuer.slug}`}
            verifiedIssuer={issuer?.verified === true}
            issuerLogoUrl={
              issuer === null || readStoredImage(issuer.image) === undefined
                ? null
                : `/issuers/${issuer.slug}/logo`
            }
          />
          {/* Still public at its link (the issuer published it, and a verifier given the link must be
              able to check it), but nobody should take it for something its recipient shows. */}
          {page.viewerIsOwner || page.choice?.choice === 'accepted' ? null : (
            <p class="notice" data-not-accepted>
              {t('credential.notAccepted')}
            </p>
          )}
          {!isPublic || page.owner === null || page.owner.handle === null ? null : (
            <p>
              <a href={`/u/${page.owner.handle}`}>
                {t('credential.moreFrom', { name: page.owner.displayName ?? page.owner.handle })}
              </a>
            </p>
          )}
        </div>
      </div>
      {page.viewerIsOwner ? <OwnerControls c={c} page={page} /> : null}
      {page.viewerIsOwner && notInForce === null && standing === 'verified' ? (
        <AddToWallet c={c} id={id} />
      ) : null}
      {page.walletCopies.length === 0 ? null : <WalletCopies c={c} copies={page.walletCopies} />}
      <CredentialBody c={c} fields={fields} withSkills={false} />
      <VerificationPanel c={c} report={report} collapsePassed />
      <TransparencyLogLine c={c} id={page.credential.id} position={props.logPosition} />
      <CredentialEndorsements
        c={c}
        credential={report.credential ?? page.credential.document}
        report={report}
      />
      {notInForce !== null || standing !== 'verified' ? (
        <section aria-labelledby="state-heading" class="notice notice-bad" data-state={notInForce?.state}>
          <h2 id="state-heading">{notInForce?.stamp ?? t(`standing.${standing}` as MessageKey)}</h2>
          {notInForce === null ? null : <p data-state-detail>{notInForce.detail}</p>}
          <p>{t('state.noShare')}</p>
          <Downloads c={c} id={id} marked={notInForce?.stamp ?? t(`standing.${standing}` as MessageKey)} />
        </section>
      ) : (
        <section aria-labelledby="share-heading">
          <h2 id="share-heading">{t('share.heading')}</h2>
          <ShareLink c={c} credentialId={id} url={props.pageUrl} title={fields.name} text={shareText} />
          <div class="actions">
            {linkedIn === null ? null : (
              <a
                class="button"
                href={linkedIn}
                data-linkedin-add
                data-beacon={`/credentials/${id}/events/linkedin-add`}
                rel="noopener"
                target="_blank"
              >
                {t('share.linkedinAdd')}
              </a>
            )}
            <a
              class="button secondary"
              href={`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(props.pageUrl)}`}
              data-beacon={`/credentials/${id}/events/linkedin`}
              rel="noopener"
              target="_blank"
            >
              {t('share.linkedin')}
            </a>
            <a
              class="button secondary"
              href={`https://x.com/intent/post?text=${encodeURIComponent(shareText)}&url=${encodeURIComponent(props.pageUrl)}`}
              data-beacon={`/credentials/${id}/events/x`}
              rel="noopener"
              target="_blank"
            >
              {t('share.x')}
            </a>
            <a
              class="button secondary"
              href={`mailto:?subject=${encodeURIComponent(fields.name)}&body=${encodeURIComponent(`${shareText}\n${props.pageUrl}`)}`}
              data-beacon={`/credentials/${id}/events/email`}
            >
              {t('share.email')}
            </a>
          </div>
          {page.viewerIsOwner && standing === 'verified' && !isPublic ? (
            <p class="hint">{t('share.linkedinNeedsPublic')}</p>
          ) : null}
          <Downloads c={c} id={id} />
          <div class="grid">
            <div>
              <h3>{t('share.qr')}</h3>
              <div class="qr">{raw(publicQrCodeSvg(props.pageUrl, t('share.qrAlt')))}</div>
            </div>
            <div>
              <h3 id="embed-heading">{t('share.embed')}</h3>
              <pre class="snippet" id="embed-snippet">
                {embed}
              </pre>
              <button
                type="button"
                class="secondary"
                data-copy="embed-snippet"
                data-copied={t('share.copied')}
                data-copy-failed={t('share.copyFailed')}
                data-beacon={`/credentials/${id}/events/embed`}
                hidden
              >
                {t('share.copy')}
              </button>
              <span id="embed-snippet-status" role="status"></span>
            </div>
          </div>
        </section>
      )}
    </Layout>
  );
}

/** Where a credential sits in the log; `witnessed` only when a quorum of witnesses cosigned a checkpoint covering it. */
interface LogPosition {
  readonly leafIndex: number;
  readonly loggedAt: Date;
  readonly witnessed: { readonly witnessed: number; readonly witnesses: number } | null;
}

function TransparencyLogLine(props: {
  readonly c: Context<WebEnv>;
  readonly id: string;
  readonly position: LogPosition | null;
}) {
  const t = props.c.get('t');
  if (props.position === null) return <p class="hint">{t('log.pending')}</p>;
  return (
    <p class="hint" data-log-position={String(props.position.leafIndex)}>
      {t('log.logged', {
        position: String(props.position.leafIndex),
        date: t.date(props.position.loggedAt),
      })}{' '}
      {props.position.witnessed === null ? null : (
        <span data-log-witnessed={String(props.position.witnessed.witnessed)}>
          {t('log.witnessed', {
            witnessed: String(props.position.witnessed.witnessed),
            witnesses: String(props.position.witnessed.witnesses),
          })}{' '}
        </span>
      )}
      <a href={`/api/v1/credentials/${props.id}/log-proof`}>{t('log.proof')}</a>
    </p>
  );
}

/** The owner's way to a wallet app: the form opens single-use offers and shows them on the next page. */
function AddToWallet(props: { readonly c: Context<WebEnv>; readonly id: string }) {
  const t = props.c.get('t');
  return (
    <section aria-labelledby="wallet-heading" data-add-to-wallet>
      <h2 id="wallet-heading">{t('wallet.heading')}</h2>
      <p>{t('wallet.lead')}</p>
      <PostForm c={props.c} action={`/account/credentials/${props.id}/wallet`}>
        <p class="checkbox">
          <input
            id="wallet-bind"
            type="checkbox"
            name="bindToHolder"
            value="yes"
            aria-describedby="wallet-bind-hint"
          />
          <label for="wallet-bind">{t('wallet.bind')}</label>
        </p>
        <p class="hint" id="wallet-bind-hint">
          {t('wallet.bindHint')}
        </p>
        <div class="actions">
          <button type="submit">{t('wallet.add')}</button>
        </div>
      </PostForm>
    </section>
  );
}

/** The copies signed for the owner's wallets: when, and for which wallet (its DID). */
function WalletCopies(props: {
  readonly c: Context<WebEnv>;
  readonly copies: CredentialPage['walletCopies'];
}) {
  const t = props.c.get('t');
  return (
    <section aria-labelledby="wallet-copies-heading" data-wallet-copies>
      <h2 id="wallet-copies-heading">{t('wallet.copiesHeading')}</h2>
      <p>{t('wallet.copiesLead')}</p>
      <ul class="plain-list">
        {props.copies.map((copy) => (
          <li data-wallet-copy={copy.credentialId}>
            {t.date(copy.createdAt)} — <code class="wallet-address">{copy.holderDid}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OwnerControls(props: { readonly c: Context<WebEnv>; readonly page: CredentialPage }) {
  const { c, page } = props;
  const t = c.get('t');
  const choice = page.choice?.choice ?? 'pending';
  const visibility = page.choice?.visibility ?? 'private';
  const id = page.credential.id;
  return (
    <section class="notice" aria-labelledby="owner-heading">
      <h2 id="owner-heading">{t('owner.heading')}</h2>
      <p data-visibility={choice === 'accepted' ? visibility : choice}>
        {choice === 'declined'
          ? t('owner.declined')
          : choice === 'pending'
            ? t('owner.pending')
            : visibility === 'public'
              ? t('owner.public')
              : t('owner.private')}
      </p>
      <div class="actions">
        {choice === 'accepted' && visibility === 'public' ? (
          <PostForm c={c} action={`/account/credentials/${id}`}>
            <input type="hidden" name="visibility" value="private" />
            <button type="submit" class="secondary">
              {t('owner.makePrivate')}
            </button>
          </PostForm>
        ) : (
          <PostForm c={c} action={`/account/credentials/${id}`}>
            <input type="hidden" name="visibility" value="public" />
            <button type="submit">{t('owner.makePublic')}</button>
          </PostForm>
        )}
      </div>
    </section>
  );
}

/** An imported credential's page (its own or a public one). */
export function ImportedCredentialPage(props: {
  readonly c: Context<WebEnv>;
  readonly imported: ImportedCredential;
  readonly report: VerificationReport;
  readonly isOwner: boolean;
}) {
  const { c, imported, report } = props;
  const t = c.get('t');
  const fields = readCredentialFields(imported.document);
  return (
    <Layout c={c} title={fields.name}>
      <div class="hero">
        {fields.image === null ? (
          <div></div>
        ) : (
          <img class="badge" src={fields.image} alt={t('credential.badgeAlt', { name: fields.name })} />
        )}
        <div>
          <p class="muted">{t('imported.label')}</p>
          <h1>{fields.name}</h1>
          {fields.description === null ? null : <p class="lead">{fields.description}</p>}
          <CredentialFacts c={c} fields={fields} issuerHref={null} verifiedIssuer={false} />
        </div>
      </div>
      <VerificationPanel c={c} report={report} />
      <CredentialEndorsements c={c} credential={report.credential ?? imported.document} report={report} />
      {!props.isOwner ? null : (
        <section class="notice">
          <h2>{t('owner.heading')}</h2>
          <p>{imported.visibility === 'public' ? t('owner.public') : t('owner.private')}</p>
          <div class="actions">
            {imported.verified ? (
              <PostForm c={c} action={`/account/imports/${imported.id}`}>
                <input
                  type="hidden"
                  name="visibility"
                  value={imported.visibility === 'public' ? 'private' : 'public'}
                />
                <button type="submit" class="secondary">
                  {imported.visibility === 'public' ? t('owner.makePrivate') : t('owner.makePublic')}
                </button>
              </PostForm>
            ) : (
              <p>
                {standingOfReport(report) === 'unproven'
                  ? t('imported.cannotShareUnproven')
                  : t('imported.cannotShare')}
              </p>
            )}
            <PostForm
              c={c}
              action={`/account/imports/${imported.id}/delete`}
              confirm={t('imported.confirmDelete')}
            >
              <button type="submit" class="danger">
                {t('imported.delete')}
              </button>
            </PostForm>
          </div>
        </section>
      )}
      <CredentialBody c={c} fields={fields} />
    </Layout>
  );
}
