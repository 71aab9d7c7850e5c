// The console's catalogues, one per part of it: spread here and in fr.ts.

import { achievementWordsEn } from './achievement-words.js';
import { catalogueEn } from './catalogue.js';
import { connectedAppsEn } from './connected-apps.js';
import { consoleAchievementsEn } from './console-achievements.js';
import { consoleAnalyticsEn } from './console-analytics.js';
import { consoleBulkEn } from './console-bulk.js';
import { consoleCredentialsEn } from './console-credentials.js';
import { consoleOrganisationEn } from './console-organisation.js';
import { consolePathwaysEn } from './console-pathways.js';
import { consoleShellEn } from './console-shell.js';
import { credentialStateEn } from './credential-state.js';
import { earnerCelebrationEn } from './earner-celebration.js';
import { earnerRolesEn } from './earner-roles.js';
import { earnerSharingEn } from './earner-sharing.js';
import { earnerSkillsEn } from './earner-skills.js';
import { employerEn } from './employer.js';
import { endorsementRequestsEn } from './endorsement-requests.js';
import { endorsementsEn } from './endorsements.js';
import { errorsEn } from './errors.js';
import { issuerEndorsementsEn } from './issuer-endorsements.js';
import { issuerTrustEn } from './issuer-trust.js';
import { notificationsEn } from './notifications.js';
import { ob2VerificationEn } from './ob2-verification.js';
import { outcomesEn } from './outcomes.js';
import { privacyEn } from './privacy.js';
import { profilePhotoEn } from './profile-photo.js';
import { publicPortfolioEn } from './public-portfolio.js';
import { recipientMatchEn } from './recipient-match.js';
import { sharedVerificationsEn } from './shared-verifications.js';
import { transparencyLogEn } from './transparency-log.js';
import { verificationChecksEn } from './verification-checks.js';
import { walletEn } from './wallet.js';
import { webhooksEn } from './webhooks.js';
import { workforceEn } from './workforce.js';

/**
 * Every user-facing string of the web pages and mails, in English. A translation is one file with the same
 * keys (see fr.ts); `{name}` placeholders are filled in by `translator`.
 */
export const en = {
  ...catalogueEn,
  ...earnerSkillsEn,
  ...publicPortfolioEn,
  ...profilePhotoEn,
  ...walletEn,
  ...connectedAppsEn,
  ...earnerRolesEn,
  ...earnerSharingEn,
  ...consoleShellEn,
  ...consoleAchievementsEn,
  ...consoleBulkEn,
  ...consoleCredentialsEn,
  ...consoleOrganisationEn,
  ...consolePathwaysEn,
  ...employerEn,
  ...workforceEn,
  ...notificationsEn,
  ...outcomesEn,
  ...webhooksEn,
  ...consoleAnalyticsEn,
  ...endorsementsEn,
  ...issuerTrustEn,
  ...ob2VerificationEn,
  ...credentialStateEn,
  ...earnerCelebrationEn,
  ...achievementWordsEn,
  ...verificationChecksEn,
  ...sharedVerificationsEn,
  ...recipientMatchEn,
  ...endorsementRequestsEn,
  ...issuerEndorsementsEn,
  ...errorsEn,
  ...transparencyLogEn,
  ...privacyEn,
  'layout.skip': 'Skip to content',
  'layout.nav': 'Main',
  'layout.footer':
    'microcred: open, verifiable micro-credentials (Open Badges 3.0, W3C Verifiable Credentials).',
  'layout.language': 'Language',
  'nav.verify': 'Verify a credential',
  'nav.signIn': 'Sign in',
  'nav.signOut': 'Sign out',
  'nav.myCredentials': 'My credentials',
  'nav.settings': 'Account',

  'home.title': 'Credentials you can prove',
  'home.lead':
    'Claim, keep and share digital credentials that anyone can check in one step, on any platform.',
  'home.earners': 'Earners',
  'home.earnersText':
    'Claim credentials sent to you, keep them in one portfolio, and share them on LinkedIn, on your resume or as a badge image.',
  'home.verifiers': 'Employers and verifiers',
  'home.verifiersText':
    'Check that a credential is genuine, unrevoked and from the issuer it names: drop the file, paste it or give its link.',
  'home.issuers': 'Issuers',
  'home.issuersPitch':
    'Universities, companies and professional bodies award credentials that carry their name and are signed with their own key.',
  'home.issuersList': 'Who awards credentials here',
  'home.api': 'The API for issuers',
  'home.figures': 'This instance in figures',
  'home.figure.issuers': '{count, plural, one {issuing organisation} other {issuing organisations}}',
  'home.figure.achievements': '{count, plural, one {achievement to earn} other {achievements to earn}}',
  'home.figure.credentials': '{count, plural, one {credential issued} other {credentials issued}}',
  'home.figure.verifications':
    '{count, plural, one {verification in the last {days} days} other {verifications in the last {days} days}}',
  'home.browse': 'Browse what you can earn',
  'home.earners.claim': 'Accept a credential from the link in its email, no password needed',
  'home.earners.keep': 'Keep every credential in one portfolio, public or private, one by one',
  'home.earners.stack': 'Stack credentials into certificates along an issuer’s pathway',
  'home.earners.share': 'Add it to LinkedIn, print the PDF certificate, embed the badge',
  'home.verifiers.check': 'Signature, issuer key, revocation and dates checked in one step',
  'home.verifiers.trust': 'Issuers vetted by this instance are marked as such',
  'home.verifiers.talent': 'Search people by skill and see the gap between a person and a role',
  'home.verifiers.workspace': 'Employer workspace',
  'home.issuers.define': 'Define achievements with criteria, skills and delivery mode',
  'home.issuers.issue': 'Issue one at a time or a whole cohort from a CSV file; revoke or suspend',
  'home.issuers.measure': 'See claims, shares, verifications and the outcomes earners report',
  'home.issuers.console': 'Issuer console',
  'home.issuers.none': 'No issuer yet.',
  'home.standards':
    'Every credential is an Open Badges 3.0 credential on W3C Verifiable Credentials 2.0, signed with Ed25519, revocable through a status list and recorded in a public transparency log: anyone can check it without asking us.',
  'home.standardsLog': 'The transparency log’s latest checkpoint',

  'signin.title': 'Sign in',
  'signin.lead': 'Enter your email address: we send you a link that signs you in. There is no password.',
  'signin.email': 'Email address',
  'signin.send': 'Send me a sign-in link',
  'signin.sent':
    'If {email} can receive mail, a sign-in link is on its way. It works once, within 30 minutes.',
  'signin.sentUnnamed':
    'If the address you entered can receive mail, a sign-in link is on its way. It works once, within 30 minutes.',
  'signin.invalid': 'Enter a valid email address.',
  'signin.confirmTitle': 'Sign in to microcred',
  'signin.confirmText': 'Continue to sign in with the address this link was sent to.',
  'signin.confirmButton': 'Sign in',

  'claim.title': 'Claim “{name}”',
  'claim.lead': '{issuer} awarded you this credential ({email}).',
  'claim.explain':
    'Accepting adds it to your portfolio, where you decide who sees it. Declining tells the issuer you do not want it; nothing is shared.',
  'claim.accept': 'Accept',
  'claim.decline': 'Decline',
  'claim.declinedTitle': 'Credential declined',
  'claim.declinedText': 'You declined this credential. It will not appear in any portfolio.',

  'account.title': 'My credentials',
  'account.noHandle': 'Your portfolio has no public address yet.',
  'account.chooseHandle': 'Choose a handle',
  'account.publicAt': 'Your public portfolio:',
  'account.empty': 'No credentials yet. Credentials sent to your confirmed addresses appear here.',

  'owner.heading': 'Your credential',
  'owner.public': 'Public: anyone with the link can see it, and it is on your public portfolio.',
  'owner.private': 'Private: only you can see it.',
  'credential.altered.title': 'Not verified',
  'credential.altered.lead':
    'This credential does not match its signature: it was changed after its issuer signed it. What it says is not shown, and nothing it says can be relied on.',
  'credential.notAccepted':
    'Its recipient has not accepted this credential yet: it shows what the issuer awarded, not what its recipient chose to share.',
  'owner.pending': 'New: accept it to show it, or decline it.',
  'owner.declined': 'Declined: it is hidden from everyone.',
  'owner.makePublic': 'Make public',
  'owner.makePrivate': 'Make private',
  'owner.restore': 'Accept it after all',

  'import.heading': 'Add a credential from elsewhere',
  'import.hint':
    'An Open Badges 3.0 credential as a file (JSON, JWT, baked PNG or SVG), pasted, or by link. It is verified now; one that does not verify is kept private.',
  'import.file': 'Choose or drop a file',
  'import.paste': 'Or paste the credential (JSON or JWT)',
  'import.url': 'Or its link',
  'import.submit': 'Add to my portfolio',
  'import.nothing': 'Choose a file, paste a credential or give a link.',
  'imported.label': 'Imported',
  'imported.cannotShare': 'This credential did not verify, so it stays private and cannot be shared.',
  'imported.cannotShareUnproven':
    'Nothing shows who signed this credential (it was accepted only in compatibility mode), so it stays private and cannot be shared.',
  'imported.delete': 'Remove from my portfolio',
  'imported.confirmDelete': 'Remove this credential from your portfolio?',

  'settings.title': 'Account',
  'settings.profile': 'Profile',
  'settings.displayName': 'Display name',
  'settings.handle': 'Public handle',
  'settings.handleHint':
    'Your portfolio address: {address}. 3 to 32 lowercase letters, digits or hyphens. Leave empty to have no public portfolio.',
  'settings.handleExample': 'your-handle',
  'settings.handleTaken': 'This handle is taken: choose another.',
  'settings.language': 'Language',
  'settings.save': 'Save',
  'settings.saved': 'Saved.',
  'settings.emails': 'Email addresses',
  'settings.emailsHint': 'Credentials sent to any confirmed address land in this one portfolio.',
  'settings.address': 'Address',
  'settings.state': 'State',
  'settings.actions': 'Actions',
  'settings.confirmed': 'Confirmed',
  'settings.unconfirmed': 'Waiting for confirmation',
  'settings.lastAddress':
    'Your only confirmed address cannot be removed: add and confirm another first, or delete your account.',
  'settings.remove': 'Remove',
  'settings.addEmail': 'Add an address',
  'settings.sendConfirmation': 'Send a confirmation link',
  'settings.confirmationSent':
    'We sent a confirmation link to the new address: open it to confirm the address.',
  'settings.emailRemoved': 'Address removed.',
  'settings.export': 'Your data',
  'settings.exportHint':
    'Download everything we hold about you, or your credentials as a CLR 2.0 bundle another platform can import.',
  'settings.exportJson': 'Download my data (JSON)',
  'settings.exportClr': 'Download a CLR 2.0 bundle',
  'settings.delete': 'Delete my account',
  'settings.deleteHint':
    'Deletes your profile, photo, addresses, choices and imports. Credentials stay valid where issuers keep them, but are no longer linked to you.',
  'settings.deleteConfirm': 'Delete your account for good?',
  'settings.deleteButton': 'Delete my account',
  'settings.deletedTitle': 'Account deleted',
  'settings.deletedText': 'Your account and everything it held are gone.',

  'verifyEmail.title': 'Confirm this address',
  'verifyEmail.text':
    'Confirm the address this link was sent to: credentials sent to it will join your portfolio.',
  'verifyEmail.button': 'Confirm',

  'credential.issuer': 'Issuer',
  'credential.recipient': 'Awarded to',
  'credential.type': 'Type',
  'credential.issued': 'Issued',
  'credential.expires': 'Expires',
  'credential.noExpiry': 'Does not expire',
  'credential.criteria': 'How it was earned',
  'credential.skills': 'Skills',
  'credential.evidence': 'Evidence',
  'credential.evidenceItem': 'Evidence',
  'credential.badgeAlt': 'Badge: {name}',
  'credential.defaultDescription': 'A verifiable credential issued by {issuer}.',
  'credential.verdictTo': 'Awarded to {recipient} by {issuer} on {date}.',
  'credential.verdictBy': 'Awarded by {issuer} on {date}.',
  'credential.howChecked': 'How it was checked',
  'credential.moreFrom': 'More credentials of {name}',

  'standing.verified': 'Verified',
  'standing.revoked': 'Revoked',
  'standing.suspended': 'Suspended',
  'standing.expired': 'Expired',
  'standing.unverified': 'Not verified',
  'standing.unproven': 'Signature valid — authorship unproven (compatibility mode)',

  'issuer.verified': 'Verified issuer',
  'issuer.verifiedExplained': 'The platform has checked that this issuer is who it says it is.',
  'issuer.notVerified': 'Issuer identity not vetted by this platform',
  'issuer.website': 'Website',
  'issuer.did': 'Identifier (DID)',
  'issuer.achievements': 'Credentials it awards',
  'issuer.noAchievements': 'No published credentials yet.',
  'achievement.earners': '{count, plural, one {Held by # person} other {Held by # people}}',
  'achievement.holders': 'Holders',
  'achievement.level': 'Level',
  'achievement.hours': 'Hours',
  'achievement.credits': 'Credits',
  'achievement.delivery': 'Delivery',

  'share.heading': 'Share and download',
  'share.linkedinAdd': 'Add to LinkedIn profile',
  'share.linkedinNeedsPublic': 'Make the credential public to add it to your LinkedIn profile.',
  'share.linkedin': 'Share on LinkedIn',
  'share.x': 'Share on X',
  'share.email': 'Share by email',
  'share.text': 'I earned “{name}” from {issuer}.',
  'share.qr': 'QR code of this page',
  'share.qrAlt': 'QR code linking to this credential page',
  'share.embed': 'Embed on your site',
  'share.copy': 'Copy',
  'share.copied': 'Copied.',
  'share.link': 'Its address',
  'share.copyLink': 'Copy link',
  'share.linkCopied': 'Link copied.',
  'share.copyFailed': 'Selected: copy it with your device’s menu or keyboard.',
  'share.native': 'Share…',
  'download.heading': 'Downloads',
  'download.png': 'Badge image (PNG)',
  'download.svg': 'Badge image (SVG)',
  'download.json': 'Credential (JSON)',
  'download.jwt': 'Credential (VC-JWT)',
  'download.pdf': 'Certificate (PDF)',
  'certificate.title': 'Certificate',
  'certificate.certifies': 'This certifies that',
  'certificate.hasEarned': 'has earned',
  'shareCard.credential': 'Digital credential',
  'shareCard.earnedBy': 'Earned by {name}',
  'shareCard.issuedBy': 'Issued by {issuer}',
  'shareCard.credentialAlt': '{name}, earned by {recipient}, issued by {issuer}',
  'shareCard.achievement': 'Credential',
  'shareCard.achievementAlt': '{name}, issued by {issuer}',
  'shareCard.portfolio': 'Portfolio',
  'shareCard.portfolioLead': 'Verifiable credentials and skills',
  'shareCard.portfolioAlt': 'Portfolio of {name}',
  'certificate.issuedOn': 'Issued on',
  'certificate.expiresOn': 'Expires on',
  'certificate.verifyAt': 'Verify at',
  'certificate.issuedBy': 'Issued by',

  'verify.title': 'Verify a credential',
  'verify.lead':
    'Check that a credential is genuine, unchanged, unrevoked and from the issuer it names. Nothing you check is stored.',
  'verify.file': 'Choose or drop a file (JSON, JWT, baked PNG or SVG)',
  'verify.fileHint': 'Up to 2 MB.',
  'verify.paste': 'Or paste the credential (JSON or JWT)',
  'verify.url': 'Or its link',
  'verify.submit': 'Verify',
  'verify.nothing': 'Choose a file, paste a credential or give a link to check.',
  'verify.urlNotFound': 'Nothing is published at this link (or it is private).',
  'verify.urlUnavailable':
    'This server does not fetch credentials from other sites: download the credential and upload the file instead.',
  'verify.result': 'Result',
  'verify.resultFor': '“{name}” from {issuer}',
  'verify.howChecked': '{count, plural, one {The check, in detail} other {The # checks, in detail}}',
  'verify.panel.heading': 'Verification',
  'verify.summary.verified': 'Every check passed: this credential is genuine and in force.',
  'verify.summary.revoked': 'The issuer has revoked this credential: it no longer vouches for it.',
  'verify.summary.suspended': 'The issuer has suspended this credential for now.',
  'verify.summary.expired': 'This credential has expired.',
  'verify.summary.unverified': 'This credential could not be verified: do not rely on what it says.',
  'verify.summary.unproven':
    'The signature is intact, but nothing shows that the issuer it names made it: it was accepted only by a compatibility mode that is unsafe for production. Do not rely on who it says issued it.',
  'verify.outcome.ok': 'passed',
  'verify.outcome.warning': 'passed, with a caveat',
  'verify.outcome.failed': 'failed',
  'verify.outcome.skipped': 'not assessed',
  'verify.skipped.meaning':
    'The document failed a check above, so what it says about this cannot be trusted either way.',
  // Between a label and its value: French puts a no-break space before the colon.
  'punctuation.colon': ': ',
  'verify.detail': 'technical detail',
  'verify.nested': 'Credentials inside ({count})',
  'upload.tooLarge': 'The file is too large: the limit is {limit} MB.',
  'upload.wrongType': 'This file is not a credential: upload JSON, a JWT, or a baked PNG or SVG.',

  'check.parse.label': 'Format',
  'check.parse.ok': 'The input could be read as a credential.',
  'check.parse.failed':
    'The input is not a credential this verifier can read, so nothing about it can be confirmed.',
  'check.jwt.label': 'JWT envelope',
  'check.jwt.ok': 'The JWT wrapping the credential is well formed and its claims agree with the credential.',
  'check.jwt.failed':
    'The JWT wrapping is malformed or contradicts the credential, so the credential cannot be trusted.',
  'check.context.label': 'Vocabulary',
  'check.context.ok': 'The credential uses known, standard vocabularies.',
  'check.context.failed':
    'The credential uses a vocabulary this verifier does not know, so its meaning cannot be fixed.',
  'check.type.label': 'Credential type',
  'check.type.ok': 'It is a Verifiable Credential.',
  'check.type.failed': 'It does not declare itself a Verifiable Credential.',
  'check.open-badge.label': 'Open Badge',
  'check.open-badge.ok': 'It is an Open Badges credential.',
  'check.open-badge.failed': 'It is not an Open Badges credential.',
  'check.schema.label': 'Structure',
  'check.schema.ok': 'Its structure follows the Open Badges 3.0 data model.',
  'check.schema.failed':
    'Its structure breaks the Open Badges 3.0 data model; some fields may not mean what they seem.',
  'check.subject.label': 'Recipient',
  'check.subject.ok': 'It names who earned it.',
  'check.subject.failed': 'It does not properly name who earned it.',
  'check.proof.label': 'Signature',
  'check.proof.ok': 'The signature is intact: the content is exactly what the issuer signed.',
  'check.proof.failed':
    'The signature does not match: the credential was altered after signing or was not signed by the key it names. Do not trust its content.',
  'check.json-ld.label': 'Signed meaning',
  'check.json-ld.ok': 'Every signed term has a defined meaning.',
  'check.json-ld.failed':
    'Some signed terms have no defined meaning, so parts of the content escape the signature.',
  'check.issuer.label': 'Issuer',
  'check.issuer.ok': 'The signing key belongs to the issuer the credential names.',
  'check.issuer.failed':
    'The signing key cannot be tied to the issuer the credential names: someone else may have made it.',
  'check.valid-from.label': 'Start date',
  'check.valid-from.ok': 'The credential is already in force.',
  'check.valid-from.failed': 'The credential is not in force yet.',
  'check.valid-until.label': 'Expiry',
  'check.valid-until.ok': 'The credential has not expired.',
  'check.valid-until.failed':
    'The credential has expired: the issuer no longer vouches for it after its end date.',
  'check.status.label': 'Revocation',
  'check.status.ok': 'The issuer has not revoked or suspended it.',
  'check.status.failed': 'The issuer has revoked or suspended it, or its status could not be checked.',
  'check.endorsements.label': 'Endorsements',
  'check.endorsements.ok': 'Its endorsements are valid.',
  'check.endorsements.failed': 'One of its endorsements does not verify.',
  'check.nested-credentials.label': 'Credentials inside',
  'check.nested-credentials.ok': 'Every credential inside verifies.',
  'check.nested-credentials.failed': 'A credential inside does not verify.',
  'check.other.label': 'Other check',
  'check.other.ok': 'This check passed.',
  'check.other.failed': 'This check failed.',

  'pathways.title': 'My pathways',
  'pathways.mine': 'My pathways',
  'pathways.none':
    'You are not on a pathway yet. Follow one below, or earn a credential that counts toward one.',
  'pathways.follow': 'Pathways you can follow',
  'pathways.followButton': 'Follow',
  'pathways.unfollowButton': 'Stop following',
  'pathway.stepsDone': '{done, plural, other {#}} of {total, plural, one {# step} other {# steps}} done',
  'pathway.percent': '{percent}% done',
  'pathway.complete': 'Complete',
  'pathway.progressOf': 'Progress on {name}',
  'pathway.next': 'Next steps',
  'pathway.oneMore': 'One more credential completes it; any of',
  'pathway.step': 'Step',
  'pathway.missing': 'Still missing',
  'pathway.completes': 'Would complete it',
  'pathway.document': 'The pathway as open data',
  'pathway.certificate': 'See the certificate you earned',
  'pathway.unknownAchievement': 'An achievement',
  'pathway.state.done': 'Done',
  'pathway.state.inProgress': 'In progress',
  'pathway.state.missing': 'Missing',
  'pathway.state.blocked': 'Waiting for an earlier step',
  'pathway.rule.all': 'All of these',
  'pathway.rule.nOf': '{n} of {m}',
  'pathway.rule.credits': '{n} credits',
  'pathway.rule.hours': '{n} hours',
  'pathway.rule.step': 'Step',

  'mailbox.title': 'Development mailbox',
  'mailbox.lead':
    'No mail server is configured, so mail is kept here (and written to the outbox folder). This page does not exist in production.',
  'mailbox.empty': 'No mail yet.',
  'mailbox.open': 'Open the development mailbox',
  'mailbox.to': 'To',
  'mailbox.subject': 'Subject',
  'mailbox.when': 'Sent',
  'mailbox.back': 'All mail',

  'error.title': 'This did not work',
  'error.notFound': 'Page not found',
  'error.notFoundText': 'There is nothing here, or it is private.',
  'error.internal': 'Something went wrong',
  'error.internalText': 'The server could not finish this request. Try again in a moment.',
  'error.tooMany': 'Too many requests',
  'error.tooManyText':
    'There have been too many attempts from here or for this address. Try again in {minutes} min.',
  'error.home': 'Go to the home page',

  'mail.claim.subject': 'You earned “{achievement}” from {issuer}',
  'mail.claim.body': '{issuer} has awarded you “{achievement}”, a verifiable digital credential.',
  'mail.claim.action': 'Claim your credential',
  'mail.claim.note':
    'The link works once and for 60 days. If you were not expecting this credential you can decline it there.',
  'mail.signIn.subject': 'Your microcred sign-in link',
  'mail.signIn.body': 'Someone (we hope you) asked to sign in to microcred with this address.',
  'mail.signIn.action': 'Sign in',
  'mail.signIn.note': 'The link works once, within 30 minutes. If you did not ask for it, ignore this mail.',
  'mail.verifyEmail.subject': 'Confirm {email} for your microcred account',
  'mail.verifyEmail.body': 'Confirm that {email} is yours: credentials sent to it will join your portfolio.',
  'mail.verifyEmail.action': 'Confirm this address',
  'mail.verifyEmail.note':
    'The link works once, within 24 hours. If you did not ask for it, ignore this mail.',
} as const;

export type MessageKey = keyof typeof en;
