/** Verification results shared by link, in English and French (spread into en.ts and fr.ts). */
export const sharedVerificationsEn = {
  'verify.share.button': 'Get a link to this result',
  'verify.share.hint':
    'Anyone with the link sees this result and when it was checked. The credential itself is not kept unless it is public on this platform; only its fingerprint and the result are.',
  'sharedVerification.title': 'Shared verification result',
  'sharedVerification.firstChecked': 'First checked on {date}: {outcome}.',
  'sharedVerification.verified': 'verified',
  'sharedVerification.notVerified': 'not verified',
  'sharedVerification.firstHeading': 'Result when it was first checked',
  'sharedVerification.recheckHeading': 'Checked again just now',
  'sharedVerification.recheckLead':
    'This credential is public on this platform, so it is verified again every time this page is opened.',
  'sharedVerification.openCredential': 'Open the credential',
  'sharedVerification.digestOnly':
    'This platform kept only the credential’s fingerprint (SHA-256 {digest}) and the result, not the credential, so this page cannot check it again by itself. If you hold a copy, check it against this result:',
  'sharedVerification.compareHeading': 'Check your copy',
  'sharedVerification.compareSubmit': 'Check my copy',
  'sharedVerification.same': 'Your copy is the credential that was checked on {date}.',
  'sharedVerification.different':
    'Your copy is not the credential that was checked on {date}: it is a different document.',
  'sharedVerification.yourCopy': 'Your copy, verified now',
  'sharedVerification.link': 'Link to this result',
} as const;

export const sharedVerificationsFr: Readonly<Record<keyof typeof sharedVerificationsEn, string>> = {
  'verify.share.button': 'Obtenir un lien vers ce résultat',
  'verify.share.hint':
    'Toute personne ayant le lien voit ce résultat et sa date. Le titre lui-même n’est conservé que s’il est public sur cette plateforme ; sinon seuls son empreinte et le résultat le sont.',
  'sharedVerification.title': 'Résultat de vérification partagé',
  'sharedVerification.firstChecked': 'Vérifié la première fois le {date} : {outcome}.',
  'sharedVerification.verified': 'vérifié',
  'sharedVerification.notVerified': 'non vérifié',
  'sharedVerification.firstHeading': 'Résultat lors de la première vérification',
  'sharedVerification.recheckHeading': 'Vérifié de nouveau à l’instant',
  'sharedVerification.recheckLead':
    'Ce titre est public sur cette plateforme : il est vérifié de nouveau à chaque ouverture de cette page.',
  'sharedVerification.openCredential': 'Ouvrir le titre',
  'sharedVerification.digestOnly':
    'Cette plateforme n’a gardé que l’empreinte du titre (SHA-256 {digest}) et le résultat, pas le titre : cette page ne peut pas le vérifier de nouveau seule. Si vous en avez une copie, comparez-la à ce résultat :',
  'sharedVerification.compareHeading': 'Vérifier votre copie',
  'sharedVerification.compareSubmit': 'Vérifier ma copie',
  'sharedVerification.same': 'Votre copie est le titre vérifié le {date}.',
  'sharedVerification.different':
    'Votre copie n’est pas le titre vérifié le {date} : c’est un autre document.',
  'sharedVerification.yourCopy': 'Votre copie, vérifiée maintenant',
  'sharedVerification.link': 'Lien vers ce résultat',
};
