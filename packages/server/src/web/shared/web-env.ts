import type { StaffAccess } from '../../domain/auth/staff-access.js';
import type { EmployerAccess } from '../../domain/employer/employer-access.js';
import type { Platform } from '../../domain/platform.js';
import type { PolicyUrls } from '../../domain/policy/policy-urls.js';
import type { Earner } from '../../domain/ports/index.js';
import type { PublicEnv } from '../../edge/public-env.js';
import type { Translator } from '../../i18n/translate.js';

/** What every page request carries: the reader's language, the signed-in earner, the form token. */
export interface WebEnv {
  Variables: PublicEnv['Variables'] & {
    t: Translator;
    earner: Earner | null;
    /** What the signed-in person may do in the issuer console (null when signed out). */
    staff: StaffAccess | null;
    /** The employer workspaces of the signed-in person (null when signed out). */
    employer: EmployerAccess | null;
    /** The cookie secret of the session, when signed in (to end it). */
    sessionSecret: string | null;
    /** The anti-CSRF token every form carries (double-submitted against its cookie). */
    csrfToken: string;
    /** The privacy policy and terms the footer links to. */
    policies: PolicyUrls;
    /** Another origin this page's form may lead to (see `allowFormRedirectTo`); unset for nearly all. */
    formRedirectOrigin?: string;
  };
}

export interface WebOptions {
  /** Cookies get `Secure` (https deployments, and localhost, which browsers treat as secure). */
  readonly secureCookies: boolean;
  /** `/dev/mailbox` exists (never in production). */
  readonly devMailbox: boolean;
  /**
   * What the privacy page says of the mail (`MAIL_FROM`, `MAIL_RETENTION_DAYS`); without it the page names
   * no sender and the default retention.
   */
  readonly mail?: { readonly from: string; readonly retentionDays: number };
}

/** What every route file is given: the use cases, and how this deployment serves its pages. */
export interface WebDeps {
  readonly platform: Platform;
  readonly options: WebOptions;
}
