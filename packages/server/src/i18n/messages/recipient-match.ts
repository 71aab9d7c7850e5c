/** Whether a credential was issued to a given address: the `recipient` check and the /verify field (spread into en.ts and fr.ts). */
export const recipientMatchEn = {
  'check.recipient.label': 'Issued to',
  'check.recipient.ok': 'It was issued to the address given.',
  'check.recipient.failed':
    'It was not issued to the address given: the credential is someone else’s, or was issued under another address.',
  'verify.recipient': 'Issued to (email, optional)',
  'verify.recipientHint':
    'The address of the person who sent you the credential: the report then says whether it was issued to them.',
  'verify.recipient.match': 'Issued to the person who sent it? Yes: it was issued to {email}.',
  'verify.recipient.mismatch':
    'Issued to the person who sent it? No: it was not issued to {email}. Ask them which address the issuer used.',
  'verify.recipient.unstated':
    'Issued to the person who sent it? Cannot tell: the credential does not say who it was issued to.',
};

export const recipientMatchFr: Readonly<Record<keyof typeof recipientMatchEn, string>> = {
  'check.recipient.label': 'Délivré à',
  'check.recipient.ok': 'Il a été délivré à l’adresse indiquée.',
  'check.recipient.failed':
    'Il n’a pas été délivré à l’adresse indiquée : le titre appartient à quelqu’un d’autre, ou a été délivré à une autre adresse.',
  'verify.recipient': 'Délivré à (adresse e-mail, facultatif)',
  'verify.recipientHint':
    'L’adresse de la personne qui vous a envoyé le titre : le rapport dit alors s’il lui a été délivré.',
  'verify.recipient.match': 'Délivré à la personne qui l’a envoyé ? Oui : il a été délivré à {email}.',
  'verify.recipient.mismatch':
    'Délivré à la personne qui l’a envoyé ? Non : il n’a pas été délivré à {email}. Demandez-lui quelle adresse l’émetteur a utilisée.',
  'verify.recipient.unstated':
    'Délivré à la personne qui l’a envoyé ? Impossible à dire : le titre ne dit pas à qui il a été délivré.',
};
